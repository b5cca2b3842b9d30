import { child, children, type DerNode, decodeOid, decodeString, parseDer } from './der.ts';
import { OID } from './oids.ts';

/** The raw parts of a certificate's TBSCertificate that CMS needs byte for byte. */
export interface CertificateParts {
  serial: DerNode;
  issuer: DerNode;
  subject: DerNode;
}

/** Splits a DER certificate into its serial, issuer and subject nodes (raw bytes kept). */
export function certificateParts(der: Uint8Array): CertificateParts {
  const tbs = child(parseDer(der), 0, 0x30);
  const fields = children(tbs);
  const offset = fields[0]?.tag === 0xa0 ? 1 : 0;
  const serial = fields[offset];
  const issuer = fields[offset + 2];
  const subject = fields[offset + 4];
  if (serial?.tag !== 0x02 || !issuer || !subject) throw new Error('malformed certificate');
  return { serial, issuer, subject };
}

/** The first commonName in a DER Name, decoded as text. */
export function commonNameOf(name: DerNode): string | null {
  for (const rdn of children(name)) {
    for (const atv of children(rdn)) {
      const [type, value] = children(atv);
      if (type && value && decodeOid(type) === OID.commonName) return decodeString(value);
    }
  }
  return null;
}
