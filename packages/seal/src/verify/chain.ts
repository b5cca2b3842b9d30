import type { X509Certificate } from 'node:crypto';

/** The outcome of building a chain from the signer to a trust anchor. */
export interface ChainResult {
  trusted: boolean;
  /** Signer first, anchor last (when trusted). */
  path: X509Certificate[];
  problems: string[];
}

const within = (x: X509Certificate, at: Date) =>
  new Date(x.validFrom) <= at && at <= new Date(x.validTo);

/**
 * Builds a path from `leaf` through `intermediates` to one of `anchors`, checking each
 * signature, that every issuer is a CA, and that every certificate is valid at `at`.
 */
export function buildChain(
  leaf: X509Certificate,
  intermediates: X509Certificate[],
  anchors: X509Certificate[],
  at: Date,
): ChainResult {
  const problems: string[] = [];
  const path = [leaf];
  let current = leaf;
  for (let depth = 0; depth < 8; depth++) {
    const anchor = anchors.find((a) => current.checkIssued(a) && current.verify(a.publicKey));
    if (anchor) {
      if (!anchor.ca) problems.push('信任锚不是 CA 证书');
      if (!current.raw.equals(anchor.raw)) path.push(anchor);
      break;
    }
    if (anchors.some((a) => a.raw.equals(current.raw))) break;
    const next = intermediates.find(
      (c) => c !== current && current.checkIssued(c) && current.verify(c.publicKey) && c.ca,
    );
    if (!next) {
      problems.push('证书链不能追溯到受信任的根证书');
      return { trusted: false, path, problems };
    }
    path.push(next);
    current = next;
  }
  const last = path[path.length - 1]!;
  if (!anchors.some((a) => a.raw.equals(last.raw))) {
    problems.push('证书链不能追溯到受信任的根证书');
    return { trusted: false, path, problems };
  }
  for (const cert of path) {
    if (!within(cert, at)) {
      problems.push(
        `证书不在有效期内（${cert.subject.split('\n').find((l) => l.startsWith('CN=')) ?? cert.serialNumber}，${cert.validFrom} – ${cert.validTo}）`,
      );
    }
  }
  return { trusted: problems.length === 0, path, problems };
}
