import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock, Unit } from '@gongwen/core';
import {
  certificatePem,
  createSealer,
  createUnitCa,
  hashPin,
  issueSealCertificate,
  type SealLogEntry,
  type SealService,
  savePkcs12,
} from '@gongwen/seal';

const DAY = 86_400_000;
const YEAR = 365 * DAY;

/** The unit's electronic seal (电子公章), ready to use through the `Sealer` port. */
export interface UnitSeal {
  sealer: SealService;
  sealId: string;
  pin: string;
  /** The CA certificate verifiers trust (PEM). */
  caPem: string;
  /** Where the CA certificate and the seal's PKCS#12 are kept. */
  dir: string;
  /** True when this call issued a new CA and certificate (false: loaded from `dir`). */
  issued: boolean;
  /** 用印登记: every sealing attempt. */
  log: SealLogEntry[];
}

/**
 * Gives the unit an electronic seal: a unit CA (as a provincial seal management centre would
 * run) and a seal certificate with a PKCS#12 protected by the PIN, written to `dir` the first
 * time and loaded from there afterwards. The sealer keeps the PKCS#12 on the server and lets
 * only `holders` use it, with the PIN.
 */
export async function prepareUnitSeal(args: {
  dir: string;
  unit: Unit;
  /** 统一社会信用代码 of the unit. */
  creditCode: string;
  holders: string[];
  pin: string;
  clock: Clock;
}): Promise<UnitSeal> {
  const { dir, unit, pin, clock } = args;
  const caPath = join(dir, 'ca.pem');
  const p12Path = join(dir, `${unit.id}-seal.p12`);
  let caPem: string;
  let p12: Uint8Array;
  let issued = false;
  try {
    caPem = await readFile(caPath, 'utf8');
    p12 = new Uint8Array(await readFile(p12Path));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    const now = clock.now().getTime();
    const ca = createUnitCa({
      name: '示例省电子印章管理中心',
      notBefore: new Date(now - DAY),
      notAfter: new Date(now + 10 * YEAR),
    });
    const certificate = issueSealCertificate(ca, {
      unitName: unit.name,
      creditCode: args.creditCode,
      notBefore: new Date(now - DAY),
      notAfter: new Date(now + 5 * YEAR),
    });
    caPem = certificatePem(ca.certificate);
    p12 = savePkcs12(certificate, pin);
    await mkdir(dir, { recursive: true });
    await writeFile(caPath, caPem);
    await writeFile(p12Path, p12, { mode: 0o600 });
    issued = true;
  }
  const sealId = `${unit.id}-gongzhang`;
  const log: SealLogEntry[] = [];
  const sealer = createSealer({
    seals: [{ sealId, unitId: unit.id, holders: args.holders, pinHash: hashPin(pin), pkcs12: p12 }],
    trustAnchors: [caPem],
    clock,
    log: (entry) => {
      log.push(entry);
    },
  });
  return { sealer, sealId, pin, caPem, dir, issued, log };
}
