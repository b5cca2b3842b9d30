import { describe, expect, it } from 'vitest';
import type { LedgerRecord } from '../ports/store.ts';
import { canonicalJson } from '../util/canonical-json.ts';
import { buildLedgerRecord, GENESIS_HASH, verifyLedgerChain } from './chain.ts';

function chain(length: number): LedgerRecord[] {
  const out: LedgerRecord[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq++) {
    const r = buildLedgerRecord({
      caseId: 'c1',
      seq,
      unitId: 'demo',
      at: new Date(Date.UTC(2026, 10, 25, 1, seq)),
      actorId: `u${seq}`,
      onBehalfOf: seq === 2 ? 'leader' : null,
      event: seq === 1 ? 'start' : 'APPROVE',
      fromState: seq === 1 ? null : 'reviewing',
      toState: 'reviewing',
      opinion: seq === 1 ? null : `意见${seq}`,
      fields: { b: [1, { z: 1, a: 2 }], a: '字段' },
      prevHash: prev,
    });
    out.push(r);
    prev = r.hash;
  }
  return out;
}

const head = (records: LedgerRecord[]) => ({
  id: 'c1',
  ledgerSeq: records.length,
  ledgerHead: records.at(-1)!.hash,
});

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { y: 1, x: undefined }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"y":1}]},"b":1}',
    );
    expect(canonicalJson({ at: new Date('2026-11-25T00:00:00Z') })).toBe(
      '{"at":"2026-11-25T00:00:00.000Z"}',
    );
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
  });
});

describe('verifyLedgerChain', () => {
  it('accepts an untouched chain', () => {
    const records = chain(4);
    expect(verifyLedgerChain(head(records), records)).toEqual({
      ok: true,
      entries: 4,
      problems: [],
    });
  });

  it('does not depend on key order in stored fields (jsonb reorders keys)', () => {
    const records = chain(2).map((r) => ({ ...r, fields: { a: r.fields.a, b: r.fields.b } }));
    expect(verifyLedgerChain(head(records), records).ok).toBe(true);
  });

  it('catches an edited column, an edited entry, a gap, a reorder and a cut tail', () => {
    const edited = chain(3);
    edited[1] = { ...edited[1]!, opinion: '改过的意见' };
    expect(verifyLedgerChain(head(chain(3)), edited).problems.map((p) => p.seq)).toEqual([2]);

    const rehashedEntry = chain(3);
    rehashedEntry[1] = {
      ...rehashedEntry[1]!,
      entry: rehashedEntry[1]!.entry.replace('意见2', '改过'),
    };
    expect(verifyLedgerChain(head(chain(3)), rehashedEntry).ok).toBe(false);

    const gap = chain(3);
    gap.splice(1, 1);
    expect(verifyLedgerChain(head(chain(3)), gap).ok).toBe(false);

    const swapped = chain(3);
    [swapped[1], swapped[2]] = [swapped[2]!, swapped[1]!];
    expect(verifyLedgerChain(head(chain(3)), swapped).ok).toBe(false);

    const full = chain(3);
    expect(verifyLedgerChain(head(full), full.slice(0, 2)).problems).toEqual([
      { seq: null, problem: '台帐末尾与办件记录的链头不符（有记录被删除或追加）' },
    ]);
  });

  it('catches an entry forged with a valid hash but a broken link', () => {
    const records = chain(3);
    const forged = buildLedgerRecord({ ...records[1]!, opinion: '伪造', prevHash: GENESIS_HASH });
    records[1] = forged;
    const problems = verifyLedgerChain(head(chain(3)), records).problems;
    expect(problems).toContainEqual({ seq: 2, problem: '与前一条记录的链接不符' });
  });
});
