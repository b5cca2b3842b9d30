import { describe } from 'vitest';
import type { CaseLists } from '../ports/case-lists.ts';
import type { Store } from '../ports/store.ts';
import { describeCasesList } from './case-lists-cases-conformance.ts';
import { describeDoneList } from './case-lists-done-conformance.ts';
import { listsFixture } from './case-lists-fixture.ts';
import { describeInboxList } from './case-lists-inbox-conformance.ts';

/** Options of the case lists conformance suite. */
export interface CaseListsConformanceOptions {
  /** Per-test timeout in ms (embedded databases boot slowly). */
  timeout?: number;
}

/**
 * The behaviour every `CaseLists` (list pages: 待办, 已办, the registers of one workflow) must
 * show: filters on the case and its header fields, periods, overdue, text search on the title
 * and 文号, order with ties by id, keyset pagination that stays stable while cases are added,
 * counts, and the access predicate — a case the actor may not see never appears, not even in a
 * count; 催办 folded into the task it reminds of; the ledgers and tasks of a page in one read.
 * `make` returns the store to write the cases through and the lists reading it; each run uses
 * units of its own, so the store may be shared with other suites.
 */
export function describeCaseListsConformance(
  name: string,
  make: () => Promise<{ store: Store; lists: CaseLists }>,
  options: CaseListsConformanceOptions = {},
): void {
  describe(`CaseLists conformance: ${name}`, { timeout: options.timeout ?? 30_000 }, () => {
    const fx = listsFixture(make, options.timeout ?? 60_000);
    describeCasesList(fx);
    describeInboxList(fx);
    describeDoneList(fx);
  });
}
