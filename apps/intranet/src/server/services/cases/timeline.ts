import { type LedgerRecord, TIMER_ACTOR } from '@gongwen/core';
import type { Handwriting } from '~/lib/schemas/handwriting';
import type { AppServices } from '~/server/app-types';
import { loadHandwriting } from './handwriting';
import type { CaseAccess } from './load-case';
import type { Names } from './names';

/** One step of a case's flow timeline, as every case page shows it. */
export interface TimelineStep {
  seq: number;
  at: Date;
  event: string;
  label: string;
  /** Who acted (the deputy under delegation), or 系统 for timers. */
  actorName: string;
  /** The principal a deputy acted for (代理), or null. */
  onBehalfOfName: string | null;
  opinion: string | null;
  /** One readable line of what the step decided, beyond its opinion. */
  detail: string;
  fromState: string | null;
  toState: string;
  handwriting: Handwriting | null;
  /** Taken back by a later 撤回. */
  withdrawn: boolean;
}

/** How one workflow names and describes its ledger entries; `extra` adds fields of its own. */
export interface TimelineSpec<N extends Names, X extends object> {
  stateLabels: Readonly<Record<string, string>>;
  eventLabels: Readonly<Record<string, string>>;
  describe(e: LedgerRecord, names: N): string;
  extra(e: LedgerRecord, names: N): X;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * Sequence numbers of entries taken back by a later 撤回: each WITHDRAW undoes the sender's
 * (principal's) latest earlier step in the same department, as the machines do.
 */
export function withdrawnSeqs(ledger: readonly LedgerRecord[]): Set<number> {
  const out = new Set<number>();
  for (const [i, w] of ledger.entries()) {
    if (w.event !== 'WITHDRAW') continue;
    const by = w.onBehalfOf ?? w.actorId;
    const dept = str(w.fields.departmentId);
    for (let j = i - 1; j >= 0; j--) {
      const e = ledger[j]!;
      if (out.has(e.seq) || e.event === 'WITHDRAW' || (e.onBehalfOf ?? e.actorId) !== by) continue;
      if (
        dept !== null &&
        str(e.fields.departmentId) !== null &&
        str(e.fields.departmentId) !== dept
      )
        continue;
      out.add(e.seq);
      break;
    }
  }
  return out;
}

/** The visible ledger of `access` as timeline steps (with handwriting and what was withdrawn). */
export async function timelineSteps<N extends Names, X extends object>(
  app: AppServices,
  access: Pick<CaseAccess, 'caseRecord' | 'ledger' | 'fullLedger'>,
  names: N,
  spec: TimelineSpec<N, X>,
): Promise<Array<TimelineStep & X>> {
  const withdrawn = withdrawnSeqs(access.fullLedger);
  const handwriting = await loadHandwriting(
    app,
    access.caseRecord.id,
    access.ledger.map((e) => e.seq),
  );
  const state = (s: string | null) => (s ? (spec.stateLabels[s] ?? s) : null);
  return access.ledger.map((e) => ({
    seq: e.seq,
    at: e.at,
    event: e.event,
    label: spec.eventLabels[e.event] ?? e.event,
    actorName: e.actorId === TIMER_ACTOR ? '系统' : names.user(e.actorId),
    onBehalfOfName: e.onBehalfOf ? names.user(e.onBehalfOf) : null,
    opinion: e.opinion,
    detail: spec.describe(e, names),
    fromState: state(e.fromState),
    toState: state(e.toState) ?? e.toState,
    handwriting: handwriting.get(e.seq) ?? null,
    withdrawn: withdrawn.has(e.seq),
    ...spec.extra(e, names),
  }));
}

/** One line of a 流程统计, with the people named. */
interface FlowLine {
  node: string;
  definedHandlers: string[];
  actualHandler: string | null;
  onBehalfOf: string | null;
  arrivedAt: Date;
  openedAt: Date | null;
  doneAt: Date | null;
  dueAt: Date | null;
  overdue: boolean;
}

/** A 流程统计 (who should handle each step, who did, when) with ids shown as names. */
export function namedFlowStatistics(lines: readonly FlowLine[], names: Names): FlowLine[] {
  return lines.map((l) => ({
    node: l.node,
    definedHandlers: l.definedHandlers.map(names.user),
    actualHandler: l.actualHandler ? names.user(l.actualHandler) : null,
    onBehalfOf: l.onBehalfOf ? names.user(l.onBehalfOf) : null,
    arrivedAt: l.arrivedAt,
    openedAt: l.openedAt,
    doneAt: l.doneAt,
    dueAt: l.dueAt,
    overdue: l.overdue,
  }));
}

/** The ledger as a page lists it when it names the people itself (会议, 报告). */
export function ledgerLines(ledger: readonly LedgerRecord[]) {
  return ledger.map((e) => ({
    seq: e.seq,
    at: e.at,
    actorId: e.actorId,
    onBehalfOf: e.onBehalfOf,
    event: e.event,
    opinion: e.opinion,
  }));
}
