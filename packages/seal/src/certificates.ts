import { createPrivateKey, generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { fromPem, toPem } from './pem.ts';

/** A key with its certificate and the issuing chain (DER, leaf's issuer first). */
export interface CertifiedKey {
  /** PKCS#8 PEM private key. */
  privateKeyPem: string;
  /** DER of the certificate. */
  certificate: Uint8Array;
  /** DER of the issuers, nearest first (empty for a root). */
  chain: Uint8Array[];
}

/** Options for a unit CA (根证书). */
export interface CaOptions {
  /** CA name, usually Chinese, e.g. 某省电子印章管理中心. */
  name: string;
  organization?: string;
  notBefore: Date;
  notAfter: Date;
  keyBits?: number;
}

/** Options for one unit's seal certificate. */
export interface SealCertificateOptions {
  /** The unit's Chinese name (becomes subject CN and O). */
  unitName: string;
  /** 统一社会信用代码 (18 characters), written as subject serialNumber and OU. */
  creditCode: string;
  notBefore: Date;
  notAfter: Date;
  keyBits?: number;
}

const UTF8 = forge.asn1.Type.UTF8;

/**
 * Name attributes for forge. Text values must be given as plain JS strings with
 * valueTagClass UTF8: forge UTF-8-encodes them itself (see notes on the double-encoding trap).
 */
function nameAttributes(fields: Array<[string, string]>): forge.pki.CertificateField[] {
  return fields.map(([name, value]) => {
    // C and serialNumber stay PrintableString (forge's default); everything else is text.
    if (name === 'C') return { shortName: 'C', value };
    if (name === 'serialNumber') return { type: '2.5.4.5', value };
    return { shortName: name, value, valueTagClass: UTF8 as unknown as forge.asn1.Class };
  });
}

/**
 * Undo forge's parse-side trap: parsed UTF8String attribute values come back as raw UTF-8
 * bytes, and forge would UTF-8-encode them again when writing them as an issuer.
 */
export function decodeForgeNames(cert: forge.pki.Certificate): forge.pki.Certificate {
  for (const attrs of [cert.subject.attributes, cert.issuer.attributes]) {
    for (const attr of attrs) {
      if ((attr.valueTagClass as unknown) === UTF8 && typeof attr.value === 'string') {
        attr.value = forge.util.decodeUtf8(attr.value);
      }
    }
  }
  return cert;
}

/** Parses a DER certificate with forge and repairs its UTF-8 names. */
export function forgeCertificate(der: Uint8Array): forge.pki.Certificate {
  const asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(der).toString('binary')));
  return decodeForgeNames(forge.pki.certificateFromAsn1(asn1));
}

/** DER bytes of a forge certificate. */
export function certificateDer(cert: forge.pki.Certificate): Uint8Array {
  return Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
}

/** PEM of a DER certificate. */
export const certificatePem = (der: Uint8Array): string => toPem('CERTIFICATE', der);

/** DER certificates found in PEM text (or a single DER certificate). */
export const readCertificates = (input: Uint8Array | string): Uint8Array[] =>
  fromPem(input, 'CERTIFICATE');

function newKeyPair(bits: number): { privateKeyPem: string; publicKey: forge.pki.PublicKey } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: bits,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { privateKeyPem: privateKey, publicKey: forge.pki.publicKeyFromPem(publicKey) };
}

/** A random positive 16-byte serial number in hex. */
function newSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x10;
  return bytes.toString('hex');
}

/** A PEM private key as a forge RSA key. */
export function forgePrivateKey(pem: string): forge.pki.rsa.PrivateKey {
  const pkcs1 = createPrivateKey(pem).export({ type: 'pkcs1', format: 'pem' }).toString();
  return forge.pki.privateKeyFromPem(pkcs1);
}

function signCertificate(
  cert: forge.pki.Certificate,
  issuerKeyPem: string,
  issuer: forge.pki.Certificate | null,
): Uint8Array {
  if (issuer) cert.setIssuer(issuer.subject.attributes);
  else cert.setIssuer(cert.subject.attributes);
  cert.sign(forgePrivateKey(issuerKeyPem), forge.md.sha256.create());
  return certificateDer(cert);
}

/** A fresh key pair and an unsigned certificate for it with a new serial and the subject. */
function newCertificate(
  options: { notBefore: Date; notAfter: Date; keyBits?: number },
  subject: Array<[string, string]>,
): { cert: forge.pki.Certificate; privateKeyPem: string } {
  const { privateKeyPem, publicKey } = newKeyPair(options.keyBits ?? 2048);
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = newSerial();
  cert.validity.notBefore = options.notBefore;
  cert.validity.notAfter = options.notAfter;
  cert.setSubject(nameAttributes(subject));
  return { cert, privateKeyPem };
}

/** Creates a self-signed unit CA (root) whose name may be Chinese. */
export function createUnitCa(options: CaOptions): CertifiedKey {
  const { cert, privateKeyPem } = newCertificate(options, [
    ['C', 'CN'],
    ['O', options.organization ?? options.name],
    ['CN', options.name],
  ]);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  return { privateKeyPem, certificate: signCertificate(cert, privateKeyPem, null), chain: [] };
}

/** Issues a seal certificate for one unit, signed by `ca`. */
export function issueSealCertificate(
  ca: CertifiedKey,
  options: SealCertificateOptions,
): CertifiedKey {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(options.creditCode)) {
    throw new Error(`统一社会信用代码格式不正确: ${options.creditCode}`);
  }
  const caCert = forgeCertificate(ca.certificate);
  const { cert, privateKeyPem } = newCertificate(options, [
    ['C', 'CN'],
    ['O', options.unitName],
    ['OU', options.creditCode],
    ['serialNumber', options.creditCode],
    ['CN', options.unitName],
  ]);
  const caKeyId = caCert.generateSubjectKeyIdentifier().getBytes();
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caKeyId },
  ]);
  const der = signCertificate(cert, ca.privateKeyPem, caCert);
  return { privateKeyPem, certificate: der, chain: [ca.certificate, ...ca.chain] };
}

/** Subject CN, serial (hex, upper case) and validity of a DER certificate. */
export function describeCertificate(der: Uint8Array): {
  commonName: string | null;
  serial: string;
  notBefore: Date;
  notAfter: Date;
} {
  const x = new X509Certificate(der);
  const cn = x.subject.split('\n').find((l) => l.startsWith('CN='));
  return {
    commonName: cn ? cn.slice(3) : null,
    serial: x.serialNumber.replace(/^(00)+(?=.)/, '').toUpperCase(),
    notBefore: new Date(x.validFrom),
    notAfter: new Date(x.validTo),
  };
}
