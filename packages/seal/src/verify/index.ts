import { X509Certificate } from 'node:crypto';
import type { SealVerification } from '@gongwen/core';
import {
  PDFArray,
  type PDFContext,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFString,
} from 'pdf-lib';
import { appearanceSha256 } from '../appearance-hash.ts';
import { readCertificates } from '../certificates.ts';
import { integerHex } from '../der.ts';
import { certificateParts, commonNameOf } from '../x509.ts';
import { buildChain } from './chain.ts';
import { digestRanges, findSignerCertificate, parseCms, signatureValid } from './cms.ts';
import { isRevoked, type ParsedCrl, parseCrls } from './crl.ts';
import { changesBesidesSeals } from './revisions.ts';

/** Trust settings for offline verification. */
export interface VerifyOptions {
  /** Root (or pinned) certificates, DER or PEM. */
  trustAnchors: Array<Uint8Array | string>;
  /** CRLs, DER or PEM, consulted for every certificate in the path. */
  crls?: Array<Uint8Array | string>;
  /** When to judge certificate validity (default: now). */
  at?: Date;
}

/** One seal's verdict, with the signature field it was found in. */
export interface SealReport extends SealVerification {
  fieldName: string | null;
  /** The ByteRange as found, or null when there is no signature. */
  byteRange: [number, number, number, number] | null;
}

interface RawSignature {
  byteRange: [number, number, number, number];
}

interface Widget {
  fieldName: string | null;
  imageSha256: string | null;
  byteRange: string | null;
}

function blank(problem: string): SealReport {
  return {
    signerName: null,
    certificateSerial: null,
    signingTime: null,
    coversWholeDocument: false,
    intact: false,
    trusted: false,
    revoked: false,
    imageSha256: null,
    valid: false,
    problems: [problem],
    fieldName: null,
    byteRange: null,
  };
}

/** More signatures than any real document carries; a bound against hostile input. */
const MAX_SIGNATURES = 64;

