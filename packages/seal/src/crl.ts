import { createPrivateKey, sign } from 'node:crypto';
import type { CertifiedKey } from './certificates.ts';
import { algorithm, ctx, integer, oid, seq, time, tlv } from './der.ts';
import { OID } from './oids.ts';
import { toPem } from './pem.ts';
import { certificateParts } from './x509.ts';

/** One revoked seal certificate. */
export interface RevokedEntry {
  /** Certificate serial in hex. */
  serial: string;
  revokedAt: Date;
}

/** Options of a CRL (证书吊销列表). */
export interface CrlOptions {
  revoked: RevokedEntry[];
  thisUpdate: Date;
  nextUpdate: Date;
  /** Monotonic CRL number. */
  number?: number;
}

/** Creates a v2 CRL signed by `ca` (DER). node-forge has no CRL support, so it is built here. */
export function createCrl(ca: CertifiedKey, options: CrlOptions): Uint8Array {
  const key = createPrivateKey(ca.privateKeyPem);
  if (key.asymmetricKeyType !== 'rsa') throw new Error('CRL signing supports RSA CA keys');
  const sigAlg = algorithm(OID.sha256WithRSA);
  const revoked = options.revoked.map((r) => seq(integer(r.serial), time(r.revokedAt)));
  const tbs = seq(
    integer(1),
    sigAlg,
    certificateParts(ca.certificate).subject.raw,
    time(options.thisUpdate),
    time(options.nextUpdate),
    ...(revoked.length ? [seq(...revoked)] : []),
    ctx(0, seq(seq(oid('2.5.29.20'), tlv(0x04, integer(options.number ?? 1))))),
  );
  const signature = sign('sha256', tbs, key);
  return seq(tbs, sigAlg, tlv(0x03, Uint8Array.of(0), signature));
}

/** PEM text of a DER CRL. */
export const crlPem = (der: Uint8Array): string => toPem('X509 CRL', der);
