import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Clock, Directory, Sealer, SealVerification } from '@gongwen/core';
import {
  certificatePem,
  createSealer,
  createUnitCa,
  describeCertificate,
  hashPin,
  issueSealCertificate,
  type SealLogEntry,
  type SealRecord,
  type SealService,
  savePkcs12,
  verifySealedPdf,
} from '@gongwen/seal';
import type { Kysely } from 'kysely';
import { getEnv } from '~/env';
import type { AppDatabase } from '~/server/db/schema';
import { writeAudit } from '~/server/services/audit/write-audit';

/**
 * The PIN of every seal the intranet creates for itself on first use (演示印章 PIN). A real
 * deployment replaces the seal files with its own (see `sealFiles`), whose PIN the
 * secretariat keeps.
 */
export const DEMO_SEAL_PIN = '246810';

/** The id of a unit's 公章 as the intranet registers it. */
export function sealIdOf(unitId: string): string {
  return `${unitId}-gongzhang`;
}

/** What is kept on disk for one unit's seal. */
interface SealMeta {
  sealId: string;
  unitId: string;
  unitName: string;
  pinHash: string;
  certificateSerial: string;
  createdAt: string;
}

/** The files of one unit's seal in the seal folder. */
export function sealFiles(dir: string, unitId: string) {
  const safe = /^[A-Za-z0-9_.-]+$/.test(unitId)
    ? unitId
    : createHash('sha256').update(unitId).digest('hex').slice(0, 32);
  const base = join(dir, safe);
  return {
    dir: base,
    /** The unit CA's PKCS#12 (password in `caPassword`). */
    caP12: join(base, 'ca.p12'),
    caPassword: join(base, 'ca-password'),
    /** The unit CA's certificate: the trust anchor verifiers are given. */
    caPem: join(base, 'ca.pem'),
    /** The seal's PKCS#12, password = the seal PIN. */
    sealP12: join(base, 'seal.p12'),
    sealPem: join(base, 'seal.pem'),
    meta: join(base, 'seal.json'),
  };
}

/** The folder of seal files the environment names: beside the database (`<data>/../seals`). */
export function sealDirFromEnv(): string {
  const env = getEnv();
  const anchor = env.GONGWEN_DATA_DIR.startsWith('memory://')
    ? resolve(env.GONGWEN_BLOB_DIR)
    : resolve(env.GONGWEN_DATA_DIR);
  return join(dirname(anchor), 'seals');
}

async function writeAtomic(path: string, data: Uint8Array | string, mode = 0o600): Promise<void> {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(/*turbopackIgnore: true*/ tmp, data, { mode });
  await rename(/*turbopackIgnore: true*/ tmp, path);
}

/**
 * A 统一社会信用代码-shaped code for the demo certificate, derived from the unit id (the
 * directory holds no credit codes). A deployment with real seals brings its own certificates.
 */
function derivedCreditCode(unitId: string): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const h = createHash('sha256').update(`gongwen:${unitId}`).digest();
  let code = '11';
  for (let i = 0; i < 16; i++) code += alphabet[h[i]! % alphabet.length];
  return code;
}

/**
 * Creates the unit's seal on disk if it is not there yet: a unit CA (RSA-2048, 10 years), a
 * seal certificate issued by it with the unit's Chinese name (5 years), the seal's PKCS#12
 * protected by DEMO_SEAL_PIN and its PIN hash. Existing files are never overwritten.
 */
async function ensureSealFiles(ports: SealerPorts, unitId: string): Promise<SealMeta> {
  const files = sealFiles(ports.dir, unitId);
  if (existsSync(/*turbopackIgnore: true*/ files.meta))
    return JSON.parse(await readFile(/*turbopackIgnore: true*/ files.meta, 'utf8')) as SealMeta;
  const unit = await ports.directory.getUnit(unitId);
  if (!unit) throw new Error(`unknown unit ${unitId}`);
  await mkdir(/*turbopackIgnore: true*/ files.dir, { recursive: true, mode: 0o700 });
  const now = ports.clock.now();
  const day = 86_400_000;
  const ca = createUnitCa({
    name: `${unit.name}电子印章管理中心`,
    organization: unit.name,
    notBefore: new Date(now.getTime() - day),
    notAfter: new Date(now.getTime() + 3650 * day),
  });
  const seal = issueSealCertificate(ca, {
    unitName: unit.name,
    creditCode: derivedCreditCode(unitId),
    notBefore: new Date(now.getTime() - day),
    notAfter: new Date(now.getTime() + 1825 * day),
  });
  const caPassword = randomBytes(24).toString('base64url');
  await writeAtomic(files.caPassword, `${caPassword}\n`);
  await writeAtomic(files.caP12, savePkcs12(ca, caPassword, `${unit.name}电子印章管理中心`));
  await writeAtomic(files.caPem, certificatePem(ca.certificate), 0o644);
  await writeAtomic(files.sealP12, savePkcs12(seal, DEMO_SEAL_PIN, `${unit.name}公章`));
  await writeAtomic(files.sealPem, certificatePem(seal.certificate), 0o644);
  const meta: SealMeta = {
    sealId: sealIdOf(unitId),
    unitId,
    unitName: unit.name,
    pinHash: hashPin(DEMO_SEAL_PIN),
    certificateSerial: describeCertificate(seal.certificate).serial,
    createdAt: now.toISOString(),
  };
  // the metadata is written last: a seal exists exactly when its seal.json does
  await writeAtomic(files.meta, JSON.stringify(meta, null, 2));
  return meta;
}

