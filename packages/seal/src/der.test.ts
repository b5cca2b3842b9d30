import { describe, expect, it } from 'vitest';
import {
  DerError,
  decodeOid,
  decodeTime,
  integer,
  integerHex,
  oid,
  parseDer,
  readNode,
  seq,
  time,
} from './der.ts';

describe('DER', () => {
  it('round-trips OIDs, integers and times', () => {
    for (const o of ['1.2.840.113549.1.7.2', '2.16.840.1.101.3.4.2.1', '1.2.156.10197.1.401']) {
      expect(decodeOid(parseDer(oid(o)))).toBe(o);
    }
    expect(integerHex(parseDer(integer('80ff')))).toBe('80FF');
    expect(Buffer.from(integer('80ff')).toString('hex')).toBe('02030080ff');
    for (const d of [new Date('2026-11-25T08:00:00Z'), new Date('2051-01-01T00:00:00Z')]) {
      expect(decodeTime(parseDer(time(d)))).toEqual(d);
    }
  });

  it('encodes long lengths', () => {
    const big = seq(new Uint8Array(300).fill(0x05));
    expect([...big.subarray(0, 4)]).toEqual([0x30, 0x82, 0x01, 0x2c]);
    expect(parseDer(big).content.length).toBe(300);
  });

  it('rejects truncated and oversized input with DerError', () => {
    expect(() => readNode(Uint8Array.of(0x30))).toThrow(DerError);
    expect(() => readNode(Uint8Array.of(0x30, 0x05, 0x01))).toThrow(DerError);
    expect(() => readNode(Uint8Array.of(0x30, 0x89, 1, 1, 1, 1, 1, 1, 1, 1, 1))).toThrow(DerError);
    expect(() => parseDer(Uint8Array.of(0x05, 0x00, 0x00))).toThrow(DerError);
  });
});
