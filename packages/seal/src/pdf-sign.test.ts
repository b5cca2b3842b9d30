import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CertifiedKey } from './certificates.ts';
import { sealPdf } from './pdf-sign.ts';
import { softwareSigner } from './signer.ts';
import {
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
let haidian: CertifiedKey;
let finance: CertifiedKey;

beforeAll(() => {
  ca = makeCa();
  haidian = makeUnit(ca);
  finance = makeUnit(ca, '北京市财政局', '11110000000000000Y');
});

const seal = (pdf: Uint8Array, key: CertifiedKey, unitName: string, x = 420, page = 1) =>
  sealPdf(pdf, {
    signer: softwareSigner(key),
    placement: { page, x, y: 200 },
    appearance: { kind: 'round', unitName, code: '1101080012345' },
    signingTime: NOW,
    reason: '同意发布',
  });

describe('sealPdf', () => {
  it('produces a seal that our verifier, pdfsig and openssl all accept (Chinese CA and unit)', async () => {
    const original = await makePdf();
    const sealed = await seal(original, haidian, '北京市海淀区人民政府办公室');
    expect(Buffer.from(sealed.pdf.subarray(0, original.length)).equals(Buffer.from(original))).toBe(
      true,
    );

    const [report, ...rest] = await verifySealedPdf(sealed.pdf, {
      trustAnchors: [ca.certificate],
      at: NOW,
    });
    expect(rest).toHaveLength(0);
    expect(report).toMatchObject({
      signerName: '北京市海淀区人民政府办公室',
      signingTime: NOW,
      coversWholeDocument: true,
      intact: true,
      trusted: true,
      revoked: false,
      valid: true,
      problems: [],
      imageSha256: sealed.imageSha256,
    });

    const block = pdfsigBlocks(pdfsig(sealed.pdf, ca))[0]!;
    expect(block).toContain('Signer Certificate Common Name: 北京市海淀区人民政府办公室');
    expect(block).toContain('Total document signed');
    expect(block).toContain('Signature Validation: Signature is Valid.');
    expect(block).toContain('Certificate Validation: Certificate is Trusted.');
    expect(block).toContain('SHA-256');

    const openssl = opensslVerify(sealed.pdf, 0, ca);
    expect(openssl.output).toContain('Verification successful');
    expect(openssl.ok).toBe(true);
  });

  it('lets several units seal one document (联合行文), each seal verifying on its own', async () => {
    const first = await seal(await makePdf(), haidian, '北京市海淀区人民政府办公室', 420);
    const second = await seal(first.pdf, finance, '北京市财政局', 200);
    const reports = await verifySealedPdf(second.pdf, { trustAnchors: [ca.certificate], at: NOW });
    expect(reports.map((r) => [r.signerName, r.valid, r.coversWholeDocument])).toEqual([
      ['北京市海淀区人民政府办公室', true, false],
      ['北京市财政局', true, true],
    ]);
    const blocks = pdfsigBlocks(pdfsig(second.pdf, ca));
    expect(blocks).toHaveLength(2);
    for (const block of blocks) {
      expect(block).toContain('Signature Validation: Signature is Valid.');
      expect(block).toContain('Certificate Validation: Certificate is Trusted.');
    }
    expect(blocks[1]).toContain('Total document signed');
    expect(opensslVerify(second.pdf, 0, ca).ok).toBe(true);
    expect(opensslVerify(second.pdf, 1, ca).ok).toBe(true);
    // pdf-lib still reads the result as one document with two signature fields.
    const doc = await PDFDocument.load(second.pdf);
    expect(doc.getForm().getFields()).toHaveLength(2);
  });

  it('seals a PDF that uses object and xref streams', async () => {
    const sealed = await seal(
      await makePdf(3, true),
      haidian,
      '北京市海淀区人民政府办公室',
      300,
      2,
    );
    const [report] = await verifySealedPdf(sealed.pdf, { trustAnchors: [ca.certificate], at: NOW });
    expect(report?.valid).toBe(true);
    const block = pdfsigBlocks(pdfsig(sealed.pdf, ca))[0]!;
    expect(block).toContain('Signature is Valid.');
    expect(block).toContain('Total document signed');
  });

  it('accepts an uploaded PNG as the seal image', async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAFklEQVR4nGP4z8DwnwEIGBgYGBgYAAA/7gX7qF1QYwAAAABJRU5ErkJggg==',
      'base64',
    );
    const sealed = await sealPdf(await makePdf(1), {
      signer: softwareSigner(haidian),
      placement: { page: 0, x: 300, y: 300, size: 100 },
      appearance: { kind: 'png', png },
      signingTime: NOW,
    });
    const [report] = await verifySealedPdf(sealed.pdf, { trustAnchors: [ca.certificate], at: NOW });
    expect(report?.valid).toBe(true);
    expect(report?.imageSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report?.imageSha256).toBe(sealed.imageSha256);
    expect(pdfsigBlocks(pdfsig(sealed.pdf, ca))[0]).toContain('Signature is Valid.');
  });

  it('refuses a page that does not exist', async () => {
    await expect(seal(await makePdf(1), haidian, '单位', 100, 5)).rejects.toThrow(RangeError);
  });
});