/** The trust anchors: the CA certificate of every unit seal in the folder. */
async function trustAnchors(dir: string): Promise<string[]> {
  if (!existsSync(/*turbopackIgnore: true*/ dir)) return [];
  const out: string[] = [];
  for (const entry of await readdir(/*turbopackIgnore: true*/ dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const pem = join(dir, entry.name, 'ca.pem');
    if (existsSync(/*turbopackIgnore: true*/ pem))
      out.push(await readFile(/*turbopackIgnore: true*/ pem, 'utf8'));
  }
  return out;
}

/** The intranet's `Sealer` with a way to make sure a unit's seal exists. */
export interface IntranetSealer extends Sealer {
  /** Creates the unit's seal files if missing (a unit CA and its seal certificate). */
  ensureUnitSeal(unitId: string): Promise<{ sealId: string; certificateSerial: string }>;
  /** The unit CA's certificate (PEM), creating the unit's seal first if missing. */
  unitCaPem(unitId: string): Promise<string>;
}

/** What the sealer runs on. */
export interface SealerPorts {
  /** The seal folder (`sealDirFromEnv()` in a deployment; tests use a temporary folder). */
  dir: string;
  directory: Directory;
  clock: Clock;
  /** Where 用印登记 is written (the audit log). */
  db: Kysely<AppDatabase>;
}

/**
 * The `Sealer` port over @gongwen/seal with each unit's seal kept on disk in the seal folder
 * (`ports.dir`), created on first use; the app builds one (so that the PIN lockout holds
 * across requests). The seal's holders (盖章权限) are the unit's active
 * secretaries, read from the directory on every use; the PIN is checked on every use and five
 * wrong PINs lock the seal until restart. Every attempt, sealed or refused, is written to the
 * audit log (用印登记). `verify` trusts the CA of every unit seal in the folder.
 */
export function createIntranetSealer(ports: SealerPorts): IntranetSealer {
  const { dir, directory, clock } = ports;
  const services = new Map<string, { service: SealService; record: SealRecord }>();
  const creating = new Map<string, Promise<SealMeta>>();

  const ensure = (unitId: string): Promise<SealMeta> => {
    let p = creating.get(unitId);
    if (!p) {
      p = ensureSealFiles(ports, unitId);
      creating.set(unitId, p);
      p.catch(() => creating.delete(unitId));
    }
    return p;
  };

  const log = async (entry: SealLogEntry) => {
    await writeAudit(ports.db, {
      unitId: entry.unitId,
      at: entry.at,
      actorId: entry.actorId,
      action: entry.outcome === 'sealed' ? 'outgoing.seal' : 'outgoing.sealRefused',
      target: entry.sealId,
      detail: {
        ...(entry.reason && { reason: entry.reason }),
        ...(entry.certificateSerial && { certificateSerial: entry.certificateSerial }),
        inputSha256: entry.inputSha256,
        ...(entry.outputSha256 && { outputSha256: entry.outputSha256 }),
      },
    });
  };

  async function serviceFor(unitId: string) {
    const meta = await ensure(unitId);
    const holders = (await directory.usersWithRole(unitId, 'secretary'))
      .filter((u) => u.active)
      .map((u) => u.id);
    let entry = services.get(unitId);
    if (!entry) {
      const files = sealFiles(dir, unitId);
      const record: SealRecord = {
        sealId: meta.sealId,
        unitId,
        holders: [],
        pinHash: meta.pinHash,
        pkcs12: new Uint8Array(await readFile(/*turbopackIgnore: true*/ files.sealP12)),
      };
      const service = createSealer({
        seals: [record],
        trustAnchors: [await readFile(/*turbopackIgnore: true*/ files.caPem, 'utf8')],
        clock,
        log,
      });
      entry = { service, record };
      services.set(unitId, entry);
    }
    // the directory decides who holds the seal now; the record is the sealer's own object
    entry.record.holders.splice(0, entry.record.holders.length, ...holders);
    return entry.service;
  }

  return {
    async ensureUnitSeal(unitId) {
      const meta = await ensure(unitId);
      return { sealId: meta.sealId, certificateSerial: meta.certificateSerial };
    },
    async unitCaPem(unitId) {
      await ensure(unitId);
      return readFile(/*turbopackIgnore: true*/ sealFiles(dir, unitId).caPem, 'utf8');
    },
    async seal(req) {
      return (await serviceFor(req.unitId)).seal(req);
    },
    async verify(pdf): Promise<SealVerification[]> {
      const reports = await verifySealedPdf(pdf, {
        trustAnchors: await trustAnchors(dir),
        at: clock.now(),
      });
      return reports.map(({ fieldName: _f, byteRange: _b, ...v }) => v);
    },
  };
}
