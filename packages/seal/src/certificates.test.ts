import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import {
  certificateDer,
  certificatePem,
  describeCertificate,
  forgeCertificate,
  issueSealCertificate,
  readCertificates,
} from './certificates.ts';
import { loadPkcs12, savePkcs12 } from './pkcs12.ts';
import { CA_NAME, LONG, makeCa, makeUnit, tempDir } from './test-helpers.ts';
import { certificateParts } from './x509.ts';

const bytesEqual = (a: Uint8Array, b: Uint8Array) => Buffer.compare(a, b) === 0;

describe('unit CA and seal certificates (Chinese names)', () => {
  const ca = makeCa();
  const unit = makeUnit(ca);

  it('writes Chinese names as proper UTF8String that node:crypto and openssl read back', () => {
    const x = new X509Certificate(unit.certificate);
    expect(x.subject).toContain('CN=北京市海淀区人民政府办公室');
    expect(x.subject).toContain('serialNumber=11110108000000000X');
    expect(x.subject).toContain('C=CN');
    expect(x.issuer).toContain(`CN=${CA_NAME}`);
    expect(x.verify(new X509Certificate(ca.certificate).publicKey)).toBe(true);
    expect(x.ca).toBe(false);
    expect(new X509Certificate(ca.certificate).ca).toBe(true);
    const dir = tempDir();
    writeFileSync(join(dir, 'unit.pem'), certificatePem(unit.certificate));
    const text = execFileSync('openssl', ['x509', '-in', join(dir, 'unit.pem'), '-noout', '-text']);
    expect(text.toString()).toContain('Digital Signature, Non Repudiation');
    expect(text.toString()).toContain('CA:FALSE');
  });

  it('issuer of the seal certificate equals the CA subject byte for byte', () => {
    expect(
      bytesEqual(
        certificateParts(unit.certificate).issuer.raw,
        certificateParts(ca.certificate).subject.raw,
      ),
    ).toBe(true);
  });

  it('regression: issuing from a CA re-read from PKCS#12 keeps the issuer byte-exact', () => {
    const reloaded = loadPkcs12(savePkcs12(ca, '根证书口令'), '根证书口令');
    const issued = issueSealCertificate(reloaded, {
      unitName: '北京市财政局',
      creditCode: '11110000000000000Y',
      ...LONG,
    });
    expect(
      bytesEqual(
        certificateParts(issued.certificate).issuer.raw,
        certificateParts(ca.certificate).subject.raw,
      ),
    ).toBe(true);
    expect(
      new X509Certificate(issued.certificate).checkIssued(new X509Certificate(ca.certificate)),
    ).toBe(true);
  });

  it('documents the forge trap this package works around (parsed names are raw UTF-8 bytes)', () => {
    const asn1 = forge.asn1.fromDer(Buffer.from(ca.certificate).toString('binary'));
    const raw = forge.pki.certificateFromAsn1(asn1);
    const cn = raw.subject.getField('CN').value as string;
    expect(cn).not.toBe(CA_NAME); // forge 1.4.3 hands back UTF-8 bytes …
    expect(forge.util.decodeUtf8(cn)).toBe(CA_NAME);
    expect(forgeCertificate(ca.certificate).subject.getField('CN').value).toBe(CA_NAME); // … we decode
    // Re-encoding a repaired certificate still yields the original bytes.
    expect(bytesEqual(certificateDer(forgeCertificate(ca.certificate)), ca.certificate)).toBe(true);
  });

  it('describes certificates and reads PEM bundles', () => {
    const d = describeCertificate(unit.certificate);
    expect(d.commonName).toBe('北京市海淀区人民政府办公室');
    expect(d.serial).toMatch(/^[0-9A-F]+$/);
    expect(d.notAfter).toEqual(LONG.notAfter);
    const pems = certificatePem(unit.certificate) + certificatePem(ca.certificate);
    const read = readCertificates(pems);
    expect(read).toHaveLength(2);
    expect(bytesEqual(read[1]!, ca.certificate)).toBe(true);
    expect(readCertificates(unit.certificate)).toEqual([unit.certificate]);
  });

  it('rejects a malformed 统一社会信用代码', () => {
    expect(() =>
      issueSealCertificate(ca, { unitName: '某单位', creditCode: '123', ...LONG }),
    ).toThrow(/统一社会信用代码/);
  });
});
