import { execFileSync, spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPkcs12, savePkcs12 } from './pkcs12.ts';
import { makeCa, makeUnit, tempDir } from './test-helpers.ts';

describe('PKCS#12', () => {
  const ca = makeCa();
  const unit = makeUnit(ca);

  it('round-trips key, certificate and chain under a Chinese password', () => {
    const back = loadPkcs12(savePkcs12(unit, '印章口令2026'), '印章口令2026');
    expect(Buffer.compare(back.certificate, unit.certificate)).toBe(0);
    expect(back.chain.map((c) => Buffer.from(c).toString('hex'))).toEqual([
      Buffer.from(ca.certificate).toString('hex'),
    ]);
    expect(back.privateKeyPem).toContain('BEGIN PRIVATE KEY');
  });

  it('refuses a wrong password', () => {
    const p12 = savePkcs12(unit, '正确口令');
    expect(() => loadPkcs12(p12, '错误口令')).toThrow();
  });

  it('writes bundles openssl can open with the same Chinese password', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'unit.p12'), savePkcs12(unit, '印章口令'));
    const run = spawnSync(
      'openssl',
      ['pkcs12', '-in', join(dir, 'unit.p12'), '-passin', 'pass:印章口令', '-nokeys'],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('BEGIN CERTIFICATE');
  });

  it('loads a PKCS#12 made by an outside CA with openssl (AES-256, SHA-256 MAC)', () => {
    const dir = tempDir();
    const f = (n: string) => join(dir, n);
    const sh = (args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
    sh(
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', f('ca.key'), '-out', f('ca.pem')]
        .concat(['-days', '3650', '-utf8', '-subj', '/C=CN/O=外部认证中心/CN=外部认证中心根CA'])
        .concat(['-addext', 'basicConstraints=critical,CA:TRUE']),
    );
    sh(
      ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', f('u.key'), '-out', f('u.csr')].concat([
        '-utf8',
        '-subj',
        '/C=CN/O=上海市人民政府/CN=上海市人民政府',
      ]),
    );
    sh(
      ['x509', '-req', '-in', f('u.csr'), '-CA', f('ca.pem'), '-CAkey', f('ca.key')].concat([
        '-CAcreateserial',
        '-out',
        f('u.pem'),
        '-days',
        '365',
      ]),
    );
    sh(
      [
        'pkcs12',
        '-export',
        '-inkey',
        f('u.key'),
        '-in',
        f('u.pem'),
        '-certfile',
        f('ca.pem'),
      ].concat(['-out', f('u.p12'), '-passout', 'pass:外部口令']),
    );
    const key = loadPkcs12(readFileSync(f('u.p12')), '外部口令');
    expect(new X509Certificate(key.certificate).subject).toContain('CN=上海市人民政府');
    expect(key.chain).toHaveLength(1);
  });
});
