import { createHash, verify, type X509Certificate } from 'node:crypto';
import { child, children, type DerNode, decodeOid, decodeTime, readNode, tlv } from '../der.ts';
import { OID } from '../oids.ts';
import { certificateParts } from '../x509.ts';

/** The parts of a detached CMS SignedData that verification needs. */
export interface ParsedCms {
  certificates: Uint8Array[];
  signerIssuer: Uint8Array;
  signerSerial: Uint8Array;
  digestOid: string;
  signatureOid: string;
  /** The signed attributes re-tagged as SET OF (the bytes that were signed). */
  signedAttrs: Uint8Array;
  signature: Uint8Array;
  messageDigest: Uint8Array | null;
  signingTime: Date | null;
}

const DIGESTS: Record<string, string> = { [OID.sha256]: 'sha256', [OID.sm3]: 'sm3' };

/** Parses the CMS found in a signature's Contents (trailing zero padding is ignored). */
export function parseCms(padded: Uint8Array): ParsedCms {
  const { node: contentInfo } = readNode(padded, 0);
  if (decodeOid(child(contentInfo, 0, 0x06)) !== OID.signedData) throw new Error('not SignedData');
  const signedData = child(child(contentInfo, 1, 0xa0), 0, 0x30);
  const parts = children(signedData);
  const certSet = parts.find((p) => p.tag === 0xa0);
  const signerInfos = parts[parts.length - 1];
  if (signerInfos?.tag !== 0x31) throw new Error('no signerInfos');
  const infos = children(signerInfos);
  if (infos.length !== 1) throw new Error(`expected one signerInfo, found ${infos.length}`);
  const si = children(infos[0]!);
  const sid = si[1];
  if (sid?.tag !== 0x30) throw new Error('signer is not identified by issuer and serial');
  const [issuer, serial] = children(sid);
  const attrsNode = si.find((n) => n.tag === 0xa0);
  if (!issuer || !serial || !attrsNode)
    throw new Error('signerInfo lacks issuer, serial or attributes');
  const rest = si.slice(si.indexOf(attrsNode) + 1);
  const [sigAlg, sigValue] = rest;
  if (!sigAlg || !sigValue || sigValue.tag !== 0x04)
    throw new Error('signerInfo lacks a signature');

  let messageDigest: Uint8Array | null = null;
  let signingTime: Date | null = null;
  for (const attr of children(attrsNode)) {
    const type = decodeOid(child(attr, 0, 0x06));
    const value = child(child(attr, 1, 0x31), 0);
    if (type === OID.messageDigest) messageDigest = value.content;
    if (type === OID.signingTime) signingTime = decodeTime(value);
  }
  return {
    certificates: certSet ? children(certSet).map((c: DerNode) => c.raw) : [],
    signerIssuer: issuer.raw,
    signerSerial: serial.raw,
    digestOid: decodeOid(child(si[2]!, 0, 0x06)),
    signatureOid: decodeOid(child(sigAlg, 0, 0x06)),
    signedAttrs: tlv(0x31, attrsNode.content),
    signature: sigValue.content,
    messageDigest,
    signingTime,
  };
}

/** The certificate named by the SignerInfo (issuer and serial must match byte for byte). */
export function findSignerCertificate(cms: ParsedCms): Uint8Array | null {
  const eq = (a: Uint8Array, b: Uint8Array) => Buffer.compare(a, b) === 0;
  return (
    cms.certificates.find((der) => {
      try {
        const { issuer, serial } = certificateParts(der);
        return eq(issuer.raw, cms.signerIssuer) && eq(serial.raw, cms.signerSerial);
      } catch {
        return false;
      }
    }) ?? null
  );
}

/** Digest of the signed byte ranges with the CMS's digest algorithm. */
export function digestRanges(cms: ParsedCms, ranges: Uint8Array[]): Uint8Array {
  const name = DIGESTS[cms.digestOid];
  if (!name) throw new Error(`unsupported digest ${cms.digestOid}`);
  const h = createHash(name);
  for (const r of ranges) h.update(r);
  return h.digest();
}

/** Checks the signature over the signed attributes with the signer's public key. */
export function signatureValid(cms: ParsedCms, signer: X509Certificate): boolean {
  const digest = DIGESTS[cms.digestOid];
  if (!digest) return false;
  const data = cms.signedAttrs;
  const supported = [OID.rsaEncryption, OID.sha256WithRSA, OID.ecdsaWithSha256, OID.sm2WithSm3];
  if (!supported.includes(cms.signatureOid as (typeof supported)[number])) return false;
  return verify(digest, data, signer.publicKey, cms.signature);
}
