import { type LedgerRecord, OUTGOING_STATE_LABELS, outgoingFlowStatistics } from '@gongwen/core';
import { OUTGOING_EVENT_LABELS } from '~/lib/schemas/outgoing';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import {
  namedFlowStatistics,
  type TimelineSpec,
  type TimelineStep,
  timelineSteps,
} from '~/server/services/cases/timeline';
import { loadOutgoingAccess, type OutgoingAccess } from './access';
import { loadOutgoingNames, type OutgoingNames } from './names';

/** One step of the 发文 flow timeline, with the 会签 department of the step, if any. */
export type OutgoingTimelineStep = TimelineStep & { department: string | null };

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

function describePlan(plan: unknown, names: OutgoingNames): string | null {
  if (typeof plan !== 'object' || plan === null) return null;
  const p = plan as { mode?: unknown; departments?: unknown };
  const ds = Array.isArray(p.departments)
    ? (p.departments as Array<{ departmentId?: unknown }>).map((d) =>
        names.department(str(d.departmentId)),
      )
    : [];
  if (ds.length === 0) return '不需会签';
  return `会签（${p.mode === 'sequence' ? '依次' : '同时'}）：${ds.join('、')}`;
}

/** One readable line of what a 发文 ledger entry decided, beyond its opinion. */
export function describeOutgoingEntry(e: LedgerRecord, names: OutgoingNames): string {
  const f = e.fields;
  const dept = str(f.departmentId) ? names.department(str(f.departmentId)) : null;
  const parts: Array<string | null> = [];
  switch (e.event) {
    case 'start':
      parts.push(
        str(f.draftingDepartment)
          ? `拟稿单位：${names.department(str(f.draftingDepartment))}`
          : null,
        str(f.docType) ? `文种：${f.docType}` : null,
      );
      break;
    case 'EDIT':
      parts.push(f.header ? '修改正文和稿头' : '修改正文');
      break;
    case 'SUBMIT':
      parts.push(str(f.checker) ? `核稿人：${names.user(str(f.checker))}` : '核稿人：直接上级');
      break;
    case 'CHECK':
      parts.push(
        describePlan(f.countersign, names),
        str(f.signer) ? `签发人：${names.user(str(f.signer))}` : null,
        str(f.rechecker) ? `复核人：${names.user(str(f.rechecker))}` : null,
        f.body ? '修改了正文' : null,
      );
      break;
    case 'ASSIGN_MEMBER':
      parts.push(dept, str(f.memberId) ? `会签人：${names.user(str(f.memberId))}` : null);
      break;
    case 'COUNTERSIGN':
      parts.push(dept, f.agree === false ? '不同意' : '同意', f.body ? '提出修改稿' : null);
      break;
    case 'COUNTERSIGN_AGAIN':
      parts.push(f.countersign ? describePlan(f.countersign, names) : '按原会签部门再次会签');
      break;
    case 'RECHECK':
    case 'RETURN_FOR_REVISION':
      parts.push(f.body ? '修改了正文' : null);
      break;
    case 'SIGN':
      parts.push(str(f.docNumber) ? `文号：${f.docNumber}` : null, f.body ? '修改了正文' : null);
      break;
    case 'FINALIZE':
      parts.push(
        f.mode === 'manual' ? '手工清稿' : '自动清稿',
        str(f.docNumber) ? `文号：${f.docNumber}` : null,
      );
      break;
    case 'VOID_DOC_NUMBER':
      parts.push(str(f.docNumber) ? `新文号：${f.docNumber}` : '文号已作废');
      break;
    case 'SEAL':
      parts.push(
        str(f.docNumber) ? `文号：${f.docNumber}` : null,
        str(f.signerName) ? `印章：${f.signerName}` : null,
      );
      break;
    case 'DISTRIBUTE':
      parts.push(Array.isArray(f.deliveries) ? `分发至 ${f.deliveries.length} 个单位` : null);
      break;
    case 'RECORD_RECEIPT':
      parts.push(str(f.receivedBy) ? `签收人：${f.receivedBy}` : null);
      break;
    case 'ARCHIVE':
      parts.push(str(f.archiveCode) ? `档号：${f.archiveCode}` : null);
      break;
    case 'WITHDRAW':
      parts.push(dept);
      break;
    case '$reassign':
      parts.push(
        `改派给：${(Array.isArray(f.to) ? (f.to as string[]) : []).map(names.user).join('、')}`,
      );
      break;
  }
  return parts.filter(Boolean).join('；');
}

/** How 发文 names and describes its ledger entries. */
const OUTGOING_TIMELINE: TimelineSpec<OutgoingNames, { department: string | null }> = {
  stateLabels: OUTGOING_STATE_LABELS,
  eventLabels: OUTGOING_EVENT_LABELS,
  describe: describeOutgoingEntry,
  extra: (e, names) => ({
    department: str(e.fields.departmentId) ? names.department(str(e.fields.departmentId)) : null,
  }),
};

/** The visible ledger of `access` as timeline steps (with handwriting). */
export function outgoingTimelineSteps(
  app: AppServices,
  access: OutgoingAccess,
  names: OutgoingNames,
): Promise<OutgoingTimelineStep[]> {
  return timelineSteps(app, access, names, OUTGOING_TIMELINE);
}

/**
 * The flow as `user` may see it (only downward for ordinary users; everything for leaders,
 * the office director and the secretariat), with the 流程统计 of the visible tasks.
 */
export async function getOutgoingTimeline(app: AppServices, user: SessionUser, caseId: string) {
  const access = await loadOutgoingAccess(app, user, caseId);
  const names = await loadOutgoingNames(app, access.caseRecord.unitId);
  const steps = await outgoingTimelineSteps(app, access, names);
  const statistics = namedFlowStatistics(
    outgoingFlowStatistics(access.tasks, app.clock.now()),
    names,
  );
  return { scope: access.scope, steps, statistics };
}
