import type { Directory } from '../directory/directory.ts';
import type { CaseRecord, LedgerRecord, TaskRecord } from '../ports/store.ts';

/** What one viewer may see of a case: how much, which ledger entries and which tasks. */
export interface CaseVisibility {
  /** `all`: everything; `downward`: the listed entries and tasks only; `none`: nothing. */
  scope: 'all' | 'downward' | 'none';
  ledger: LedgerRecord[];
  tasks: TaskRecord[];
  /**
   * The machine context as the viewer may see it (e.g. opinions of steps they may not see
   * removed), when the rule redacts it; absent when the context is shown as it is.
   */
  context?: unknown;
}

/** What a visibility rule is given: the viewer, whom they deputise for, and the whole case. */
export interface VisibilityArgs {
  viewerId: string;
  /** The principals the viewer deputises for in this workflow now (代理), from one delegation read. */
  actingFor: readonly string[];
  caseRecord: CaseRecord;
  /** The whole ledger, in order. */
  ledger: readonly LedgerRecord[];
  /** Every task of the case, open and closed. */
  tasks: readonly TaskRecord[];
  directory: Directory;
}

/**
 * A workflow's rule of who sees what of a case (`WorkflowDefinition.visibility`). The engine
 * calls it for `engine.view`; without one, every user of the case's unit sees all of it.
 */
export type VisibilityRule = (args: VisibilityArgs) => Promise<CaseVisibility>;

/** Everything of the case. */
export function seeAll(args: Pick<VisibilityArgs, 'ledger' | 'tasks'>): CaseVisibility {
  return { scope: 'all', ledger: [...args.ledger], tasks: [...args.tasks] };
}

/** Nothing of the case. */
export function seeNothing(): CaseVisibility {
  return { scope: 'none', ledger: [], tasks: [] };
}

/**
 * A rule applied for the viewer and for every principal they deputise for, united: all when
 * any of them sees all, nothing when none sees anything, else the union of what they see.
 */
export function forViewerAndPrincipals(
  rule: (args: VisibilityArgs) => Promise<CaseVisibility>,
): VisibilityRule {
  return async (args) => {
    const views = await Promise.all(
      [args.viewerId, ...args.actingFor].map((viewerId) =>
        rule({ ...args, viewerId, actingFor: [] }),
      ),
    );
    if (views.some((v) => v.scope === 'all')) return seeAll(args);
    if (views.every((v) => v.scope === 'none')) return seeNothing();
    const seqs = new Set(views.flatMap((v) => v.ledger.map((e) => e.seq)));
    const taskIds = new Set(views.flatMap((v) => v.tasks.map((t) => t.id)));
    return {
      scope: 'downward',
      ledger: args.ledger.filter((e) => seqs.has(e.seq)),
      tasks: args.tasks.filter((t) => taskIds.has(t.id)),
    };
  };
}
