import {
  type CountersignDepartment,
  currentDocNumber,
  NotFound,
  type OpinionRecord,
  OUTGOING_STATE_LABELS,
  type OutgoingContext,
} from '@gongwen/core';
import { OUTGOING_EVENTS } from '@gongwen/core/events';
import type { OutgoingEventType } from '~/lib/schemas/outgoing';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { type ActionsSpec, caseActions } from '~/server/services/cases/case-actions';
import { currentSteps, openCaseTasks } from '~/server/services/cases/current-steps';
import { loadOutgoingAccess, OUTGOING_CASE } from './access';
import { loadOutgoingNames, type OutgoingNames } from './names';

/** The 会签 department a task key belongs to (`countersign:<round>:<dept>:<step>:<stage>`). */
export function departmentOfCountersignTask(key: string): string | null {
  const base = key.replace(/^remind:\d+:/, '');
  const m = /^countersign:\d+:(.+):\d+:(head|member|review)$/.exec(base);
  return m ? m[1]! : null;
}

/**
 * How 发文 offers its actions: 盖章 and 分发 have procedures of their own; 会签 steps act in
 * the department of their task.
 */
const OUTGOING_ACTIONS: ActionsSpec<OutgoingEventType, OutgoingContext> = {
  events: OUTGOING_EVENTS,
  aside: ['SEAL', 'DISTRIBUTE'],
  forPrincipals: false,
  departmentEvents: ['ASSIGN_MEMBER', 'COUNTERSIGN'],
  departmentOfTask: departmentOfCountersignTask,
  withdrawable: (ctx, principal) =>
    ctx.countersign.filter((d) => d.withdrawable?.by === principal).map((d) => d.id),
};

function opinionView(o: (OpinionRecord & { agree?: boolean }) | null, names: OutgoingNames) {
  if (!o) return null;
  return {
    by: names.user(o.by),
    actorName: names.user(o.actorId),
    onBehalfOfName: o.onBehalfOf ? names.user(o.onBehalfOf) : null,
    opinion: o.opinion,
    at: new Date(o.at),
    version: o.version,
    agree: o.agree ?? null,
  };
}

function countersignView(ds: CountersignDepartment[], names: OutgoingNames) {
  return ds.map((d) => ({
    id: d.id,
    name: names.department(d.id),
    status: d.status,
    statusLabel:
      d.status === 'done'
        ? '已会签'
        : d.status === 'head'
          ? '待负责人会签'
          : d.status === 'member'
            ? '承办人提出意见中'
            : '待负责人审核',
    memberOpinionTo: d.memberOpinionTo,
    head: d.head ? names.user(d.head) : null,
    member: d.member ? names.user(d.member) : null,
    memberOpinion: opinionView(d.memberOpinion, names),
    opinion: opinionView(d.opinion, names),
  }));
}

/**
 * A 发文 case as its page shows it to `user`: header, 文号 (valid and voided), versions, 会签
 * rounds with their opinions, 签发, 成文, 盖章, 分发 with 回执, the steps waiting now, and the
 * actions this user may take now (`engine.can`). Refuses users with no part (无权访问).
 */
