import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CertifiedKey } from '../certificates.ts';
import { sealPdf } from '../pdf-sign.ts';
import { loadPkcs12 } from '../pkcs12.ts';
import { softwareSigner } from '../signer.ts';
import { makePdf, NOW, opensslVerify, pdfsig, pdfsigBlocks, tempDir } from '../test-helpers.ts';
import { verifySealedPdf } from './index.ts';

/** An outside CA hierarchy made by openssl: root → intermediate → seal certificate. */
function opensslHierarchy(): { root: Uint8Array; rootPem: string; seal: CertifiedKey } {
  const dir = tempDir();
  const f = (n: string) => join(dir, n);
  const sh = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  const ext = (name: string, body: string) => {
    writeFileSync(f(name), body);
    return f(name);
  };
  const caExt = ext(
    'ca.ext',
    'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n',
  );
  const leafExt = ext(
    'leaf.ext',
    'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n',
  );
  sh(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    f('root.key'),
    '-out',
    f('root.pem'),
    '-days',
    '3650',
    '-utf8',
    '-subj',
    '/C=CN/O=国家电子印章根CA/CN=国家电子印章根CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  );
  sh(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    f('int.key'),
    '-out',
    f('int.csr'),
    '-utf8',
    '-subj',
    '/C=CN/O=某省电子印章中心/CN=某省电子印章中心二级CA',
  );
  sh(
    'x509',
    '-req',
    '-in',
    f('int.csr'),
    '-CA',
    f('root.pem'),
    '-CAkey',
    f('root.key'),
    '-CAcreateserial',
    '-out',
    f('int.pem'),
    '-days',
    '1825',
    '-extfile',
    caExt,
  );
  sh(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    f('seal.key'),
    '-out',
    f('seal.csr'),
    '-utf8',
    '-subj',
    '/C=CN/O=杭州市人民政府/CN=杭州市人民政府',
  );
  sh(
    'x509',
    '-req',
    '-in',
    f('seal.csr'),
    '-CA',
    f('int.pem'),
    '-CAkey',
    f('int.key'),
    '-CAcreateserial',
    '-out',
    f('seal.pem'),
    '-days',
    '365',
    '-extfile',
    leafExt,
  );
  // The chain goes into the bundle in the "wrong" order on purpose: root before intermediate.
  writeFileSync(
    f('chain.pem'),
    readFileSync(f('root.pem'), 'utf8') + readFileSync(f('int.pem'), 'utf8'),
  );
  sh(
    'pkcs12',
    '-export',
    '-inkey',
    f('seal.key'),
    '-in',
    f('seal.pem'),
    '-certfile',
    f('chain.pem'),
    '-out',
    f('seal.p12'),
    '-passout',
    'pass:杭州PIN',
  );
  const rootPem = readFileSync(f('root.pem'), 'utf8');
  return {
    root: new Uint8Array(Buffer.from(rootPem.replace(/-----[^-]+-----|\s/g, ''), 'base64')),
    rootPem,
    seal: loadPkcs12(readFileSync(f('seal.p12')), '杭州PIN'),
  };
}

describe('certificate chains from an outside CA', () => {
  it('orders the chain, verifies through an intermediate, and agrees with pdfsig and openssl', async () => {
    const { root, rootPem, seal } = opensslHierarchy();
    expect(seal.chain).toHaveLength(2);
    const sealed = await sealPdf(await makePdf(), {
      signer: softwareSigner(seal),
      placement: { page: 0, x: 420, y: 200 },
      appearance: { kind: 'round', unitName: '杭州市人民政府' },
      signingTime: new Date(),
    });
    const [report] = await verifySealedPdf(sealed.pdf, { trustAnchors: [rootPem] });
    expect(report).toMatchObject({ signerName: '杭州市人民政府', trusted: true, valid: true });

    const rootKey: CertifiedKey = { privateKeyPem: '', certificate: root, chain: [] };
    const block = pdfsigBlocks(pdfsig(sealed.pdf, rootKey))[0]!;
    expect(block).toContain('Signature is Valid.');
    expect(block).toContain('Certificate is Trusted.');
    expect(opensslVerify(sealed.pdf, 0, rootKey).ok).toBe(true);

    // Trusting only some other root: the same file is not trusted.
    const [other] = await verifySealedPdf(sealed.pdf, { trustAnchors: [], at: NOW });
    expect(other).toMatchObject({ intact: true, trusted: false, valid: false });
  });
});
