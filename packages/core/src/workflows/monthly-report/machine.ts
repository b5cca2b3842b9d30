import { assign, emit, setup } from 'xstate';
import { ValidationFailed } from '../../errors.ts';
import type { EventMeta } from '../../workflow/definition.ts';
import { admits, principalOf } from '../../workflow/machine-helpers.ts';
import type { MonthlyReportDraft } from './fields.ts';
import { archiveTaskKey, registerTaskKey } from './task-keys.ts';

/** What the department writes: the three parts and the attachments. */
export interface MonthlyReportContent {
  done: string;
  problems: string;
  plan: string;
  attachments: Array<{ blobId: string; name: string }>;
}

/** The machine context of a 工作月报 case. */
export interface MonthlyReportContext {
  /** 月份 (YYYY-MM) */
  month: string;
  departmentId: string;
  content: MonthlyReportContent;
  author: string;
  createdAt: string;
  /** 0 while drafting; +1 with every 报送. */
  round: number;
  submittedAt: string | null;
  /** The last 退回, until the report is sent again. */
  returned: { by: string; reason: string; at: string } | null;
  registered: { by: string; at: string; note: string | null } | null;
  archived: { by: string; at: string } | null;
}

type Meta = { meta: EventMeta };
type Changes = Partial<MonthlyReportContent>;
/** Events of the 工作月报 machine (payloads as validated by `fields.ts`). */
export type MonthlyReportEvent =
  | ({ type: 'SUBMIT' } & Changes & Meta)
  | ({ type: 'RESUBMIT'; note?: string | undefined } & Changes & Meta)
  | ({ type: 'REGISTER'; note?: string | undefined } & Meta)
  | ({ type: 'RETURN'; reason: string } & Meta)
  | ({ type: 'ARCHIVE'; note?: string | undefined } & Meta);

/** The machine input: the draft plus the engine's meta. */
export type MonthlyReportInput = MonthlyReportDraft & Meta;

/** `2026-11` → 2026年11月. */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-');
  return `${y}年${Number(m)}月`;
}

function revise(ctx: MonthlyReportContext, e: Changes): MonthlyReportContent {
  return {
    done: e.done ?? ctx.content.done,
    problems: e.problems ?? ctx.content.problems,
    plan: e.plan ?? ctx.content.plan,
    attachments: e.attachments ?? ctx.content.attachments,
  };
}

/**
 * Builds the 工作月报 machine: 拟稿 → 报送 → 登记 (or 退回 and 重新报送) → 归档. Pure: times
 * come from `meta.at`. The engine numbers each start in the scope of its department and month
 * (`meta.serial`); a second report of the same department and month is refused here, inside
 * the start's transaction, so two drafts at once cannot both stand.
 */
export function createMonthlyReportMachine() {
  return setup({
    types: {} as {
      context: MonthlyReportContext;
      events: MonthlyReportEvent;
      input: MonthlyReportInput;
      emitted: {
        type: 'notify';
        to: string[];
        title: string;
        body: string;
        channel: 'inApp' | 'sms' | 'mail';
      };
    },
    guards: {
      isAuthor: ({ context, event }) => principalOf(event.meta) === context.author,
      atRegisterTask: ({ context, event }) =>
        admits(event.meta, registerTaskKey(context.round)) &&
        principalOf(event.meta) !== context.author,
      atArchiveTask: ({ event }) => admits(event.meta, archiveTaskKey()),
    },
    actions: {
      submit: assign(({ context, event }) => {
        if (event.type !== 'SUBMIT' && event.type !== 'RESUBMIT') return {};
        return {
          content: revise(context, event),
          round: context.round + 1,
          submittedAt: event.meta.at,
          returned: null,
        };
      }),
      recordReturn: assign(({ event }) =>
        event.type === 'RETURN'
          ? {
              returned: { by: principalOf(event.meta), reason: event.reason, at: event.meta.at },
            }
          : {},
      ),
      register: assign(({ event }) =>
        event.type === 'REGISTER'
          ? {
              registered: {
                by: principalOf(event.meta),
                at: event.meta.at,
                note: event.note ?? null,
              },
            }
          : {},
      ),
      archive: assign(({ event }) => ({
        archived: { by: principalOf(event.meta), at: event.meta.at },
      })),
      notifyAuthor: emit(({ context, event }) => ({
        type: 'notify' as const,
        to: [context.author],
        title: `${monthLabel(context.month)}工作月报被退回`,
        body: event.type === 'RETURN' ? event.reason : '',
        channel: 'inApp' as const,
      })),
    },
  }).createMachine({
    id: 'monthly-report',
    context: ({ input }) => {
      const { meta, month, departmentId, ...content } = input;
      if (meta.serial !== undefined && meta.serial.value > 1)
        throw new ValidationFailed(`本部门${monthLabel(month)}的工作月报已存在`);
      return {
        month,
        departmentId,
        content,
        author: meta.actorId,
        createdAt: meta.at,
        round: 0,
        submittedAt: null,
        returned: null,
        registered: null,
        archived: null,
      };
    },
    initial: 'drafting',
    states: {
      /** 拟稿: the department's staff writes the report. */
      drafting: {
        on: { SUBMIT: { guard: 'isAuthor', target: 'submitted', actions: 'submit' } },
      },
      /** 待登记: the office registers it or returns it. */
      submitted: {
        on: {
          REGISTER: { guard: 'atRegisterTask', target: 'registered', actions: 'register' },
          RETURN: {
            guard: 'atRegisterTask',
            target: 'returned',
            actions: ['recordReturn', 'notifyAuthor'],
          },
        },
      },
      /** 退回修改: the drafter revises and sends it again. */
      returned: {
        on: { RESUBMIT: { guard: 'isAuthor', target: 'submitted', actions: 'submit' } },
      },
      /** 已登记: waiting to be filed. */
      registered: {
        on: { ARCHIVE: { guard: 'atArchiveTask', target: 'archived', actions: 'archive' } },
      },
      /** 已归档 */
      archived: { type: 'final' },
    },
  });
}

/** The 工作月报 machine type. */
export type MonthlyReportMachine = ReturnType<typeof createMonthlyReportMachine>;
