import type { CaseRecord, Store } from '../../ports/store.ts';
import type { DocNumberUse } from './context.ts';
import { OUTGOING_WORKFLOW } from './definition.ts';
import { docNumberScope } from './doc-numbers.ts';

/** One 文号 of a 机关代字 and year: which case took it, and whether it was voided (作废). */
export interface DocNumberHistoryEntry extends DocNumberUse {
  caseId: string;
  caseTitle: string;
  status: 'inUse' | 'voided';
}

/** The usage history of one 文号 sequence. */
export interface DocNumberHistory {
  scope: string;
  /** The last number the sequence gave out (the engine's counter). */
  lastSerial: number;
  /** Every number taken, in order; a number appears exactly once. */
  entries: DocNumberHistoryEntry[];
  /** Numbers the counter gave out that no case records (must be empty: numbering is gapless). */
  missing: number[];
}

/**
 * 文号使用记录 of one 机关代字 and year: which number went to which case, which were voided,
 * why, when and by whom. Derived from the case rows: every allocation is written on its
 * case's header (`fields.docNumbers`) in the very transaction that takes the number from the
 * gapless sequence, so the headers hold each number exactly once; `missing` cross-checks
 * them with the sequence counter. Reads the unit's 发文 cases created up to the end of the
 * year (a case is numbered after it was drafted), 200 at a time.
 */
export async function outgoingDocNumberHistory(args: {
  store: Store;
  unitId: string;
  issuerCode: string;
  year: number;
}): Promise<DocNumberHistory> {
  const { store, unitId } = args;
  const scope = docNumberScope(args.issuerCode, args.year);
  // numbers of year Y are taken before the end of Y in any time zone up to UTC+14
  const createdTo = new Date(Date.UTC(args.year + 1, 0, 1, 12));
  const entries: DocNumberHistoryEntry[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await store.listCases({
      unitId,
      workflow: OUTGOING_WORKFLOW,
      createdTo,
      limit: 200,
      offset,
    });
    for (const c of page.items) entries.push(...usesOf(c, scope));
    if (page.items.length < 200) break;
  }
  entries.sort((a, b) => a.serial - b.serial);
  const lastSerial = await store.currentSerial(unitId, scope);
  const seen = new Set(entries.map((e) => e.serial));
  const missing: number[] = [];
  for (let n = 1; n <= lastSerial; n++) if (!seen.has(n)) missing.push(n);
  return { scope, lastSerial, entries, missing };
}

function usesOf(c: CaseRecord, scope: string): DocNumberHistoryEntry[] {
  const uses = Array.isArray(c.fields.docNumbers) ? (c.fields.docNumbers as DocNumberUse[]) : [];
  return uses
    .filter((u) => u.scope === scope)
    .map((u) => ({
      ...u,
      caseId: c.id,
      caseTitle: c.title,
      status: u.voidedAt === null ? 'inUse' : 'voided',
    }));
}
