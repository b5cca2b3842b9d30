/**
 * A throwaway OpenLDAP server for tests (see /work/shared/notes/test-services.md): a temp dir
 * with slapd.conf, the fixture loaded with slapadd, slapd on a free port in the foreground.
 * The default export is a Vitest globalSetup that provides `ldapUrl` to the tests.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'ldapts';
import type { TestProject } from 'vitest/node';
import { buildLdif, DEMO_LDAP_FIXTURE, type LdapFixture, ssha } from './ldap-fixture';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `ldap://127.0.0.1:<port>/` of the slapd holding DEMO_LDAP_FIXTURE. */
    ldapUrl: string;
  }
}

const SLAPD = '/usr/sbin/slapd';
const SLAPADD = '/usr/sbin/slapadd';
const DIR_PREFIX = 'gongwen-slapd-';

/** A running test slapd. */
export interface RunningSlapd {
  url: string;
  port: number;
  dir: string;
  pid: number;
  /** SIGTERM, wait for the exit, remove the temp dir. */
  stop(): Promise<void>;
}

/** Options of `startSlapd`. */
export interface SlapdOptions {
  /** Compute `memberOf` at read time with the dynlist overlay (default true). */
  dynlist?: boolean;
}

function slapdConf(dir: string, f: LdapFixture, dynlist: boolean): string {
  return [
    'include /etc/ldap/schema/core.schema',
    'include /etc/ldap/schema/cosine.schema',
    'include /etc/ldap/schema/inetorgperson.schema',
    'include /etc/ldap/schema/dyngroup.schema',
    'modulepath /usr/lib/ldap',
    'moduleload back_mdb',
    ...(dynlist ? ['moduleload dynlist'] : []),
    `pidfile ${join(dir, 'slapd.pid')}`,
    'database mdb',
    `suffix "${f.suffix}"`,
    `rootdn "${f.rootDn}"`,
    `rootpw ${ssha(f.rootPassword)}`,
    `directory ${join(dir, 'data')}`,
    ...(dynlist
      ? ['overlay dynlist', 'dynlist-attrset groupOfURLs memberURL member+memberOf@groupOfNames']
      : []),
    'access to attrs=userPassword by self write by anonymous auth by * none',
    // Only bound identities read the directory: a search without the service bind finds nobody.
    'access to * by users read by * none',
    '',
  ].join('\n');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function run(cmd: string, args: string[], input: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} exited with ${code}: ${stderr.trim()}`)),
    );
    child.stdin.end(input);
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

async function waitReady(url: string, f: LdapFixture, child: ChildProcess, stderr: () => string) {
  const deadline = Date.now() + 10_000;
  let gone = false;
  void exited(child).then(() => {
    gone = true;
  });
  for (;;) {
    if (gone) throw new Error(`slapd exited with ${child.exitCode}: ${stderr().trim()}`);
    const client = new Client({ url, timeout: 1000, connectTimeout: 1000 });
    try {
      await client.bind(f.rootDn, f.rootPassword);
      await client.unbind();
      return;
    } catch (e) {
      await client.unbind().catch(() => {});
      if (Date.now() > deadline) throw new Error(`slapd did not answer on ${url}: ${String(e)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}

async function startOnce(f: LdapFixture, dynlist: boolean): Promise<RunningSlapd> {
  const dir = mkdtempSync(join(tmpdir(), DIR_PREFIX));
  try {
    writeFileSync(join(dir, 'owner.pid'), String(process.pid));
    mkdirSync(join(dir, 'data'));
    const conf = join(dir, 'slapd.conf');
    writeFileSync(conf, slapdConf(dir, f, dynlist));
    await run(SLAPADD, ['-q', '-f', conf], buildLdif(f));
    const port = await freePort();
    const url = `ldap://127.0.0.1:${port}/`;
    const child = spawn(SLAPD, ['-d', 'none', '-f', conf, '-h', url], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    try {
      await waitReady(url, f, child, () => stderr);
    } catch (e) {
      child.kill('SIGKILL');
      await exited(child);
      throw e;
    }
    let stopped: Promise<void> | null = null;
    return {
      url,
      port,
      dir,
      pid: child.pid!,
      stop() {
        stopped ??= (async () => {
          if (child.exitCode === null && child.signalCode === null) {
            child.kill('SIGTERM');
            const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
            await exited(child);
            clearTimeout(timer);
          }
          rmSync(dir, { recursive: true, force: true });
        })();
        return stopped;
      },
    };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/** Starts slapd with the fixture loaded; retries on a port taken between probe and start. */
export async function startSlapd(
  f: LdapFixture = DEMO_LDAP_FIXTURE,
  options: SlapdOptions = {},
): Promise<RunningSlapd> {
  if (!existsSync(SLAPD) || !existsSync(SLAPADD)) {
    throw new Error(
      'slapd is not installed: apt-get install slapd ldap-utils (see /work/shared/notes/test-services.md)',
    );
  }
  let last: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(f, options.dynlist ?? true);
    } catch (e) {
      last = e;
    }
  }
  throw last;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stops slapd processes left behind by test runs whose Node process died (a SIGKILLed parent
 * leaves slapd running under PID 1): their temp dir names a dead owner; the slapd pid comes
 * from its pid file and is only signalled when its command line names that dir.
 */
export async function killStaleSlapds(): Promise<number> {
  let killed = 0;
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(DIR_PREFIX)) continue;
    const dir = join(tmpdir(), name);
    const ownerFile = join(dir, 'owner.pid');
    if (!existsSync(ownerFile)) {
      // Another run may have just created it and not yet written its owner: leave young dirs.
      if (Date.now() - statSync(dir).mtimeMs < 60_000) continue;
    } else if (alive(Number(readFileSync(ownerFile, 'utf8')))) continue;
    const pidFile = join(dir, 'slapd.pid');
    const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : Number.NaN;
    if (Number.isInteger(pid) && alive(pid)) {
      let cmdline = '';
      try {
        cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      } catch {}
      if (cmdline.includes('slapd') && cmdline.includes(dir)) {
        process.kill(pid, 'SIGTERM');
        for (let i = 0; i < 200 && alive(pid); i++) await new Promise((r) => setTimeout(r, 10));
        if (alive(pid)) process.kill(pid, 'SIGKILL');
        killed++;
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
  return killed;
}

/** Vitest globalSetup: one slapd for the whole run, its URL provided as `ldapUrl`. */
export default async function setup(project: TestProject) {
  await killStaleSlapds();
  const slapd = await startSlapd(DEMO_LDAP_FIXTURE);
  project.provide('ldapUrl', slapd.url);
  return async () => {
    await slapd.stop();
  };
}
