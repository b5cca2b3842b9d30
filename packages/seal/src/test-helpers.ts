/**
 * Shared fixtures for the tests (not part of the public API): a Chinese-named CA and units,
 * sample PDFs, and wrappers around the independent tools (pdfsig, certutil, openssl).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import {
  type CertifiedKey,
  certificatePem,
  createUnitCa,
  issueSealCertificate,
} from './certificates.ts';
import { readNode } from './der.ts';

/** The fixed signing time of the tests. */
export const NOW = new Date('2026-11-25T08:00:00Z');
/** Validity that holds for the tests and for the real clock that pdfsig and openssl use. */
export const LONG = {
  notBefore: new Date('2025-01-01T00:00:00Z'),
  notAfter: new Date('2045-01-01T00:00:00Z'),
};

export const CA_NAME = '某省电子印章管理中心';

/** A Chinese-named root CA. */
export const makeCa = (name = CA_NAME): CertifiedKey => createUnitCa({ name, ...LONG });

/** A seal certificate for a Chinese-named unit. */
export const makeUnit = (
  ca: CertifiedKey,
  unitName = '北京市海淀区人民政府办公室',
  creditCode = '11110108000000000X',
  validity = LONG,
): CertifiedKey => issueSealCertificate(ca, { unitName, creditCode, ...validity });

/** An A4 document with English text under where the seal goes (Helvetica has no CJK). */
export async function makePdf(pages = 2, objectStreams = false): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText(`Page ${i + 1}: the text of the official document.`, {
      x: 72,
      y: 760,
      size: 14,
      font,
    });
    page.drawText('SIGNATURE BLOCK UNDER THE SEAL', {
      x: 330,
      y: 196,
      size: 12,
      font,
      color: rgb(0, 0, 0),
    });
  }
  return doc.save({ useObjectStreams: objectStreams });
}

/** A fresh temporary directory. */
export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'gongwen-seal-'));

/** The CMS and signed content of the n-th ByteRange in a sealed PDF. */
export function extractSignature(pdf: Uint8Array, n: number): { cms: Buffer; content: Buffer } {
  const text = Buffer.from(pdf).toString('latin1');
  const matches = [...text.matchAll(/\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\s*\]/g)];
  const m = matches[n];
  if (!m) throw new Error(`no signature #${n}`);
  const [a, b, c, d] = [1, 2, 3, 4].map((i) => Number(m[i]));
  const padded = Buffer.from(text.slice(b! + 1, c! - 1), 'hex');
  const { next } = readNode(padded, 0);
  const buf = Buffer.from(pdf);
  return {
    cms: padded.subarray(0, next),
    content: Buffer.concat([buf.subarray(a!, a! + b!), buf.subarray(c!, c! + d!)]),
  };
}

/** Runs `openssl cms -verify` on the n-th signature; returns openssl's success and output. */
export function opensslVerify(
  pdf: Uint8Array,
  n: number,
  ca: CertifiedKey,
  crlPemText?: string,
): { ok: boolean; output: string } {
  const dir = tempDir();
  const { cms, content } = extractSignature(pdf, n);
  writeFileSync(join(dir, 'sig.der'), cms);
  writeFileSync(join(dir, 'content.bin'), content);
  // openssl cms has no -CRLfile: CRLs are read from the CAfile along with the certificates.
  writeFileSync(join(dir, 'ca.pem'), certificatePem(ca.certificate) + (crlPemText ?? ''));
  const args = ['cms', '-verify', '-binary', '-inform', 'DER', '-in', join(dir, 'sig.der')];
  args.push('-content', join(dir, 'content.bin'), '-CAfile', join(dir, 'ca.pem'));
  args.push('-purpose', 'any', '-out', '/dev/null');
  if (crlPemText) args.push('-crl_check');
  const run = spawnSync('openssl', args, { encoding: 'utf8' });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

/** Runs pdfsig with an NSS database trusting `ca`; returns its report text. */
export function pdfsig(pdf: Uint8Array, ca: CertifiedKey): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'ca.pem'), certificatePem(ca.certificate));
  writeFileSync(join(dir, 'doc.pdf'), pdf);
  const nss = `sql:${join(dir, 'nss')}`;
  execFileSync('mkdir', ['-p', join(dir, 'nss')]);
  execFileSync('certutil', ['-N', '-d', nss, '--empty-password']);
  execFileSync('certutil', [
    '-A',
    '-d',
    nss,
    '-n',
    'ca',
    '-t',
    'CT,C,C',
    '-i',
    join(dir, 'ca.pem'),
  ]);
  try {
    return execFileSync('pdfsig', ['-nssdir', nss, join(dir, 'doc.pdf')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    }).toString();
  } catch (e) {
    const err = e as { stdout?: Buffer; stderr?: Buffer };
    return `${err.stdout?.toString() ?? ''}${err.stderr?.toString() ?? ''}`;
  }
}

/** The per-signature blocks of a pdfsig report. */
export const pdfsigBlocks = (report: string): string[] => report.split(/Signature #\d+:/).slice(1);

/**
 * Appends a plain incremental update that redefines (or adds) object `num` with `body`, as an
 * editor would after sealing. Root, Size and Prev are taken from the last trailer.
 */
export function appendUpdate(pdf: Uint8Array, num: number, body: string): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const last = <T>(re: RegExp): T => {
    const all = [...text.matchAll(re)];
    if (!all.length) throw new Error(`not found: ${re}`);
    return all[all.length - 1]![1] as T;
  };
  const root = last<string>(/\/Root (\d+ \d+) R/g);
  const size = Math.max(Number(last<string>(/\/Size (\d+)/g)), num + 1);
  const prev = Number(last<string>(/startxref\s+(\d+)/g));
  const objAt = pdf.length + 1;
  const obj = `\n${num} 0 obj\n${body}\nendobj\n`;
  const xrefAt = pdf.length + obj.length;
  const tail = `xref\n0 1\n0000000000 65535 f \n${num} 1\n${String(objAt).padStart(10, '0')} 00000 n \ntrailer\n<< /Size ${size} /Root ${root} R /Prev ${prev} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(obj + tail, 'latin1')]);
}
