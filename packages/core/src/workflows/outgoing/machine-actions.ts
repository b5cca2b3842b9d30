import { TIMER_ACTOR } from '../../workflow/machine-helpers.ts';
import { ev, principalOf, str } from '../shared/event-payload.ts';
import { actionBuilders } from '../shared/machine-actions.ts';
import type {
  CountersignDepartment,
  OutgoingContext,
  OutgoingEvent,
  OutgoingMachineOptions,
  OutgoingNotify,
  OutgoingStep,
  RecipientState,
} from './context.ts';
import {
  countersignTargets,
  headMay,
  maySign,
  newDepartments,
  replaceDept,
} from './countersign.ts';
import { currentDocNumber, formatDocNumber, parseDocNumberScope } from './doc-numbers.ts';
import { pendingRecipients as pending, recipientsOf } from './recipients.ts';
import { latestVersion, opinion, withBody } from './versions.ts';

/** The timer id of the automatic 催办 of missing 回执. */
export const RECEIPT_REMIND_ID = 'outgoing-receipt-remind';

const { update, emit, enqueue } = actionBuilders<OutgoingContext, OutgoingEvent, OutgoingNotify>();

/** The actions of the 发文 machine; 回执 reminders count working days on `options.calendar`. */
export function createOutgoingActions(options: OutgoingMachineOptions) {
  const { calendar } = options;
  const firstRemindDays = options.receiptReminderWorkingDays ?? 3;
  const intervalDays = options.receiptRemindIntervalWorkingDays ?? 1;
  const delayOf = (at: string, days: number) => {
    const now = new Date(at);
    return calendar.addWorkingDays(now, days).getTime() - now.getTime();
  };
  return {
    edit: update(({ context, event }, params: { step: OutgoingStep }) => {
      if (event.type !== 'EDIT') return {};
      const byDrafter = principalOf(event.meta) === context.drafter;
      const header = event.header ? { ...context.header, ...event.header } : context.header;
      return {
        header,
        // recipients follow the header until 分发 (EDIT is only possible before 签发)
        recipients: event.header
          ? recipientsOf(header).map((r) => ({ ...r, delivery: null, receipt: null }))
          : context.recipients,
        versions: withBody(context, event, params.step, byDrafter ? 'draft' : 'edit'),
        withdrawable: null,
      };
    }),
    submit: update(({ event }) => ({
      checker: event.type === 'SUBMIT' ? (event.checker ?? null) : null,
      returned: null,
      withdrawable: { by: principalOf(event.meta), kind: 'submit' as const },
    })),
    cancelDraft: update(({ event }) => ({
      cancelled: { by: principalOf(event.meta), reason: str(event, 'reason'), at: event.meta.at },
    })),
    check: update(({ context, event }) => {
      if (event.type !== 'CHECK') return {};
      const versions = withBody(context, event, 'check', 'edit');
      return {
        versions,
        check: opinion(event, event.opinion, versions),
        countersignPlan: event.countersign,
        signer: event.signer,
        rechecker: event.rechecker ?? null,
        withdrawable: { by: principalOf(event.meta), kind: 'check' as const },
      };
    }),
    startCountersign: update(({ context }) => ({
      countersignRound: context.countersignRound + 1,
      countersign: newDepartments(context.countersignPlan),
    })),
    withdrawCheck: update(() => ({ check: null, countersign: [], withdrawable: null })),
    returnToDrafter: update(({ context, event }, params: { fromStep: string }) => ({
      round: context.round + 1,
      returned: {
        by: principalOf(event.meta),
        reason: str(event, 'reason'),
        at: event.meta.at,
        fromStep: params.fromStep,
      },
      check: params.fromStep === '核稿' ? null : context.check,
      withdrawable: null,
    })),
    clearWithdrawable: update(() => ({ withdrawable: null })),
    assignMember: update(({ context, event }) => {
      if (event.type !== 'ASSIGN_MEMBER') return {};
      const who = principalOf(event.meta);
      const target = countersignTargets(context, event).find(
        (d) => d.status === 'head' && headMay(d, who),
      )!;
      return {
        withdrawable: null,
        countersign: replaceDept(context.countersign, target.id, () => ({
          status: 'member',
          head: who,
          member: event.memberId,
          withdrawable: { by: who, kind: 'assign' },
        })),
      };
    }),
    countersign: update(({ context, event }) => {
      if (event.type !== 'COUNTERSIGN') return {};
      const who = principalOf(event.meta);
      const target = countersignTargets(context, event).find((d) => maySign(d, who))!;
      const versions = withBody(context, event, 'countersign', 'proposal', target.id);
      const record = { ...opinion(event, event.opinion, versions), agree: event.agree };
      const change = (d: CountersignDepartment): Partial<CountersignDepartment> => {
        if (d.status === 'member') {
          return d.memberOpinionTo === 'head'
            ? {
                status: 'review',
                memberOpinion: record,
                withdrawable: { by: who, kind: 'memberOpinion' },
              }
            : { status: 'done', memberOpinion: record, opinion: record, withdrawable: null };
        }
        return { status: 'done', head: who, opinion: record, withdrawable: null };
      };
      return {
        versions,
        withdrawable: null,
        countersign: replaceDept(context.countersign, target.id, change),
      };
    }),
    withdrawInDepartment: update(({ context, event }) => {
      const who = principalOf(event.meta);
      const named = ev(event).departmentId;
      const target = context.countersign.find(
        (d) => (typeof named !== 'string' || d.id === named) && d.withdrawable?.by === who,
      )!;
      const kind = target.withdrawable!.kind;
      const proposal = kind === 'memberOpinion' ? target.memberOpinion : null;
      return {
        versions: context.versions.map((v) =>
          proposal &&
          v.kind === 'proposal' &&
          v.departmentId === target.id &&
          v.no === proposal.version &&
          v.author === who &&
          v.at === proposal.at
            ? { ...v, withdrawnAt: event.meta.at }
            : v,
        ),
        countersign: replaceDept(context.countersign, target.id, () =>
          kind === 'assign'
            ? { status: 'head', member: null, withdrawable: null }
            : { status: 'member', memberOpinion: null, withdrawable: null },
        ),
      };
    }),
    closeCountersign: update(({ context }) => ({
      countersignHistory: [...context.countersignHistory, context.countersign],
      mustCountersign: false,
      withdrawable: null,
    })),
    countersignAgain: update(({ context, event }) => {
      if (event.type !== 'COUNTERSIGN_AGAIN') return {};
      const plan = event.countersign ?? context.countersignPlan;
      return {
        countersignPlan: plan,
        countersignRound: context.countersignRound + 1,
        countersign: newDepartments(plan),
        withdrawable: null,
      };
    }),
    sendToRecheck: update(({ event }) => ({
      withdrawable: { by: principalOf(event.meta), kind: 'recheckSubmit' as const },
    })),
    recheck: update(({ context, event }) => {
      if (event.type !== 'RECHECK') return {};
      const versions = withBody(context, event, 'recheck', 'edit');
      return {
        versions,
        recheck: opinion(event, event.opinion, versions),
        withdrawable: { by: principalOf(event.meta), kind: 'recheck' as const },
      };
    }),
    withdrawRecheck: update(() => ({ recheck: null, withdrawable: null })),
    sign: update(({ context, event }) => {
      if (event.type !== 'SIGN') return {};
      const versions = withBody(context, event, 'sign', 'edit');
      const signing = opinion(event, event.opinion, versions);
      return {
        versions,
        signing,
        signedVersion: signing.version,
        withdrawable: { by: principalOf(event.meta), kind: 'sign' as const },
      };
    }),
    reviseBySigner: update(({ context, event }) => ({
      versions: withBody(context, event, 'sign', 'edit'),
      mustCountersign: (context.countersignPlan?.departments.length ?? 0) > 0,
      recheck: null,
    })),
    reject: update(({ event }) => ({
      rejected: {
        by: principalOf(event.meta),
        actorId: event.meta.actorId,
        reason: str(event, 'reason'),
        at: event.meta.at,
      },
      withdrawable: null,
    })),
    withdrawSign: update(({ context, event }) => ({
      signing: null,
      signedVersion: null,
      withdrawable: null,
      docNumbers: context.docNumbers.map((n) =>
        n.voidedAt === null
          ? {
              ...n,
              voidedAt: event.meta.at,
              voidedBy: principalOf(event.meta),
              voidReason: '签发已撤回',
            }
          : n,
      ),
    })),
    voidDocNumber: update(({ context, event }) => ({
      docNumbers: context.docNumbers.map((n) =>
        n.voidedAt === null
          ? {
              ...n,
              voidedAt: event.meta.at,
              voidedBy: principalOf(event.meta),
              voidReason: str(event, 'reason'),
            }
          : n,
      ),
    })),
    takeDocNumber: update(({ context, event }) => {
      const serial = event.meta.serial;
      if (!serial) return {};
      const { issuerCode, year } = parseDocNumberScope(serial.scope);
      return {
        docNumbers: [
          ...context.docNumbers,
          {
            docNumber: formatDocNumber(serial),
            issuerCode,
            year,
            serial: serial.value,
            scope: serial.scope,
            allocatedAt: event.meta.at,
            allocatedBy: principalOf(event.meta),
            event: event.type,
            voidedAt: null,
            voidedBy: null,
            voidReason: null,
          },
        ],
      };
    }),
    finalize: update(({ context, event }) => {
      if (event.type !== 'FINALIZE') return {};
      const versions =
        event.mode === 'manual' ? withBody(context, event, 'finalize', 'final') : context.versions;
      return {
        versions,
        withdrawable: null,
        finalized: {
          by: principalOf(event.meta),
          actorId: event.meta.actorId,
          at: event.meta.at,
          mode: event.mode,
          version: event.mode === 'manual' ? latestVersion({ versions }) : context.signedVersion!,
        },
      };
    }),
    recordSeal: update(({ event }) => {
      if (event.type !== 'SEAL') return {};
      const { type: _t, meta, ...seal } = event;
      return { seal: { ...seal, by: principalOf(meta), recordedAt: meta.at } };
    }),
    distribute: update(({ context, event }) => {
      if (event.type !== 'DISTRIBUTE') return {};
      const who = principalOf(event.meta);
      const byKey = new Map(event.deliveries.map((d) => [d.recipient, d]));
      return {
        distributedAt: event.meta.at,
        distributedBy: who,
        recipients: context.recipients.map((r): RecipientState => {
          const d = byKey.get(r.key)!;
          const platform = 'unitId' in r.recipient;
          return {
            ...r,
            delivery: {
              method: d.method,
              incomingCaseId: d.incomingCaseId ?? null,
              registeredBy: d.registeredBy ?? null,
              at: event.meta.at,
              by: who,
            },
            // a platform unit's 收文 case is registered in the same step: that is its 回执
            receipt: platform
              ? {
                  receivedBy: d.registeredBy ?? '',
                  receivedAt: event.meta.at,
                  recordedBy: who,
                  platform: true,
                  note: d.incomingCaseId ? `收文办件 ${d.incomingCaseId}` : null,
                }
              : null,
          };
        }),
      };
    }),
    recordReceipt: update(({ context, event }) => {
      if (event.type !== 'RECORD_RECEIPT') return {};
      return {
        recipients: context.recipients.map((r) =>
          r.key === event.recipient && r.receipt === null
            ? {
                ...r,
                receipt: {
                  receivedBy: event.receivedBy,
                  receivedAt: event.receivedAt
                    ? new Date(event.receivedAt).toISOString()
                    : event.meta.at,
                  recordedBy: principalOf(event.meta),
                  platform: false,
                  note: event.note ?? null,
                },
              }
            : r,
        ),
      };
    }),
    recordReminder: update(({ context, event }) => ({
      reminders: [
        ...context.reminders,
        {
          at: event.meta.at,
          by: event.type === 'RECEIPT_REMIND' ? TIMER_ACTOR : principalOf(event.meta),
          note: event.type === 'REMIND_RECEIPTS' ? (event.note ?? null) : null,
        },
      ],
    })),
    notifyReminder: emit(({ context }) => ({
      type: 'notify' as const,
      to: context.distributedBy ? [context.distributedBy] : [],
      title: `催收回执：${context.header.title}`,
      body: `${currentDocNumber(context)?.docNumber ?? ''}《${context.header.title}》尚缺回执：${pending(
        context,
      )
        .map((r) => ('name' in r.recipient ? r.recipient.name : r.recipient.unitId))
        .join('、')}`,
      channel: 'inApp' as const,
    })),
    scheduleFirstRemind: enqueue(({ event, enqueue }) => {
      enqueue.raise({ type: 'RECEIPT_REMIND' } as OutgoingEvent, {
        id: RECEIPT_REMIND_ID,
        delay: delayOf(event.meta.at, firstRemindDays),
      });
    }),
    scheduleNextRemind: enqueue(({ event, enqueue }) => {
      enqueue.raise({ type: 'RECEIPT_REMIND' } as OutgoingEvent, {
        id: RECEIPT_REMIND_ID,
        delay: delayOf(event.meta.at, intervalDays),
      });
    }),
    markCompleted: update(({ event }) => ({ completedAt: event.meta.at })),
    archive: update(({ event }) => ({
      archivedAt: event.meta.at,
      archivedBy: principalOf(event.meta),
      archiveCode: event.type === 'ARCHIVE' ? (event.archiveCode ?? null) : null,
    })),
  };
}
