import { randomBytes } from 'node:crypto';
import {
  concatTransformationMatrix,
  drawObject,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRawStream,
  type PDFRef,
  popGraphicsState,
  pushGraphicsState,
} from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CertifiedKey, describeCertificate } from './certificates.ts';
import { createCrl, crlPem } from './crl.ts';
import { sealPdf } from './pdf-sign.ts';
import { softwareSigner } from './signer.ts';
import {
  appendUpdate,
  extractSignature,
  makeCa,
  makePdf,
  makeUnit,
  NOW,
  opensslVerify,
  pdfsig,
  pdfsigBlocks,
} from './test-helpers.ts';
import { verifySealedPdf } from './verify/index.ts';

let ca: CertifiedKey;
let unit: CertifiedKey;
let sealed: Uint8Array;

const sealWith = async (key: CertifiedKey, pdf?: Uint8Array, signingTime = NOW) =>
  (
    await sealPdf(pdf ?? (await makePdf()), {
      signer: softwareSigner(key),
      placement: { page: 1, x: 420, y: 200 },
      appearance: { kind: 'round', unitName: '北京市海淀区人民政府办公室' },
      signingTime,
    })
  ).pdf;

const verify = (pdf: Uint8Array, crls: Uint8Array[] = []) =>
  verifySealedPdf(pdf, { trustAnchors: [ca.certificate], crls, at: NOW });

beforeAll(async () => {
  ca = makeCa();
  unit = makeUnit(ca);
  sealed = await sealWith(unit);
});

