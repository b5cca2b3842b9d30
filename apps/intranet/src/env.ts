import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';

/**
 * The intranet's environment, validated with zod. Read lazily (`getEnv()`), so that
 * `next build` and tests never need a running deployment's settings.
 */
const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** PostgreSQL connection string; when absent the intranet runs on embedded PGlite. */
  DATABASE_URL: z.string().min(1).optional(),
  /** PGlite data folder (ignored when DATABASE_URL is set). */
  GONGWEN_DATA_DIR: z.string().min(1).default('./.data/pglite'),
  /** Folder of document bodies and attachments. */
  GONGWEN_BLOB_DIR: z.string().min(1).default('./.data/blobs'),
  /** Signs the session JWTs. Generated and kept beside the data when missing (see below). */
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  /** The public URL of the intranet (next-auth infers it from the request when absent). */
  NEXTAUTH_URL: z.url().optional(),
  LDAP_URL: z.string().min(1).optional(),
  LDAP_BIND_DN: z.string().optional(),
  LDAP_BIND_PASSWORD: z.string().optional(),
  LDAP_BASE_DN: z.string().optional(),
  /** '0' turns off loading the demo organisation and cases on the first start. */
  GONGWEN_DEMO_SEED: z.enum(['0', '1']).default('1'),
  /** Demo 发文 sealed, distributed and archived at first start (LibreOffice, ~3 s each). */
  GONGWEN_DEMO_SEALED: z.coerce.number().int().min(0).max(100).default(12),
  /**
   * End-to-end tests only: a file whose integer content (milliseconds) is added to the server's
   * clock, so that a browser test can move past a meeting's start instead of waiting for it.
   */
  GONGWEN_CLOCK_OFFSET_FILE: z.string().min(1).optional(),
});

/** The validated environment, with NEXTAUTH_SECRET always present. */
export type Env = Omit<z.output<typeof ZEnv>, 'NEXTAUTH_SECRET'> & {
  NEXTAUTH_SECRET: string;
  /** LDAP settings when LDAP_URL is set, else null. */
  ldap: { url: string; bindDn: string; bindPassword: string; baseDn: string } | null;
};

let cached: Env | null = null;

/** Parses `process.env` once; throws a readable error listing every bad variable. */
export function getEnv(): Env {
  if (cached) return cached;
  const blank = Object.fromEntries(
    Object.entries(process.env).map(([k, v]) => [k, v === '' ? undefined : v]),
  );
  const parsed = ZEnv.safeParse(blank);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment variables:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  let ldap: Env['ldap'] = null;
  if (e.LDAP_URL) {
    if (!e.LDAP_BASE_DN)
      throw new Error(
        'Invalid environment variables:\n  LDAP_BASE_DN: required when LDAP_URL is set',
      );
    ldap = {
      url: e.LDAP_URL,
      bindDn: e.LDAP_BIND_DN ?? '',
      bindPassword: e.LDAP_BIND_PASSWORD ?? '',
      baseDn: e.LDAP_BASE_DN,
    };
  }
  cached = { ...e, NEXTAUTH_SECRET: e.NEXTAUTH_SECRET ?? persistedSecret(e), ldap };
  return cached;
}

/**
 * A deployment on PostgreSQL in production must set NEXTAUTH_SECRET. The embedded (PGlite)
 * deployment — the one-command demo — keeps a generated secret next to its data folder, so
 * sessions survive restarts without any setup.
 */
function persistedSecret(e: z.output<typeof ZEnv>): string {
  if (e.NODE_ENV === 'production' && e.DATABASE_URL) {
    throw new Error(
      'Invalid environment variables:\n  NEXTAUTH_SECRET: required in production with DATABASE_URL',
    );
  }
  const file = secretFile(e.GONGWEN_DATA_DIR);
  if (existsSync(file)) {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  }
  if (e.GONGWEN_DATA_DIR.startsWith('memory://')) return randomBytes(32).toString('base64url');
  console.warn(`[gongwen] NEXTAUTH_SECRET is not set; using a generated secret kept in ${file}`);
  const secret = randomBytes(32).toString('base64url');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** Where the generated session secret lives: beside (not inside) the PGlite data folder. */
export function secretFile(dataDir: string): string {
  return join(dirname(resolve(dataDir)), 'nextauth-secret');
}

/** Forgets the parsed environment (tests that change process.env). */
export function resetEnvForTests(): void {
  cached = null;
}
