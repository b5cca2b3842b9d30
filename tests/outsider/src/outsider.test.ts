/**
 * The outsider test: what an embedder gets from npm. Every publishable package is built and
 * packed (scripts/pack.mjs), the tarballs are installed into a fresh `"type": "module"` project
 * outside the workspace, and there:
 *   1. the program that opens docs/embedding.md runs with plain `node`, on PGlite and on
 *      PostgreSQL (a throwaway database on GONGWEN_PG_URL), and fails with a clear message
 *      about a driver that is not installed;
 *   2. `tsc` (strict, module nodenext, default lib, no skipLibCheck) checks that program, as
 *      JavaScript and as TypeScript, and a file importing every public entry point;
 *   3. the `gongwen-seal` command from the tarball issues a CA and a seal, seals a PDF and
 *      verifies it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const work = mkdtempSync(join(tmpdir(), 'gongwen-outsider-'));
const app = join(work, 'app');

// npm run / turbo pass npm_* settings (workspace, prefix …) down: the fresh project gets none.
const env = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_')),
) as NodeJS.ProcessEnv;

/** The version the workspace has installed, so npm finds it in its cache. */
const installed = (name: string) =>
  JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;

function sh(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const run = spawnSync(cmd, args, {
    cwd: opts.cwd ?? app,
    env: { ...env, ...opts.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

function npmInstall(specs: string[]) {
  const r = sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', ...specs]);
  if (r.code !== 0) throw new Error(`npm install failed:\n${r.out}\n${r.err}`);
}

/** The program docs/embedding.md begins with: its first fenced code block. */
export function embeddingProgram(): string {
  const doc = readFileSync(join(ROOT, 'docs/embedding.md'), 'utf8');
  const block = /```js\n([\s\S]*?)```/.exec(doc)?.[1];
  if (!block?.startsWith('// main.mjs')) {
    throw new Error('docs/embedding.md must begin with the complete program (// main.mjs)');
  }
  return block;
}

let tarballs: Array<{ name: string; tarball: string; files: number; size: number }> = [];

beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, 'scripts/pack.mjs'), '--out', join(work, 'pack')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  tarballs = JSON.parse(readFileSync(join(work, 'pack/packed.json'), 'utf8'));
  mkdirSync(app);
  writeFileSync(
    join(app, 'package.json'),
    `${JSON.stringify({ name: 'outsider', private: true, type: 'module' }, null, 2)}\n`,
  );
  // PGlite only, at first: the PostgreSQL driver is an optional peer dependency.
  npmInstall([
    ...tarballs.map((t) => t.tarball),
    `@electric-sql/pglite@${installed('@electric-sql/pglite')}`,
    `xstate@${installed('xstate')}`,
    `zod@${installed('zod')}`,
  ]);
  writeFileSync(join(app, 'main.mjs'), embeddingProgram());
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('the packages as an embedder installs them', () => {
  it('hold only what users need', () => {
    expect(tarballs.map((t) => t.name).sort()).toEqual([
      '@gongwen/adapters',
      '@gongwen/core',
      '@gongwen/documents',
      '@gongwen/seal',
    ]);
    for (const t of tarballs) {
      const list = execFileSync('tar', ['-tzf', t.tarball], { encoding: 'utf8' }).split('\n');
      expect(list).toContain('package/LICENSE');
      expect(list).toContain('package/README.md');
      expect(list.filter((f) => /\.test\.|\/src\/|tsconfig|vitest|tsdown/.test(f))).toEqual([]);
      const manifest = JSON.parse(
        execFileSync('tar', ['-xzOf', t.tarball, 'package/package.json'], { encoding: 'utf8' }),
      );
      expect(JSON.stringify(manifest.exports)).not.toContain('.ts"');
      expect(manifest.scripts).toBeUndefined();
      expect(manifest.devDependencies).toBeUndefined();
    }
  });

  it('pass publint and Are the Types Wrong', () => {
    const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);
    for (const t of tarballs) {
      const stage = join(work, 'pack/stage', t.name.replace('@gongwen/', ''));
      const publint = sh(bin('publint'), ['run', stage, '--strict'], { cwd: ROOT });
      expect(`${t.name} ${publint.out}${publint.err}`).not.toMatch(/error|warning|suggestion/i);
      expect(publint.code).toBe(0);
      const attw = sh(bin('attw'), [t.tarball, '--profile', 'esm-only', '--format', 'ascii'], {
        cwd: ROOT,
      });
      expect(attw.code, `${t.name}\n${attw.out}${attw.err}`).toBe(0);
    }
  });

  it('the README quick start is the same program', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`\`\`\`js\n${embeddingProgram()}\`\`\``);
  });

  it('runs the embedding program from docs/embedding.md with plain node on PGlite', () => {
    const r = sh(process.execPath, ['main.mjs']);
    expect(r.err).toBe('');
    expect(r.out).toContain('赵局长可以： 同意、不同意');
    expect(r.out).toContain('赵局长的待办： 年休假申请（请假审批）');
    expect(r.out).toContain('办理结果： approved done');
    expect(r.out).toContain('流程台帐： 完整，共 2 条');
    expect(r.code).toBe(0);
  });

  it('names the driver to install when pg is missing', () => {
    const r = sh(process.execPath, ['main.mjs'], {
      env: { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
    });
    expect(r.code).not.toBe(0);
    expect(r.err).toContain(
      '@gongwen/adapters/postgres needs the driver package "pg", which is not installed: npm install pg',
    );
  });

  it.skipIf(!process.env.GONGWEN_PG_URL)(
    'runs the same program on PostgreSQL, in a throwaway database',
    () => {
      npmInstall([`pg@${installed('pg')}`, `@types/pg@${installed('@types/pg')}`]);
      const admin = process.env.GONGWEN_PG_URL as string;
      const name = `gongwen_outsider_${process.pid}_${Date.now()}`;
      const url = new URL(admin);
      url.pathname = `/${name}`;
      const psql = (sql: string) => {
        const r = sh(
          process.execPath,
          [
            '--input-type=module',
            '-e',
            `import pg from 'pg'; const c = new pg.Client(process.env.ADMIN_URL);
           await c.connect(); await c.query(process.env.SQL); await c.end();`,
          ],
          { env: { ADMIN_URL: admin, SQL: sql } },
        );
        expect(r.err).toBe('');
      };
      psql(`CREATE DATABASE ${name}`);
      try {
        const r = sh(process.execPath, ['main.mjs'], { env: { DATABASE_URL: url.href } });
        expect(r.err).toBe('');
        expect(r.out).toContain('办理结果： approved done');
        expect(r.out).toContain('流程台帐： 完整，共 2 条');
        expect(r.code).toBe(0);
      } finally {
        psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }
    },
  );

  it('type-checks with tsc: strict, module nodenext, default lib, no skipLibCheck', () => {
    npmInstall([
      `typescript@${installed('typescript')}`,
      `@types/node@${installed('@types/node')}`,
      `pg@${installed('pg')}`,
      `@types/pg@${installed('@types/pg')}`,
      // PGlite's own declarations use Emscripten's types without depending on them.
      '@types/emscripten@1',
    ]);
    writeFileSync(join(app, 'main.ts'), embeddingProgram());
    // Every public entry point but @gongwen/core/testing (Vitest suites, for adapter authors).
    writeFileSync(
      join(app, 'entries.ts'),
      [
        "export * as core from '@gongwen/core';",
        "export * as adapters from '@gongwen/adapters';",
        "export * as blobs from '@gongwen/adapters/fs-blob-store';",
        "export * as pglite from '@gongwen/adapters/pglite';",
        "export * as postgres from '@gongwen/adapters/postgres';",
        "export * as smtp from '@gongwen/adapters/smtp-notifier';",
        "export * as seal from '@gongwen/seal';",
        "export * as sealCli from '@gongwen/seal/cli';",
        "export * as documents from '@gongwen/documents';",
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(app, 'tsconfig.json'),
      `${JSON.stringify(
        {
          compilerOptions: {
            strict: true,
            module: 'nodenext',
            noEmit: true,
            allowJs: true,
            checkJs: true,
          },
          files: ['main.mjs', 'main.ts', 'entries.ts'],
        },
        null,
        2,
      )}\n`,
    );
    const r = sh(process.execPath, [join(app, 'node_modules/typescript/bin/tsc'), '-p', '.']);
    expect(`${r.out}${r.err}`).toBe('');
    expect(r.code).toBe(0);
  });

  it('ships the gongwen-seal command, compiled: CA, seal certificate, sealed and verified PDF', () => {
    const seal = (...args: string[]) => sh(join(app, 'node_modules/.bin/gongwen-seal'), args);
    const help = seal('--help');
    expect(help.code).toBe(0);
    for (const command of ['init-ca', 'issue', 'revoke', 'seal', 'verify', 'help']) {
      expect(help.out).toMatch(new RegExp(`^  ${command} `, 'm'));
    }
    expect(help.out).toContain('Create a unit CA');
    expect(help.out).toContain('创建单位电子印章 CA');

    const pdf = sh(process.execPath, [
      '--input-type=module',
      '-e',
      `import { writeFileSync } from 'node:fs'; import { PDFDocument } from 'pdf-lib';
       const doc = await PDFDocument.create(); doc.addPage([595, 842]);
       writeFileSync('发文.pdf', await doc.save());`,
    ]);
    expect(pdf.err).toBe('');
    const steps = [
      [
        'init-ca',
        '--name',
        '示例县电子印章管理中心',
        '--out',
        'ca.p12',
        '--password',
        '根口令',
        '--cert',
        'ca.pem',
      ],
      [
        'issue',
        '--ca',
        'ca.p12',
        '--ca-password',
        '根口令',
        '--unit',
        '示例县人民政府',
        '--credit-code',
        '11110000000000000Y',
        '--out',
        'seal.p12',
        '--password',
        '印章PIN',
      ],
      [
        'seal',
        '--p12',
        'seal.p12',
        '--password',
        '印章PIN',
        '--in',
        '发文.pdf',
        '--out',
        '已盖章.pdf',
        '--page',
        '1',
        '--x',
        '420',
        '--y',
        '180',
      ],
    ];
    for (const step of steps) {
      const r = seal(...step);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
    }
    const verify = seal('verify', '--ca', 'ca.pem', '已盖章.pdf');
    expect(verify.out).toMatch(/^有效 {2}示例县人民政府/m);
    expect(verify.code).toBe(0);
    expect(seal('verify', '--ca', 'ca.pem', '发文.pdf').code).toBe(1);
  });
});
