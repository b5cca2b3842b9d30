import { createPrivateKey, type KeyObject, sign } from 'node:crypto';
import type { CertifiedKey } from './certificates.ts';
import { OID } from './oids.ts';

/** What a signer returns: the raw signature and its certificate chain, leaf first (DER). */
export interface SignerOutput {
  signature: Uint8Array;
  certificates: Uint8Array[];
}

/**
 * The port between "bytes to sign" and "signature": a software key, a UKey/HSM (PKCS#11)
 * or an SM2/SM3 signer implements it. `toBeSigned` is the DER of the CMS signed attributes;
 * the signer hashes it with `digestAlgorithm` and signs.
 */
export interface SealSigner {
  /** Node/OpenSSL digest name used for the document digest and the signature (sha256, sm3). */
  readonly digestAlgorithm: string;
  /** OID of the digest algorithm written into the CMS. */
  readonly digestAlgorithmOid: string;
  /** OID of the signature algorithm written into SignerInfo (rsaEncryption, ecdsa-with-SHA256 …). */
  readonly signatureAlgorithmOid: string;
  /** Signs the DER-encoded signed attributes. */
  sign(toBeSigned: Uint8Array): Promise<SignerOutput>;
}

/** A SealSigner over a software key (node:crypto does the RSA or ECDSA operation). */
export function softwareSigner(key: CertifiedKey): SealSigner {
  const privateKey: KeyObject = createPrivateKey(key.privateKeyPem);
  const type = privateKey.asymmetricKeyType;
  if (type !== 'rsa' && type !== 'ec') throw new Error(`unsupported key type ${type}`);
  const certificates = [key.certificate, ...key.chain];
  return {
    digestAlgorithm: 'sha256',
    digestAlgorithmOid: OID.sha256,
    signatureAlgorithmOid: type === 'rsa' ? OID.rsaEncryption : OID.ecdsaWithSha256,
    async sign(toBeSigned) {
      return { signature: sign('sha256', toBeSigned, privateKey), certificates };
    },
  };
}
