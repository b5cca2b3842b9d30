import { algorithm, ctx, integer, octets, oid, seq, setOf, time, tlv } from './der.ts';
import { OID } from './oids.ts';
import type { SealSigner } from './signer.ts';
import { certificateParts } from './x509.ts';

/** Builds a detached CMS SignedData over content whose digest is `contentDigest`. */
export async function buildDetachedCms(
  contentDigest: Uint8Array,
  signer: SealSigner,
  signingTime: Date,
): Promise<{ cms: Uint8Array; certificates: Uint8Array[] }> {
  const attributes = [
    seq(oid(OID.contentType), setOf(oid(OID.data))),
    seq(oid(OID.signingTime), setOf(time(signingTime))),
    seq(oid(OID.messageDigest), setOf(octets(contentDigest))),
  ];
  const sorted = attributes.sort((a, b) => Buffer.compare(a, b));
  const signedAttrs = tlv(0x31, ...sorted);
  const { signature, certificates } = await signer.sign(signedAttrs);
  const leaf = certificates[0];
  if (!leaf) throw new Error('signer returned no certificate');
  // The issuer and serial are copied from the certificate's own bytes, never re-encoded:
  // this is what keeps Chinese (UTF8String) issuer names matching byte for byte.
  const { issuer, serial } = certificateParts(leaf);
  const digestAlg = algorithm(signer.digestAlgorithmOid, false);
  const signerInfo = seq(
    integer(1),
    seq(issuer.raw, serial.raw),
    digestAlg,
    tlv(0xa0, ...sorted),
    algorithm(signer.signatureAlgorithmOid, signer.signatureAlgorithmOid === OID.rsaEncryption),
    octets(signature),
  );
  const signedData = seq(
    integer(1),
    setOf(digestAlg),
    seq(oid(OID.data)),
    tlv(0xa0, ...certificates),
    setOf(signerInfo),
  );
  return { cms: seq(oid(OID.signedData), ctx(0, signedData)), certificates };
}
