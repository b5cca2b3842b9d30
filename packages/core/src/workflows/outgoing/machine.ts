import { and, cancel, setup } from 'xstate';
import type {
  OutgoingContext,
  OutgoingEvent,
  OutgoingInput,
  OutgoingMachineOptions,
  OutgoingNotify,
} from './context.ts';
import { createOutgoingActions, RECEIPT_REMIND_ID } from './machine-actions.ts';
import { outgoingGuards } from './machine-guards.ts';
import { recipientsOf } from './recipients.ts';
import { newVersion } from './versions.ts';

/** The 发文 (outgoing document) machine; pure: time comes from `meta.at`, numbers from `meta.serial`. */
export function createOutgoingMachine(options: OutgoingMachineOptions) {
  return setup({
    types: {} as {
      context: OutgoingContext;
      events: OutgoingEvent;
      input: OutgoingInput;
      emitted: OutgoingNotify;
    },
    guards: outgoingGuards,
    actions: createOutgoingActions(options),
  }).createMachine({
    id: 'outgoing',
    context: ({ input }) => {
      const { meta, body, importedFrom, ...header } = input;
      const attachments = importedFrom
        ? [...header.attachments, { ...importedFrom, role: 'original' as const }]
        : header.attachments;
      const ctx: OutgoingContext = {
        header: { ...header, attachments },
        drafter: meta.actorId,
        draftedAt: meta.at,
        round: 0,
        versions: [],
        checker: null,
        check: null,
        countersignPlan: null,
        countersignRound: 0,
        countersign: [],
        countersignHistory: [],
        mustCountersign: false,
        signer: null,
        rechecker: null,
        recheck: null,
        signing: null,
        signedVersion: null,
        returned: null,
        rejected: null,
        cancelled: null,
        withdrawable: null,
        docNumbers: [],
        finalized: null,
        seal: null,
        recipients: recipientsOf(header).map((r) => ({ ...r, delivery: null, receipt: null })),
        distributedAt: null,
        distributedBy: null,
        reminders: [],
        completedAt: null,
        archivedAt: null,
        archivedBy: null,
        archiveCode: null,
      };
      ctx.versions = [
        newVersion(
          ctx,
          body,
          meta,
          'draft',
          'draft',
          importedFrom ? `导入自 ${importedFrom.name}` : null,
        ),
      ];
      return ctx;
    },
    initial: 'drafting',
    states: {
      /** 拟稿 (also after 退回 to the drafter before 核稿). */
      drafting: {
        on: {
          EDIT: { guard: 'viaTask', actions: { type: 'edit', params: { step: 'draft' } } },
          SUBMIT: { guard: 'viaTask', target: 'checking', actions: 'submit' },
          CANCEL: { guard: 'viaTask', target: 'cancelled', actions: 'cancelDraft' },
        },
      },
      /** 核稿. */
      checking: {
        on: {
          EDIT: { guard: 'viaTask', actions: { type: 'edit', params: { step: 'check' } } },
          CHECK: [
            {
              guard: and(['viaTask', 'hasCountersign']),
              target: 'countersigning',
              actions: ['check', 'startCountersign'],
            },
            { guard: 'viaTask', target: 'rechecking', actions: 'check' },
          ],
          RETURN: {
            guard: 'viaTask',
            target: 'drafting',
            actions: { type: 'returnToDrafter', params: { fromStep: '核稿' } },
          },
          WITHDRAW: {
            guard: 'canWithdrawSubmit',
            target: 'drafting',
            actions: 'clearWithdrawable',
          },
        },
      },
      /** 会签. */
      countersigning: {
        always: { guard: 'allCountersigned', target: 'consolidating', actions: 'closeCountersign' },
        on: {
          ASSIGN_MEMBER: { guard: 'canAssignMember', actions: 'assignMember' },
          COUNTERSIGN: { guard: 'canCountersign', actions: 'countersign' },
          WITHDRAW: [
            { guard: 'canWithdrawCheck', target: 'checking', actions: 'withdrawCheck' },
            { guard: 'canWithdrawInDepartment', actions: 'withdrawInDepartment' },
          ],
        },
      },
      /** 返还: the drafter consolidates the opinions into a new version. */
      consolidating: {
        on: {
          EDIT: { guard: 'viaTask', actions: { type: 'edit', params: { step: 'consolidate' } } },
          COUNTERSIGN_AGAIN: {
            guard: and(['viaTask', 'hasCountersignPlan']),
            target: 'countersigning',
            actions: 'countersignAgain',
          },
          SEND_TO_RECHECK: {
            guard: and(['viaTask', 'mayGoToRecheck']),
            target: 'rechecking',
            actions: 'sendToRecheck',
          },
        },
      },
      /** 复核. */
      rechecking: {
        on: {
          RECHECK: { guard: 'viaTask', target: 'signing', actions: 'recheck' },
          RETURN: {
            guard: 'viaTask',
            target: 'consolidating',
            actions: { type: 'returnToDrafter', params: { fromStep: '复核' } },
          },
          WITHDRAW: [
            {
              guard: 'canWithdrawRecheckSubmit',
              target: 'consolidating',
              actions: 'clearWithdrawable',
            },
            { guard: 'canWithdrawCheck', target: 'checking', actions: 'withdrawCheck' },
          ],
        },
      },
      /** 签发. */
      signing: {
        on: {
          SIGN: { guard: 'viaTask', target: 'finalizing', actions: ['sign', 'takeDocNumber'] },
          REJECT: { guard: 'viaTask', target: 'rejected', actions: 'reject' },
          RETURN_FOR_REVISION: {
            guard: 'viaTask',
            target: 'consolidating',
            actions: ['reviseBySigner', { type: 'returnToDrafter', params: { fromStep: '签发' } }],
          },
          WITHDRAW: {
            guard: 'canWithdrawRecheck',
            target: 'rechecking',
            actions: 'withdrawRecheck',
          },
        },
      },
      /** 成文/清稿. */
      finalizing: {
        on: {
          FINALIZE: { guard: 'viaTask', target: 'sealing', actions: ['finalize', 'takeDocNumber'] },
          VOID_DOC_NUMBER: { guard: 'hasDocNumber', actions: ['voidDocNumber', 'takeDocNumber'] },
          WITHDRAW: { guard: 'canWithdrawSign', target: 'signing', actions: 'withdrawSign' },
        },
      },
      /** 盖章: the seal service sends SEAL. */
      sealing: {
        on: {
          SEAL: {
            guard: and(['viaTask', 'sealMatches']),
            target: 'dispatching',
            actions: 'recordSeal',
          },
          VOID_DOC_NUMBER: { guard: 'hasDocNumber', actions: ['voidDocNumber', 'takeDocNumber'] },
        },
      },
      /** 分发: the distribution service sends DISTRIBUTE. */
      dispatching: {
        on: {
          DISTRIBUTE: {
            guard: and(['viaTask', 'coversRecipients']),
            target: 'collecting',
            actions: 'distribute',
          },
        },
      },
      /** 回执 collection, with automatic reminders on working days. */
      collecting: {
        entry: 'scheduleFirstRemind',
        exit: cancel(RECEIPT_REMIND_ID),
        always: { guard: 'allReceived', target: 'distributed', actions: 'markCompleted' },
        on: {
          RECORD_RECEIPT: { guard: and(['viaTask', 'receiptPending']), actions: 'recordReceipt' },
          RECEIPT_REMIND: { actions: ['recordReminder', 'notifyReminder', 'scheduleNextRemind'] },
          REMIND_RECEIPTS: { actions: ['recordReminder', 'notifyReminder'] },
        },
      },
      /** All 回执 in: the secretariat archives. */
      distributed: {
        on: { ARCHIVE: { guard: 'viaTask', target: 'archived', actions: 'archive' } },
      },
      /** 已归档: read-only. */
      archived: { type: 'final' },
      /** 不予签发: the flow ended; the reason is kept. */
      rejected: { type: 'final' },
      /** 拟稿作废. */
      cancelled: { type: 'final' },
    },
  });
}

/** The 发文 machine type. */
export type OutgoingMachine = ReturnType<typeof createOutgoingMachine>;
