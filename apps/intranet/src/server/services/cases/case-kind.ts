import type { CaseRecord, LedgerRecord, TaskRecord } from '@gongwen/core';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';

/** What the workflow's visibility rule lets one user see of a case. */
export interface VisibleCase<Ctx> {
  /** `all` for those who see the whole flow; `downward` for everyone else with a part. */
  scope: 'all' | 'downward';
  /** The ledger entries and tasks the user may see. */
  ledger: LedgerRecord[];
  tasks: TaskRecord[];
  /** The case's context as the user may see it. */
  ctx: Ctx;
}

/** What a visibility rule decides from. */
export interface VisibilityInput {
  app: AppServices;
  user: SessionUser;
  caseRecord: CaseRecord;
  ledger: LedgerRecord[];
  tasks: TaskRecord[];
  /** The principals the user deputises for in this workflow now (代理). */
  principals: string[];
}

/**
 * One workflow as the shared case path needs it: its registry name, its refusals and its
 * visibility rule (null: the user has no part in the case). Everything else of the case path —
 * loading, refusing, the timeline, sending — is shared (`services/cases/`).
 */
export interface CaseKind<Ctx = unknown> {
  workflow: string;
  /** NotFound for an unknown case, another unit's or another workflow's: 收文不存在或已被删除. */
  notFound: string;
  /** NotPermitted for a user with no part: 无权访问：您与该收文无关，不能查看. */
  noPart: string;
  visibility(input: VisibilityInput): Promise<VisibleCase<Ctx> | null>;
}

/** The machine context of a case. */
export function contextOf<Ctx>(c: Pick<CaseRecord, 'snapshot'>): Ctx {
  return (c.snapshot as { context: Ctx }).context;
}

/** A case kind's refusals, from its Chinese name: 收文 → 收文不存在或已被删除 / 您与该收文无关. */
export function refusalsOf(noun: string): Pick<CaseKind, 'notFound' | 'noPart'> {
  return { notFound: `${noun}不存在或已被删除`, noPart: `无权访问：您与该${noun}无关，不能查看` };
}