/** Every distinct `/ByteRange [a b c d]` in the file, in file order (at most MAX_SIGNATURES). */
function findByteRanges(bytes: Uint8Array): RawSignature[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const seen = new Set<string>();
  const out: RawSignature[] = [];
  for (const m of text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)) {
    if (out.length >= MAX_SIGNATURES) break;
    const key = `${m[1]} ${m[2]} ${m[3]} ${m[4]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ byteRange: [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] });
  }
  return out;
}

/** Signature-field widgets: their name, image hash and the ByteRange of their value. */
function findWidgets(ctx: PDFContext): Widget[] {
  const widgets: Widget[] = [];
  for (const [, obj] of ctx.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('FT')) !== PDFName.of('Sig')) continue;
    const nameObj = obj.get(PDFName.of('T'));
    const fieldName =
      nameObj instanceof PDFHexString || nameObj instanceof PDFString ? nameObj.decodeText() : null;
    const ap = ctx.lookupMaybe(obj.get(PDFName.of('AP')), PDFDict);
    const sig = ctx.lookupMaybe(obj.get(PDFName.of('V')), PDFDict);
    const range = sig && ctx.lookupMaybe(sig.get(PDFName.of('ByteRange')), PDFArray);
    const byteRange = range
      ? range
          .asArray()
          .map((n) => (n instanceof PDFNumber ? n.asNumber() : Number.NaN))
          .join(' ')
      : null;
    widgets.push({
      fieldName,
      imageSha256: appearanceSha256(ctx, ap?.get(PDFName.of('N'))),
      byteRange,
    });
  }
  return widgets;
}

async function loadContext(bytes: Uint8Array): Promise<PDFContext | null> {
  try {
    const doc = await PDFDocument.load(bytes, {
      ignoreEncryption: true,
      updateMetadata: false,
      throwOnInvalidObject: true,
    });
    return doc.context;
  } catch {
    return null;
  }
}

const isHex = (bytes: Uint8Array) => /^[0-9a-fA-F]*$/.test(Buffer.from(bytes).toString('latin1'));

/** Checks one signature's bytes, CMS, certificate path and revocation. */
function checkSignature(
  bytes: Uint8Array,
  raw: RawSignature,
  anchors: X509Certificate[],
  crls: ParsedCrl[],
  at: Date,
): SealReport {
  const report = blank('');
  report.problems = [];
  report.byteRange = raw.byteRange;
  const [a, b, c, d] = raw.byteRange;
  if (a !== 0 || b <= 0 || c <= b + 1) {
    report.problems.push('ByteRange 不合规');
    return report;
  }
  if (c + d > bytes.length) {
    report.problems.push('文件被截断：签名范围超出文件末尾');
    return report;
  }
  report.coversWholeDocument = c + d === bytes.length;
  const gap = bytes.subarray(b + 1, c - 1);
  if (bytes[b] !== 0x3c || bytes[c - 1] !== 0x3e || !isHex(gap) || gap.length % 2) {
    report.problems.push('ByteRange 未排除的内容不是签名值');
    return report;
  }
  let cms: ReturnType<typeof parseCms>;
  try {
    cms = parseCms(Buffer.from(Buffer.from(gap).toString('latin1'), 'hex'));
  } catch (e) {
    report.problems.push(`签名数据（CMS）无法解析：${(e as Error).message}`);
    return report;
  }
  report.signingTime = cms.signingTime;
  const signerDer = findSignerCertificate(cms);
  if (!signerDer) {
    report.problems.push('签名中找不到与 SignerInfo 颁发者和序列号一致的证书');
    return report;
  }
  const parts = certificateParts(signerDer);
  report.signerName = commonNameOf(parts.subject);
  report.certificateSerial = integerHex(parts.serial);
  const leaf = new X509Certificate(signerDer);

  const digest = digestRanges(cms, [bytes.subarray(0, b), bytes.subarray(c, c + d)]);
  const digestOk = !!cms.messageDigest && Buffer.compare(digest, cms.messageDigest) === 0;
  if (!digestOk) report.problems.push('文档摘要与签名不符：签名范围内的内容已被改动');
  const sigOk = signatureValid(cms, leaf);
  if (!sigOk) report.problems.push('签名值无效');
  report.intact = digestOk && sigOk;

  const intermediates = cms.certificates.map((der) => new X509Certificate(der));
  const chain = buildChain(leaf, intermediates, anchors, at);
  report.trusted = chain.trusted;
  report.problems.push(...chain.problems);
  if (
    cms.signingTime &&
    (cms.signingTime < new Date(leaf.validFrom) || cms.signingTime > new Date(leaf.validTo))
  ) {
    report.trusted = false;
    report.problems.push('签名时间不在签章证书有效期内');
  }
  for (let i = 0; i + 1 < chain.path.length; i++) {
    const cert = chain.path[i]!;
    const issuer = chain.path[i + 1]!;
    const p = certificateParts(cert.raw);
    if (isRevoked(integerHex(p.serial), p.issuer.raw, issuer, crls)) {
      report.revoked = true;
      report.problems.push(`证书已被吊销（序列号 ${integerHex(p.serial)}）`);
    }
  }
  return report;
}

/**
 * Verifies every seal (PDF signature) in `bytes` offline, without node-forge. Never throws on
 * hostile input: an unreadable file yields one invalid report; a PDF without seals yields [].
 * Unreadable trust anchors or CRLs are configuration errors and do throw.
 */
export async function verifySealedPdf(
  bytes: Uint8Array,
  options: VerifyOptions,
): Promise<SealReport[]> {
  const anchors = options.trustAnchors.flatMap((t) =>
    readCertificates(t).map((der) => new X509Certificate(der)),
  );
  const crls = (options.crls ?? []).flatMap((c) => parseCrls(c));
  const at = options.at ?? new Date();
  try {
    if (!(bytes instanceof Uint8Array) || bytes.length < 8) return [blank('不是 PDF 文件')];
    const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
    if (!head.includes('%PDF-')) return [blank('不是 PDF 文件')];
    const ctx = await loadContext(bytes);
    const widgets = ctx ? findWidgets(ctx) : [];
    const reports = findByteRanges(bytes).map((raw) => {
      try {
        return checkSignature(bytes, raw, anchors, crls, at);
      } catch (e) {
        const r = blank(`验证出错：${(e as Error).message}`);
        r.byteRange = raw.byteRange;
        return r;
      }
    });
    for (const r of reports) {
      const w = widgets.find((x) => x.byteRange === r.byteRange?.join(' '));
      r.fieldName = w?.fieldName ?? null;
      r.imageSha256 = w?.imageSha256 ?? null;
      if (!ctx) r.problems.push('PDF 结构无法解析');
      else if (!w) r.problems.push('签名没有对应的签名域');
    }
    for (const w of widgets) {
      if (w.byteRange === null && w.imageSha256) {
        const r = blank('印章图像没有数字签名');
        r.fieldName = w.fieldName;
        r.imageSha256 = w.imageSha256;
        reports.push(r);
      }
    }
    await checkLaterChanges(bytes, reports, ctx);
    for (const r of reports) {
      r.valid = r.intact && r.trusted && !r.revoked && r.problems.length === 0;
    }
    if (reports.length === 0 && !ctx) return [blank('PDF 结构无法解析')];
    return reports;
  } catch (e) {
    return [blank(`验证出错：${(e as Error).message}`)];
  }
}

/**
 * A seal that does not reach the end of the file is still good when everything after it was
 * added by later valid seals and changes nothing but signature fields (联合行文).
 */
async function checkLaterChanges(
  bytes: Uint8Array,
  reports: SealReport[],
  ctx: PDFContext | null,
): Promise<void> {
  const sealedEnds = new Set(
    reports
      .filter((r) => r.intact && r.trusted && !r.revoked && r.byteRange)
      .map((r) => r.byteRange![2] + r.byteRange![3]),
  );
  for (const r of reports) {
    if (!r.intact || r.coversWholeDocument || !r.byteRange) continue;
    if (!sealedEnds.has(bytes.length) || !ctx) {
      r.problems.push('盖章后文档被修改（其后追加的增量更新没有有效印章）');
      continue;
    }
    const older = await loadContext(bytes.subarray(0, r.byteRange[2] + r.byteRange[3]));
    const changes = older ? changesBesidesSeals(older, ctx) : ['盖章时的版本无法解析'];
    if (changes.length) r.problems.push(`盖章后文档被修改：${changes.join('；')}`);
  }
}
