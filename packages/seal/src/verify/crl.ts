import { verify, type X509Certificate } from 'node:crypto';
import { child, children, decodeOid, decodeTime, integerHex, parseDer } from '../der.ts';
import { fromPem } from '../pem.ts';

/** A parsed CRL: issuer name bytes, revoked serials (hex) and the signed parts. */
export interface ParsedCrl {
  issuer: Uint8Array;
  thisUpdate: Date;
  nextUpdate: Date | null;
  revoked: Map<string, Date>;
  tbs: Uint8Array;
  signatureOid: string;
  signature: Uint8Array;
}

/** Reads DER or PEM CRLs. Malformed input throws. */
export function parseCrls(input: Uint8Array | string): ParsedCrl[] {
  return fromPem(input, 'X509 CRL').map(parseCrl);
}

function parseCrl(der: Uint8Array): ParsedCrl {
  const list = parseDer(der);
  const tbs = child(list, 0, 0x30);
  const fields = children(tbs);
  let i = fields[0]?.tag === 0x02 ? 1 : 0;
  i++; // signature algorithm
  const issuer = fields[i++];
  const thisUpdate = fields[i++];
  if (!issuer || !thisUpdate) throw new Error('malformed CRL');
  let nextUpdate: Date | null = null;
  if (fields[i] && (fields[i]!.tag === 0x17 || fields[i]!.tag === 0x18)) {
    nextUpdate = decodeTime(fields[i++]!);
  }
  const revoked = new Map<string, Date>();
  if (fields[i]?.tag === 0x30) {
    for (const entry of children(fields[i]!)) {
      revoked.set(integerHex(child(entry, 0, 0x02)), decodeTime(child(entry, 1)));
    }
  }
  const sig = child(list, 2, 0x03);
  return {
    issuer: issuer.raw,
    thisUpdate: decodeTime(thisUpdate),
    nextUpdate,
    revoked,
    tbs: tbs.raw,
    signatureOid: decodeOid(child(child(list, 1, 0x30), 0, 0x06)),
    signature: sig.content.subarray(1),
  };
}

/**
 * Whether `serialHex` issued by `issuer` is revoked by one of `crls`. Only CRLs whose
 * signature verifies with the issuer's key count.
 */
export function isRevoked(
  serialHex: string,
  issuerName: Uint8Array,
  issuer: X509Certificate,
  crls: ParsedCrl[],
): boolean {
  return crls.some(
    (crl) =>
      Buffer.compare(crl.issuer, issuerName) === 0 &&
      verify('sha256', crl.tbs, issuer.publicKey, crl.signature) &&
      crl.revoked.has(serialHex),
  );
}
