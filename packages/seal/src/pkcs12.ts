import { createPrivateKey, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import {
  type CertifiedKey,
  certificateDer,
  forgeCertificate,
  forgePrivateKey,
} from './certificates.ts';

/**
 * forge passes a PBES2 password to PBKDF2 as a byte string, which mangles non-ASCII characters,
 * while PKCS#12 (and OpenSSL) wants its UTF-8 bytes there; the MAC key, derived from the
 * BMPString of the same password, is right. Runs `fn` with PBKDF2 seeing UTF-8 for `password`.
 */
function withUtf8Pbkdf2<T>(password: string, fn: () => T): T {
  const pkcs5 = forge.pkcs5 as { pbkdf2: (...args: unknown[]) => unknown };
  const original = pkcs5.pbkdf2;
  pkcs5.pbkdf2 = (p: unknown, ...rest: unknown[]) =>
    original(p === password ? forge.util.encodeUtf8(password) : p, ...rest);
  try {
    return fn();
  } finally {
    pkcs5.pbkdf2 = original;
  }
}

/** Writes a password-protected PKCS#12 (AES-256 PBES2, forge's SHA-1 MAC) holding key, certificate and chain. */
export function savePkcs12(key: CertifiedKey, password: string, friendlyName?: string): Uint8Array {
  const forgeKey = forgePrivateKey(key.privateKeyPem);
  const certs = [key.certificate, ...key.chain].map(forgeCertificate);
  const asn1 = withUtf8Pbkdf2(password, () =>
    forge.pkcs12.toPkcs12Asn1(forgeKey, certs, password, {
      algorithm: 'aes256',
      generateLocalKeyId: true,
      ...(friendlyName ? { friendlyName } : {}),
    }),
  );
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

/**
 * Reads a PKCS#12 (ours or an outside CA's). The certificate matching the key is the leaf;
 * the other certificates form the chain, ordered from the leaf's issuer upwards.
 * Throws on a wrong password or a bundle without exactly one key.
 */
export function loadPkcs12(bytes: Uint8Array, password: string): CertifiedKey {
  const asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(bytes).toString('binary')));
  const p12 = withUtf8Pbkdf2(password, () => forge.pkcs12.pkcs12FromAsn1(asn1, false, password));
  const keyBags = [
    ...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[
      forge.pki.oids.pkcs8ShroudedKeyBag!
    ] ?? []),
    ...(p12.getBags({ bagType: forge.pki.oids.keyBag! })[forge.pki.oids.keyBag!] ?? []),
  ];
  const keyBag = keyBags.find((b) => b.key);
  if (!keyBag?.key) throw new Error('PKCS#12 contains no private key');
  const certBags = p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? [];
  const certs = certBags.flatMap((b) => (b.cert ? [certificateDer(b.cert)] : []));
  const rsaKey = keyBag.key as forge.pki.rsa.PrivateKey;
  const privateKeyPem = createPrivateKey(forge.pki.privateKeyToPem(rsaKey))
    .export({ type: 'pkcs8', format: 'pem' })
    .toString();
  const modulus = rsaKey.n.toString(16);
  const leafIndex = certBags.findIndex(
    (b) => (b.cert?.publicKey as forge.pki.rsa.PublicKey | undefined)?.n.toString(16) === modulus,
  );
  if (leafIndex < 0) throw new Error('PKCS#12 has no certificate for its private key');
  const leaf = certs[leafIndex]!;
  return { privateKeyPem, certificate: leaf, chain: orderChain(leaf, certs) };
}

/** Orders `pool` into the issuer chain of `leaf` by subject/issuer match (node:crypto). */
function orderChain(leaf: Uint8Array, pool: Uint8Array[]): Uint8Array[] {
  const parsed = pool.map((der) => ({ der, x: new X509Certificate(der) }));
  const chain: Uint8Array[] = [];
  let current = new X509Certificate(leaf);
  for (let i = 0; i < pool.length; i++) {
    if (current.issuer === current.subject) break;
    const next = parsed.find((p) => p.x.subject === current.issuer && current.checkIssued(p.x));
    if (!next) break;
    chain.push(next.der);
    current = next.x;
  }
  return chain;
}
