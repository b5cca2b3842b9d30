import { describe, expect, it } from 'vitest';
import {
  INCOMING_LEDGER_COLUMNS,
  OUTGOING_LEDGER_COLUMNS,
  visibleLedgerColumns,
} from './ledger-columns';

const keys = (cs: Array<{ key: string }>) => cs.map((c) => c.key);

describe('visibleLedgerColumns', () => {
  it('puts the pinned columns (编号, 标题) first, then the rest in ledger order', () => {
    const shown = visibleLedgerColumns('incoming');
    expect(keys(shown).slice(0, 2)).toEqual(['serialNo', 'title']);
    expect(shown).toHaveLength(INCOMING_LEDGER_COLUMNS.length);
    expect(keys(shown).slice(2)).toEqual(
      keys(INCOMING_LEDGER_COLUMNS.filter((c) => c.key !== 'serialNo' && c.key !== 'title')),
    );
    expect(keys(visibleLedgerColumns('outgoing')).slice(0, 2)).toEqual(['docNumber', 'title']);
    expect(visibleLedgerColumns('outgoing')).toHaveLength(OUTGOING_LEDGER_COLUMNS.length);
  });

  it('leaves out hidden columns but never a pinned one, ignoring unknown keys', () => {
    expect(keys(visibleLedgerColumns('incoming', ['proposal', 'review', 'title', 'nope']))).toEqual(
      keys([
        INCOMING_LEDGER_COLUMNS.find((c) => c.key === 'serialNo')!,
        INCOMING_LEDGER_COLUMNS.find((c) => c.key === 'title')!,
        ...INCOMING_LEDGER_COLUMNS.filter(
          (c) => !['serialNo', 'title', 'proposal', 'review'].includes(c.key),
        ),
      ]),
    );
  });
});
