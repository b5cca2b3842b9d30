import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makePdf, tempDir } from './test-helpers.ts';

const BIN = fileURLToPath(new URL('../bin/gongwen-seal.js', import.meta.url));

function cli(dir: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8' });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('gongwen-seal CLI', () => {
  it('init-ca → issue → seal → verify → revoke, all with Chinese names and passwords', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '发文.pdf'), await makePdf());

    const init = cli(
      dir,
      'init-ca',
      '--name',
      '某省电子印章管理中心',
      '--out',
      'ca.p12',
      '--password',
      '根口令',
      '--cert',
      'ca.pem',
    );
    expect(init.err).toBe('');
    expect(init.code).toBe(0);
    expect(init.out).toContain('某省电子印章管理中心');

    const issue = cli(
      dir,
      'issue',
      '--ca',
      'ca.p12',
      '--ca-password',
      '根口令',
      '--unit',
      '北京市财政局',
      '--credit-code',
      '11110000000000000Y',
      '--out',
      '财政局.p12',
      '--password',
      '印章PIN',
    );
    expect(issue.code).toBe(0);
    const serial = issue.out.match(/serial ([0-9A-F]+)/)?.[1];
    expect(serial).toBeDefined();

    const seal = cli(
      dir,
      'seal',
      '--p12',
      '财政局.p12',
      '--password',
      '印章PIN',
      '--in',
      '发文.pdf',
      '--out',
      '已盖章.pdf',
      '--page',
      '2',
      '--x',
      '420',
      '--y',
      '200',
      '--code',
      '1101000012345',
      '--reason',
      '印发',
    );
    expect(seal.code).toBe(0);
    expect(seal.out).toContain('已盖章：北京市财政局');

    const ok = cli(dir, 'verify', '--ca', 'ca.pem', '已盖章.pdf');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain(`有效  北京市财政局  序列号 ${serial}`);

    const json = cli(dir, 'verify', '--ca', 'ca.pem', '--json', '已盖章.pdf');
    expect(JSON.parse(json.out)[0]).toMatchObject({ signerName: '北京市财政局', valid: true });

    expect(
      cli(
        dir,
        'revoke',
        '--ca',
        'ca.p12',
        '--ca-password',
        '根口令',
        '--serial',
        serial!,
        '--out',
        'ca.crl',
      ).code,
    ).toBe(0);
    const revoked = cli(dir, 'verify', '--ca', 'ca.pem', '--crl', 'ca.crl', '已盖章.pdf');
    expect(revoked.code).toBe(1);
    expect(revoked.out).toContain('证书已被吊销');

    expect(cli(dir, 'verify', '--ca', 'ca.pem', '发文.pdf').code).toBe(1);
    expect(
      cli(
        dir,
        'seal',
        '--p12',
        '财政局.p12',
        '--password',
        '错',
        '--in',
        '发文.pdf',
        '--out',
        'x.pdf',
        '--page',
        '1',
        '--x',
        '1',
        '--y',
        '1',
      ).code,
    ).toBe(1);
    // Eight CLI processes, each starting Node with tsx: seconds on a busy 2-core machine.
  }, 180_000);

  it('prints usage and rejects unknown commands or missing options', () => {
    const dir = tempDir();
    expect(cli(dir).out).toContain('init-ca');
    expect(cli(dir, 'frobnicate').code).toBe(2);
    const missing = cli(dir, 'init-ca', '--out', 'x.p12');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--name');
  }, 60_000);

  it('--help lists every command in Chinese and English', () => {
    const dir = tempDir();
    for (const args of [['--help'], ['help'], ['-h'], ['seal', '--help']]) {
      const help = cli(dir, ...args);
      expect(help.code).toBe(0);
      for (const command of ['init-ca', 'issue', 'revoke', 'seal', 'verify', 'help']) {
        expect(help.out).toMatch(new RegExp(`^  ${command} `, 'm'));
      }
      expect(help.out).toContain('创建单位电子印章 CA');
      expect(help.out).toContain('Create a unit CA');
      expect(help.out).toContain('离线验证');
      expect(help.out).toContain('Verify the seals in a PDF offline');
    }
  }, 60_000);
});