describe('tampering is caught', () => {
  it('a byte changed inside the signed range', async () => {
    const bad = Buffer.from(sealed);
    const at = bad.indexOf('/MediaBox [ 0 0 595.28');
    expect(at).toBeGreaterThan(0);
    bad.write('6', at + '/MediaBox [ 0 0 '.length, 'latin1'); // the page gets 1 pt wider
    const [r] = await verify(bad);
    expect(r).toMatchObject({ intact: false, valid: false });
    expect(r?.problems.join()).toContain('文档摘要与签名不符');
    expect(pdfsigBlocks(pdfsig(bad, ca))[0]).not.toContain('Signature is Valid');
    expect(opensslVerify(bad, 0, ca).ok).toBe(false);
  });

  it('an incremental update appended after sealing', async () => {
    const bad = appendUpdate(sealed, 9999, '<< /Title (changed after sealing) >>');
    const [r] = await verify(bad);
    expect(r).toMatchObject({ intact: true, coversWholeDocument: false, valid: false });
    expect(r?.problems.join()).toContain('盖章后文档被修改');
    expect(pdfsigBlocks(pdfsig(bad, ca))[0]).toContain('Not total document signed');
    // openssl only sees the signed ranges, which are untouched: it cannot tell.
    expect(opensslVerify(bad, 0, ca).ok).toBe(true);
  });

  it('a later co-sealer who also changes the page content', async () => {
    const doc = await PDFDocument.load(sealed);
    const contents = doc.getPages()[0]!.node.lookup(PDFName.of('Contents'), PDFArray).get(0);
    const num = (contents as PDFRef).objectNumber;
    const forged = 'BT /F1 14 Tf 72 760 Td (Forged text.) Tj ET';
    const edited = appendUpdate(
      sealed,
      num,
      `<< /Length ${forged.length} >>\nstream\n${forged}\nendstream`,
    );
    const other = makeUnit(ca, '北京市财政局', '11110000000000000Y');
    const both = await sealWith(other, edited);
    const [first, second] = await verify(both);
    expect(second?.valid).toBe(true);
    expect(first?.valid).toBe(false);
    expect(first?.problems.join()).toMatch(/盖章后文档被修改：对象 \d+ 0 被改动/);
  });

  it('a co-seal from an untrusted CA does not vouch for what follows an earlier seal', async () => {
    const rogue = makeUnit(makeCa('某某伪造认证中心'), '北京市财政局', '11110000000000000Y');
    const [first, second] = await verify(await sealWith(rogue, sealed));
    expect(second).toMatchObject({ intact: true, trusted: false, valid: false });
    expect(first).toMatchObject({ intact: true, trusted: true, valid: false });
    expect(first?.problems.join()).toContain('盖章后文档被修改');
  });

  it('the signature copied into another PDF', async () => {
    const other = Buffer.from(await sealWith(unit, await makePdf(3)));
    const { cms } = extractSignature(sealed, 0);
    const text = other.toString('latin1');
    const m = text.match(/\/ByteRange \[0 (\d+) (\d+)/)!;
    const start = Number(m[1]) + 1;
    const hex = cms.toString('hex').padEnd(Number(m[2]) - start - 1, '0');
    other.write(hex, start, 'latin1');
    const [r] = await verify(other);
    expect(r).toMatchObject({ intact: false, valid: false });
    expect(pdfsigBlocks(pdfsig(other, ca))[0]).not.toContain('Signature is Valid');
    expect(opensslVerify(other, 0, ca).ok).toBe(false);
  });

  it('the seal image copied onto another document without a signature', async () => {
    const doc = await PDFDocument.load(sealed);
    for (const [, obj] of doc.context.enumerateIndirectObjects()) {
      if (obj instanceof PDFDict && obj.get(PDFName.of('FT')) === PDFName.of('Sig')) {
        obj.delete(PDFName.of('V'));
      }
      if (obj instanceof PDFDict && obj.get(PDFName.of('Type')) === PDFName.of('Sig')) {
        obj.delete(PDFName.of('ByteRange'));
        obj.delete(PDFName.of('Contents'));
      }
    }
    const copy = await doc.save();
    const reports = await verify(copy);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ valid: false, problems: ['印章图像没有数字签名'] });
    expect(reports[0]?.imageSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(pdfsig(copy, ca)).not.toContain('Signature is Valid');

    // Drawn straight into another document's page content, the image is just a picture.
    const picture = await PDFDocument.create();
    const page = picture.addPage();
    const src = await PDFDocument.load(sealed);
    const ap = [...src.context.enumerateIndirectObjects()]
      .map(([, o]) => o)
      .find(
        (o) =>
          o instanceof PDFRawStream && o.dict.get(PDFName.of('Subtype')) === PDFName.of('Form'),
      );
    if (!(ap instanceof PDFRawStream)) throw new Error('no appearance stream');
    const copied = picture.context.register(
      PDFRawStream.of(ap.dict.clone(picture.context), ap.getContents()),
    );
    page.node.setXObject(PDFName.of('Seal'), copied);
    page.pushOperators(
      pushGraphicsState(),
      concatTransformationMatrix(1, 0, 0, 1, 300, 300),
      drawObject('Seal'),
      popGraphicsState(),
    );
    const pictured = await picture.save();
    expect(await verify(pictured)).toEqual([]);
    expect(pdfsig(pictured, ca)).toContain('does not contain any signatures');
  });

  it('a certificate from an untrusted CA (also Chinese-named)', async () => {
    const rogueCa = makeCa('某某伪造认证中心');
    const bad = await sealWith(makeUnit(rogueCa));
    const [r] = await verify(bad);
    expect(r).toMatchObject({ intact: true, trusted: false, valid: false });
    expect(pdfsigBlocks(pdfsig(bad, ca))[0]).toContain("Certificate issuer isn't Trusted");
    expect(opensslVerify(bad, 0, ca).ok).toBe(false);
  });

  it('an expired certificate', async () => {
    const old = makeUnit(ca, '北京市海淀区人民政府办公室', '11110108000000000X', {
      notBefore: new Date('2020-01-01T00:00:00Z'),
      notAfter: new Date('2021-01-01T00:00:00Z'),
    });
    const bad = await sealWith(old, undefined, new Date('2020-06-01T00:00:00Z'));
    const [r] = await verify(bad);
    expect(r).toMatchObject({ intact: true, trusted: false, valid: false });
    expect(r?.problems.join()).toContain('证书不在有效期内');
    expect(pdfsigBlocks(pdfsig(bad, ca))[0]).toContain('Certificate has Expired');
    const openssl = opensslVerify(bad, 0, ca);
    expect(openssl.ok).toBe(false);
    expect(openssl.output).toContain('expired');
  });

  it('a signing time outside the certificate validity', async () => {
    const bad = await sealWith(unit, undefined, new Date('2024-06-01T00:00:00Z'));
    const [r] = await verify(bad);
    expect(r?.valid).toBe(false);
    expect(r?.problems).toContain('签名时间不在签章证书有效期内');
  });

  it('a revoked certificate (CRL), and only a CRL signed by the CA counts', async () => {
    const serial = describeCertificate(unit.certificate).serial;
    const crl = createCrl(ca, {
      revoked: [{ serial, revokedAt: new Date('2026-10-01T00:00:00Z') }],
      thisUpdate: new Date('2026-10-01T00:00:00Z'),
      nextUpdate: new Date('2027-01-01T00:00:00Z'),
    });
    const [r] = await verify(sealed, [crl]);
    expect(r).toMatchObject({ intact: true, trusted: true, revoked: true, valid: false });
    const openssl = opensslVerify(sealed, 0, ca, crlPem(crl));
    expect(openssl.ok).toBe(false);
    expect(openssl.output).toContain('revoked');

    const forged = createCrl(makeCa(), {
      revoked: [{ serial, revokedAt: NOW }],
      thisUpdate: NOW,
      nextUpdate: new Date('2027-01-01T00:00:00Z'),
    });
    const [r2] = await verify(sealed, [forged]);
    expect(r2).toMatchObject({ revoked: false, valid: true });
    const empty = createCrl(ca, {
      revoked: [],
      thisUpdate: NOW,
      nextUpdate: new Date('2027-01-01'),
    });
    expect((await verify(sealed, [empty]))[0]?.valid).toBe(true);
    expect(opensslVerify(sealed, 0, ca, crlPem(empty)).ok).toBe(true);
  });

  it('a truncated file', async () => {
    for (const cut of [
      sealed.length - 1,
      sealed.length - 200,
      Math.floor(sealed.length / 2),
      100,
    ]) {
      const bad = sealed.subarray(0, cut);
      const reports = await verify(bad);
      expect(reports.length).toBeGreaterThan(0);
      expect(reports.every((r) => !r.valid)).toBe(true);
    }
    expect(pdfsig(sealed.subarray(0, sealed.length - 200), ca)).not.toContain(
      'Total document signed',
    );
  });

  it('random bytes and garbage never throw and are never valid', async () => {
    const inputs: Uint8Array[] = [
      new Uint8Array(0),
      randomBytes(5000),
      Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(5000)]),
      Buffer.from('%PDF-1.7\n/ByteRange [0 10 20 30] /Contents <3082>'),
      Buffer.from('%PDF-1.7\n/ByteRange [0 10 99999999999 30]'),
    ];
    for (const input of inputs) {
      const reports = await verify(input);
      expect(reports.every((r) => !r.valid)).toBe(true);
    }
    expect((await verify(randomBytes(100)))[0]?.problems).toEqual(['不是 PDF 文件']);
  });

  it('single-byte corruption anywhere is never accepted outside the signature padding', async () => {
    const { cms } = extractSignature(sealed, 0);
    const text = Buffer.from(sealed).toString('latin1');
    const m = text.match(/\/ByteRange \[0 (\d+) (\d+)/)!;
    const gapStart = Number(m[1]);
    const paddingStart = gapStart + 1 + cms.length * 2;
    const gapEnd = Number(m[2]);
    let seed = 42;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let i = 0; i < 60; i++) {
      const at = next() % sealed.length;
      const bad = Buffer.from(sealed);
      bad[at] = bad[at]! ^ (1 + (next() % 255));
      const reports = await verify(bad);
      if (at >= paddingStart && at < gapEnd - 1) continue;
      expect(
        reports.some((r) => r.valid),
        `byte ${at} changed`,
      ).toBe(false);
    }
  });
});
