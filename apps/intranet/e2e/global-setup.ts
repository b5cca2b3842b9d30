import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase } from '@gongwen/adapters/testing';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The running intranet, e.g. http://127.0.0.1:41234 */
    baseURL: string;
    /**
     * The file the server adds to its clock (GONGWEN_CLOCK_OFFSET_FILE, milliseconds): a test
     * writes a larger offset to move the server's time forward instead of waiting. Absent when
     * the tests run against a server started elsewhere (GONGWEN_E2E_BASE_URL).
     */
    clockOffsetFile?: string;
  }
}

const appDir = fileURLToPath(new URL('..', import.meta.url));
/**
 * The e2e build's own output folder (next.config.ts reads GONGWEN_NEXT_DIST_DIR);
 * GONGWEN_E2E_DIST_DIR names another, so that two e2e runs in one checkout never share a build.
 */
const DIST_DIR = process.env.GONGWEN_E2E_DIST_DIR || '.next-e2e';
const artifacts = join(appDir, 'e2e', process.env.GONGWEN_E2E_ARTIFACTS || 'artifacts');
const require = createRequire(import.meta.url);
const nextBin = require.resolve('next/dist/bin/next', { paths: [appDir] });
const tsxBin = require.resolve('tsx/cli', { paths: [appDir] });

/** Newest modification time under `path` (files only). */
async function newest(path: string): Promise<number> {
  if (!existsSync(path)) return 0;
  const s = await stat(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let max = 0;
  for (const entry of await readdir(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    max = Math.max(max, await newest(join(path, entry.name)));
  }
  return max;
}

/** The build is reused only when it is newer than every source it was built from. */
async function buildIsFresh(): Promise<boolean> {
  const id = join(appDir, DIST_DIR, 'BUILD_ID');
  if (!existsSync(id)) return false;
  const built = statSync(id).mtimeMs;
  const sources = [
    join(appDir, 'src'),
    join(appDir, 'next.config.ts'),
    join(appDir, 'tsconfig.json'),
    join(appDir, 'tsconfig.build.json'),
    join(appDir, 'package.json'),
    ...['core', 'adapters', 'seal', 'documents'].map((p) =>
      join(appDir, '..', '..', 'packages', p, 'src'),
    ),
  ];
  for (const s of sources) if ((await newest(s)) > built) return false;
  return true;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last: unknown = null;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      const res = await fetch(url, { redirect: 'manual' });
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the intranet did not become ready at ${url}: ${String(last)}`);
}

export default async function setup(project: TestProject) {
  mkdirSync(artifacts, { recursive: true });
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', GONGWEN_NEXT_DIST_DIR: DIST_DIR };
  if (!(await buildIsFresh())) {
    execFileSync(process.execPath, [nextBin, 'build'], {
      cwd: appDir,
      env: { ...env, NODE_ENV: 'production' },
      stdio: 'inherit',
    });
  }

  const dataRoot = await mkdtemp(join(tmpdir(), 'gongwen-e2e-'));
  // PostgreSQL when the test command started one (CI always does); PGlite otherwise.
  const databaseUrl = process.env.GONGWEN_PG_URL
    ? await createTestDatabase('gw_e2e', process.env.GONGWEN_PG_URL)
    : '';
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const serverEnv = {
    ...env,
    NODE_ENV: 'production' as const,
    GONGWEN_DATA_DIR: join(dataRoot, 'pglite'),
    GONGWEN_BLOB_DIR: join(dataRoot, 'blobs'),
    GONGWEN_DEMO_SEED: '1',
    // Two demo 发文 through the real 盖章 and 分发 at first start: the path runs, cheaply.
    GONGWEN_DEMO_SEALED: '2',
    NEXTAUTH_URL: baseURL,
    NEXTAUTH_SECRET: 'e2e-secret-0123456789abcdefghijklmnopqrstuv',
    DATABASE_URL: databaseUrl,
    LDAP_URL: '',
    PORT: String(port),
    GONGWEN_CLOCK_OFFSET_FILE: join(dataRoot, 'clock-offset'),
  };
  // The same first-start step `npm run demo` runs: migrations, demo organisation, cases, accounts.
  execFileSync(process.execPath, [tsxBin, 'scripts/first-start.ts'], {
    cwd: appDir,
    env: serverEnv,
    stdio: 'inherit',
  });

  const log = createWriteStream(join(artifacts, 'server.log'));
  const child = spawn(process.execPath, [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: appDir,
    env: serverEnv,
    detached: true, // its own process group: teardown kills the whole group
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);

  const stop = async () => {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {}
      const exited = new Promise((r) => child.once('exit', r));
      const timeout = new Promise((r) => setTimeout(r, 10_000, 'timeout'));
      if ((await Promise.race([exited, timeout])) === 'timeout') {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {}
      }
    }
    log.end();
    await rm(dataRoot, { recursive: true, force: true });
  };

  try {
    await waitForReady(`${baseURL}/login`, child, 120_000);
  } catch (e) {
    await stop();
    throw e;
  }
  console.log(`[e2e] intranet on ${databaseUrl ? 'PostgreSQL' : 'PGlite'} at ${baseURL}`);
  project.provide('baseURL', baseURL);
  project.provide('clockOffsetFile', serverEnv.GONGWEN_CLOCK_OFFSET_FILE);
  return stop;
}
