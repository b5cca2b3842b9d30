import { NotPermitted, type Sealer } from '@gongwen/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CertifiedKey } from './certificates.ts';
import { hashPin } from './pin.ts';
import { savePkcs12 } from './pkcs12.ts';
import { createSealer, type SealLogEntry, type SealRecord } from './sealer.ts';
import type { SealSigner } from './signer.ts';
import { softwareSigner } from './signer.ts';
import { makeCa, makePdf, makeUnit, NOW, pdfsig, pdfsigBlocks } from './test-helpers.ts';

let ca: CertifiedKey;
let unit: CertifiedKey;
let pdf: Uint8Array;
const placement = { page: 1, x: 420, y: 200 };

beforeAll(async () => {
  ca = makeCa();
  unit = makeUnit(ca);
  pdf = await makePdf();
});

function setup(records: (base: Omit<SealRecord, 'pkcs12'>) => SealRecord[]) {
  const log: SealLogEntry[] = [];
  const base = {
    sealId: 'haidian-gongzhang',
    unitId: 'haidian',
    holders: ['zhang-san'],
    pinHash: hashPin('246810'),
  };
  const sealer = createSealer({
    seals: records(base),
    trustAnchors: [ca.certificate],
    clock: { now: () => NOW },
    log: (e) => {
      log.push(e);
    },
  });
  return { sealer, log };
}

const request = (over: Partial<Parameters<Sealer['seal']>[0]> = {}) => ({
  unitId: 'haidian',
  sealId: 'haidian-gongzhang',
  actorId: 'zhang-san',
  pdf,
  placement,
  pin: '246810',
  ...over,
});

describe('createSealer', () => {
  it('seals for a holder with the right PIN, logs it, and verifies through the port', async () => {
    const { sealer, log } = setup((b) => [{ ...b, pkcs12: savePkcs12(unit, '246810') }]);
    const result = await sealer.seal(request({ reason: '同意印发' }));
    expect(result.signerName).toBe('北京市海淀区人民政府办公室');
    expect(result.sealedAt).toEqual(NOW);
    expect(result.certificateSerial).toMatch(/^[0-9A-F]+$/);
    const [v] = await sealer.verify(result.pdf);
    expect(v).toMatchObject({ valid: true, certificateSerial: result.certificateSerial });
    expect(v).not.toHaveProperty('fieldName');
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ outcome: 'sealed', actorId: 'zhang-san', at: NOW });
    expect(pdfsigBlocks(pdfsig(result.pdf, ca))[0]).toContain('Signature is Valid.');
  });

  it('refuses non-holders, wrong units and wrong PINs with NotPermitted, and logs each', async () => {
    const { sealer, log } = setup((b) => [{ ...b, pkcs12: savePkcs12(unit, '246810') }]);
    await expect(sealer.seal(request({ actorId: 'li-si' }))).rejects.toBeInstanceOf(NotPermitted);
    await expect(sealer.seal(request({ unitId: 'other' }))).rejects.toBeInstanceOf(NotPermitted);
    await expect(sealer.seal(request({ sealId: 'nope' }))).rejects.toBeInstanceOf(NotPermitted);
    await expect(sealer.seal(request({ pin: '000000' }))).rejects.toThrow('PIN 不正确');
    expect(log.map((e) => e.outcome)).toEqual(['refused', 'refused', 'refused', 'refused']);
    expect(log.every((e) => e.inputSha256.length === 64)).toBe(true);
  });

  it('locks a seal after repeated wrong PINs', async () => {
    const { sealer } = setup((b) => [{ ...b, pkcs12: savePkcs12(unit, '246810') }]);
    for (let i = 0; i < 5; i++) {
      await expect(sealer.seal(request({ pin: `bad${i}` }))).rejects.toBeInstanceOf(NotPermitted);
    }
    await expect(sealer.seal(request())).rejects.toThrow('已锁定');
  });

  it('accepts the holder’s own PKCS#12 (U盘) only when it holds the registered certificate', async () => {
    const { sealer } = setup((b) => [{ ...b, certificate: unit.certificate }]);
    await expect(sealer.seal(request())).rejects.toThrow('没有可用的密钥');
    const result = await sealer.seal(request({ pkcs12: savePkcs12(unit, '246810') }));
    expect((await sealer.verify(result.pdf))[0]?.valid).toBe(true);
    const stranger = makeUnit(ca, '别的单位', '91110000000000000A');
    await expect(sealer.seal(request({ pkcs12: savePkcs12(stranger, '246810') }))).rejects.toThrow(
      '不符',
    );
    await expect(
      sealer.seal(request({ pkcs12: savePkcs12(unit, 'another-pass') })),
    ).rejects.toThrow('无法用该 PIN 打开');
  });

  it('uses an injected SealSigner (a stand-in for a UKey/HSM)', async () => {
    const calls: number[] = [];
    const software = softwareSigner(unit);
    const hardware: SealSigner = {
      ...software,
      async sign(toBeSigned) {
        calls.push(toBeSigned.length);
        return software.sign(toBeSigned);
      },
    };
    const { sealer } = setup((b) => [{ ...b, signer: hardware, certificate: unit.certificate }]);
    const result = await sealer.seal(request());
    expect(calls).toHaveLength(1);
    expect((await sealer.verify(result.pdf))[0]?.valid).toBe(true);
  });

  it('never throws from verify on garbage', async () => {
    const { sealer } = setup((b) => [b as SealRecord]);
    const [v] = await sealer.verify(new Uint8Array([1, 2, 3]));
    expect(v?.valid).toBe(false);
  });
});