export async function getOutgoingCase(app: AppServices, user: SessionUser, caseId: string) {
  const access = await loadOutgoingAccess(app, user, caseId);
  const { caseRecord, ctx } = access;
  const names = await loadOutgoingNames(app, caseRecord.unitId);
  const now = app.clock.now();
  const { actions, other } = await caseActions(app, user, access, names, OUTGOING_ACTIONS);

  const h = ctx.header;
  const latest = ctx.versions.at(-1)!;
  const doc = currentDocNumber(ctx);
  return {
    id: caseRecord.id,
    rev: caseRecord.rev,
    title: caseRecord.title,
    state: caseRecord.state,
    stateLabel: OUTGOING_STATE_LABELS[caseRecord.state] ?? caseRecord.state,
    status: caseRecord.status,
    scope: access.scope,
    header: {
      ...h,
      draftingDepartmentName: names.department(h.draftingDepartment),
      mainRecipientNames: h.mainRecipients.map(names.recipient),
      ccRecipientNames: h.ccRecipients.map(names.recipient),
    },
    unitName: names.unit(caseRecord.unitId),
    drafter: { id: ctx.drafter, name: names.user(ctx.drafter) },
    draftedAt: new Date(ctx.draftedAt),
    docNumber: doc?.docNumber ?? null,
    docNumbers: ctx.docNumbers.map((n) => ({
      docNumber: n.docNumber,
      allocatedAt: new Date(n.allocatedAt),
      allocatedBy: names.user(n.allocatedBy),
      event: n.event,
      voidedAt: n.voidedAt ? new Date(n.voidedAt) : null,
      voidedBy: n.voidedBy ? names.user(n.voidedBy) : null,
      voidReason: n.voidReason,
    })),
    versions: ctx.versions.map((v) => ({
      no: v.no,
      author: names.user(v.author),
      actorName: names.user(v.actorId),
      step: v.step,
      kind: v.kind,
      department: v.departmentId ? names.department(v.departmentId) : null,
      at: new Date(v.at),
      note: v.note,
      withdrawn: v.withdrawnAt !== null,
      blocks: v.body.blocks.length,
    })),
    /** The version in force (the one the next step edits). */
    currentBody: latest.body,
    currentVersion: latest.no,
    checker: ctx.checker ? names.user(ctx.checker) : null,
    check: opinionView(ctx.check, names),
    countersign: ctx.countersignPlan
      ? {
          mode: ctx.countersignPlan.mode,
          round: ctx.countersignRound,
          departments: countersignView(ctx.countersign, names),
          history: ctx.countersignHistory.map((r) => countersignView(r, names)),
          /** The plan as the drafter may send it round again. */
          plan: ctx.countersignPlan,
        }
      : null,
    mustCountersign: ctx.mustCountersign,
    signer: ctx.signer ? { id: ctx.signer, name: names.user(ctx.signer) } : null,
    rechecker: ctx.rechecker ? names.user(ctx.rechecker) : null,
    recheck: opinionView(ctx.recheck, names),
    signing: opinionView(ctx.signing, names),
    signedVersion: ctx.signedVersion,
    returned: ctx.returned
      ? { ...ctx.returned, by: names.user(ctx.returned.by), at: new Date(ctx.returned.at) }
      : null,
    rejected: ctx.rejected
      ? {
          by: names.user(ctx.rejected.by),
          reason: ctx.rejected.reason,
          at: new Date(ctx.rejected.at),
        }
      : null,
    cancelled: ctx.cancelled
      ? {
          by: names.user(ctx.cancelled.by),
          reason: ctx.cancelled.reason,
          at: new Date(ctx.cancelled.at),
        }
      : null,
    finalized: ctx.finalized
      ? {
          by: names.user(ctx.finalized.by),
          at: new Date(ctx.finalized.at),
          mode: ctx.finalized.mode,
          version: ctx.finalized.version,
        }
      : null,
    seal: ctx.seal
      ? {
          by: names.user(ctx.seal.by),
          sealedAt: new Date(ctx.seal.sealedAt),
          signerName: ctx.seal.signerName,
          certificateSerial: ctx.seal.certificateSerial,
          docNumber: ctx.seal.docNumber,
          pageCount: ctx.seal.pageCount,
          pdfSha256: ctx.seal.pdfSha256,
        }
      : null,
    recipients: ctx.recipients.map((r) => ({
      key: r.key,
      name: names.recipient(r.recipient),
      platform: 'unitId' in r.recipient,
      list: r.list,
      delivery: r.delivery
        ? {
            method: r.delivery.method,
            at: new Date(r.delivery.at),
            by: names.user(r.delivery.by),
            incomingCaseId: r.delivery.incomingCaseId,
            registeredBy: r.delivery.registeredBy,
          }
        : null,
      receipt: r.receipt
        ? {
            receivedBy: r.receipt.platform
              ? `${names.recipient(r.recipient)}（平台签收）`
              : r.receipt.receivedBy,
            receivedAt: new Date(r.receipt.receivedAt),
            recordedBy: names.user(r.receipt.recordedBy),
            platform: r.receipt.platform,
            note: r.receipt.note,
          }
        : null,
    })),
    distributedAt: ctx.distributedAt ? new Date(ctx.distributedAt) : null,
    reminders: ctx.reminders.map((r) => ({
      at: new Date(r.at),
      by: r.by === '$timer' ? '系统' : names.user(r.by),
      note: r.note,
    })),
    completedAt: ctx.completedAt ? new Date(ctx.completedAt) : null,
    archivedAt: ctx.archivedAt ? new Date(ctx.archivedAt) : null,
    archiveCode: ctx.archiveCode,
    ...currentSteps(access, user, names, now),
    actions,
    canSeal: other.has('SEAL'),
    canDistribute: other.has('DISTRIBUTE'),
    /** Secretaries and admins may read the 文号 usage history. */
    canSeeDocNumberHistory: user.roles.includes('secretary') || user.roles.includes('admin'),
  };
}

/** One saved version's body (any version of a case the user may see). */
export async function getOutgoingVersion(
  app: AppServices,
  user: SessionUser,
  caseId: string,
  no: number,
) {
  const { ctx } = await loadOutgoingAccess(app, user, caseId);
  const v = ctx.versions.find((x) => x.no === no);
  if (!v) throw new NotFound(`版本不存在：第${no}版`, { caseId, no });
  return { no: v.no, body: v.body };
}

/** Records 签收时间 of the user's open tasks of the case (the first opening counts). */
export function openOutgoingTasks(app: AppServices, user: SessionUser, caseId: string) {
  return openCaseTasks(app, user, caseId, OUTGOING_CASE);
}
