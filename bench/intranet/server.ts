/**
 * The intranet's production build as the benchmark's server: build when stale, first start
 * (migrations, demo data, accounts) on a given PostgreSQL database, then `next start` in its
 * own process group so it can be stopped with everything it spawned.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const appDir = fileURLToPath(new URL('../../apps/intranet/', import.meta.url));
const require = createRequire(join(appDir, 'package.json'));
const nextBin = require.resolve('next/dist/bin/next');
const tsxBin = require.resolve('tsx/cli');
/** The benchmark's own build folder (next.config.ts reads it), apart from dev and e2e builds. */
const DIST_DIR = '.next-bench';

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let max = 0;
  for (const e of readdirSync(path, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    max = Math.max(max, newest(join(path, e.name)));
  }
  return max;
}

/** Builds the intranet unless `.next` is newer than every source it is built from. */
export function ensureBuild(log: (m: string) => void): void {
  const id = join(appDir, DIST_DIR, 'BUILD_ID');
  const sources = ['src', 'next.config.ts', 'package.json', '../../packages'].map((p) =>
    join(appDir, p),
  );
  if (existsSync(id) && sources.every((s) => newest(s) <= statSync(id).mtimeMs)) return;
  log('building the intranet (next build) …');
  execFileSync(process.execPath, [nextBin, 'build'], {
    cwd: appDir,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      GONGWEN_NEXT_DIST_DIR: DIST_DIR,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

/** Environment of the server and of the first-start step. */
export function serverEnv(opts: { databaseUrl: string; blobDir: string; port: number }) {
  return {
    ...process.env,
    NODE_ENV: 'production' as const,
    NEXT_TELEMETRY_DISABLED: '1',
    GONGWEN_NEXT_DIST_DIR: DIST_DIR,
    DATABASE_URL: opts.databaseUrl,
    GONGWEN_BLOB_DIR: opts.blobDir,
    GONGWEN_DEMO_SEED: '1',
    GONGWEN_DEMO_SEALED: '2',
    NEXTAUTH_URL: `http://127.0.0.1:${opts.port}`,
    NEXTAUTH_SECRET: 'bench-secret-0123456789abcdefghijklmnopqrstuvwxyz',
    LDAP_URL: '',
    PORT: String(opts.port),
  };
}

/** Runs the intranet's first-start step (the same one `npm run demo` runs). */
export function firstStart(env: NodeJS.ProcessEnv): void {
  execFileSync(process.execPath, [tsxBin, 'scripts/first-start.ts'], {
    cwd: appDir,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** A running `next start`; `stop()` ends its whole process group. */
export interface RunningServer {
  baseURL: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startServer(
  env: NodeJS.ProcessEnv,
  port: number,
  nodeArgs: string[] = [],
): Promise<RunningServer> {
  const args = [...nodeArgs, nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'];
  const child = spawn(process.execPath, args, {
    cwd: appDir,
    env,
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseURL = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (!child.pid || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {}
    const late = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {}
    }, 10_000);
    await exited;
    clearTimeout(late);
  };
  const until = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${baseURL}/login`)).status === 200) break;
    } catch {}
    if (Date.now() > until) {
      await stop();
      throw new Error('the intranet did not start within 120 s');
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return { baseURL, child, stop };
}
