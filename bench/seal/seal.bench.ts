/**
 * Seal benchmark: seals/s and verifications/s on a 10-page A4 document (GB/T 9704 type area),
 * beside `openssl cms -sign` / `-verify` of the same bytes in the same run.
 * Run from the repository root: npx tsx bench/seal/seal.bench.ts [iterations]
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { buildDetachedCms } from '../../packages/seal/src/cms.ts';
import {
  certificatePem,
  createUnitCa,
  issueSealCertificate,
  sealPdf,
  softwareSigner,
  verifySealedPdf,
} from '../../packages/seal/src/index.ts';

const N = Number(process.argv[2] ?? 40);
const mm = (v: number) => (v / 25.4) * 72;

async function gbt9704Document(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([mm(210), mm(297)]);
    // 22 lines of 28 characters inside the 156 mm × 225 mm type area (top 37 mm, left 28 mm).
    for (let line = 0; line < 22; line++) {
      page.drawText(`${p + 1}-${line + 1} `.padEnd(28, 'x'), {
        x: mm(28),
        y: mm(297 - 37) - line * mm(225 / 22),
        size: 16,
        font,
      });
    }
    page.drawText(`- ${p + 1} -`, { x: mm(105), y: mm(20), size: 14, font });
  }
  return doc.save({ useObjectStreams: false });
}

async function time(label: string, n: number, fn: () => unknown | Promise<unknown>) {
  await fn(); // warm-up
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn();
  const ms = Number(process.hrtime.bigint() - start) / 1e6 / n;
  return { label, ms, perSecond: 1000 / ms };
}

const when = new Date();
const validity = {
  notBefore: new Date(when.getTime() - 86_400_000),
  notAfter: new Date(when.getTime() + 365 * 86_400_000),
};
const ca = createUnitCa({ name: '某省电子印章管理中心', ...validity });
const unit = issueSealCertificate(ca, {
  unitName: '北京市财政局',
  creditCode: '11110000000000000Y',
  ...validity,
});
const signer = softwareSigner(unit);
const pdf = await gbt9704Document(10);
const placement = { page: 9, x: mm(150), y: mm(80) };
const appearance = { kind: 'round' as const, unitName: '北京市财政局', code: '1101000012345' };
const sealed = (await sealPdf(pdf, { signer, placement, appearance, signingTime: when })).pdf;

const dir = mkdtempSync(join(tmpdir(), 'seal-bench-'));
writeFileSync(join(dir, 'doc.pdf'), pdf);
writeFileSync(join(dir, 'unit.pem'), certificatePem(unit.certificate));
writeFileSync(join(dir, 'unit.key'), unit.privateKeyPem);
writeFileSync(join(dir, 'ca.pem'), certificatePem(ca.certificate));
const opensslSign = [
  'cms',
  '-sign',
  '-binary',
  '-in',
  join(dir, 'doc.pdf'),
  '-signer',
  join(dir, 'unit.pem'),
  '-inkey',
  join(dir, 'unit.key'),
  '-certfile',
  join(dir, 'ca.pem'),
  '-md',
  'sha256',
  '-outform',
  'DER',
  '-out',
  join(dir, 'sig.der'),
];
execFileSync('openssl', opensslSign);
const opensslVerify = [
  'cms',
  '-verify',
  '-binary',
  '-inform',
  'DER',
  '-in',
  join(dir, 'sig.der'),
  '-content',
  join(dir, 'doc.pdf'),
  '-CAfile',
  join(dir, 'ca.pem'),
  '-purpose',
  'any',
  '-out',
  '/dev/null',
];

const rows = [
  await time('sealPdf (incremental update + seal image + CMS)', N, () =>
    sealPdf(pdf, { signer, placement, appearance, signingTime: when }),
  ),
  await time('CMS only (SHA-256 of the bytes + signed attributes + RSA)', N, () =>
    buildDetachedCms(createHash('sha256').update(pdf).digest(), signer, when),
  ),
  await time('openssl cms -sign (new process each time)', N, () =>
    execFileSync('openssl', opensslSign),
  ),
  await time('verifySealedPdf (ours, offline)', N, () =>
    verifySealedPdf(sealed, { trustAnchors: [ca.certificate], at: when }),
  ),
  await time('openssl cms -verify (new process each time)', N, () =>
    execFileSync('openssl', opensslVerify, { stdio: 'ignore' }),
  ),
];

console.log(
  `\n10-page A4 PDF, ${pdf.length} bytes; ${N} iterations each; node ${process.version}\n`,
);
console.log('| operation | ms/op | ops/s |');
console.log('|---|---:|---:|');
for (const r of rows)
  console.log(`| ${r.label} | ${r.ms.toFixed(2)} | ${r.perSecond.toFixed(1)} |`);
const [seal, cms, sslSign, verify, sslVerify] = rows as [
  (typeof rows)[0],
  (typeof rows)[0],
  (typeof rows)[0],
  (typeof rows)[0],
  (typeof rows)[0],
];
console.log(`\nseal / openssl cms -sign: ${(seal.ms / sslSign.ms).toFixed(2)}× the time`);
console.log(`CMS only / openssl cms -sign: ${(cms.ms / sslSign.ms).toFixed(2)}× the time`);
console.log(`verify / openssl cms -verify: ${(verify.ms / sslVerify.ms).toFixed(2)}× the time`);
