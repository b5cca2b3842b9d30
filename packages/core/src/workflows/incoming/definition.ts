import { createChineseCalendar, type WorkingCalendar } from '../../calendar/working-calendar.ts';
import { stateToString } from '../../util/state-value.ts';
import { defineWorkflow, type LedgerProjection } from '../../workflow/definition.ts';
import { incomingVisibility } from './case-visibility.ts';
import type { IncomingContext } from './context.ts';
import { formatSerialNo, withdrawers } from './context-queries.ts';
import { INCOMING_EVENTS } from './events.ts';
import { ZRegistration } from './fields.ts';
import { createIncomingMachine } from './machine.ts';
import { incomingEventCheck } from './org-checks.ts';
import {
  INCOMING_ROLES,
  INCOMING_STATE_LABELS,
  incomingTasks,
  SECRETARIAT_RULE,
  usersRule,
} from './steps.ts';

/** The registry name of the 收文 workflow. */
export const INCOMING_WORKFLOW = 'incoming';

/** Options of `createIncomingWorkflow`. */
export interface IncomingWorkflowOptions {
  /** The unit's working calendar; pass the same one to the engine (default: Chinese statutory). */
  calendar?: WorkingCalendar;
  /** Default 办理时限 in working days (7). */
  defaultDeadlineWorkingDays?: number;
  /** Working days between automatic reminders after the deadline (1). */
  remindIntervalWorkingDays?: number;
  /** IANA time zone dates in notices are written in (default Asia/Shanghai, 北京时间). */
  timeZone?: string;
}

/** The 收文编号 sequence scope of a registration: per unit (the engine adds it), type and year. */
export function incomingSerialScope(headType: string, year: string | number): string {
  return `收文:${headType}:${year}`;
}

/**
 * An event whose `check` the engine runs inside the transition: a department step must come
 * through that department's own task (`meta.taskKeys`), and the organisation rules of
 * `org-checks.ts` hold (right head, handlers and readers from the department, leaders hold
 * the leader role, 传阅 never skips a level).
 */
function checked<T extends IncomingEventType>(type: T) {
  const s = spec(type);
  return { ...s, check: incomingEventCheck(type, s.title) };
}

type IncomingEventType = keyof typeof INCOMING_EVENTS;

/** An event's title and schema, from the client-safe list the UI reads too (one place). */
function spec<T extends IncomingEventType>(type: T) {
  const { title, schema } = INCOMING_EVENTS[type];
  return { title, schema };
}

function ctxOf(context: unknown): IncomingContext {
  return context as IncomingContext;
}

function project(event: { type: string; [key: string]: unknown }): LedgerProjection {
  const { type, meta, opinion, reason, note, ...fields } = event;
  if (type === 'start') {
    const serial = (meta as { serial?: { scope: string; value: number } } | undefined)?.serial;
    return {
      opinion: null,
      fields: { ...fields, serialNo: serial ? formatSerialNo(serial) : null },
    };
  }
  const text =
    typeof opinion === 'string'
      ? opinion
      : typeof reason === 'string'
        ? reason
        : typeof note === 'string'
          ? note
          : type === 'SUBMIT_RESULT' && typeof fields.result === 'string'
            ? fields.result
            : null;
  return { opinion: text, fields };
}

/** Builds the 收文 workflow definition (the machine counts days on `calendar`). */
export function createIncomingWorkflow(options: IncomingWorkflowOptions = {}) {
  const calendar = options.calendar ?? createChineseCalendar();
  const machine = createIncomingMachine({
    calendar,
    ...(options.defaultDeadlineWorkingDays !== undefined && {
      defaultDeadlineWorkingDays: options.defaultDeadlineWorkingDays,
    }),
    ...(options.remindIntervalWorkingDays !== undefined && {
      remindIntervalWorkingDays: options.remindIntervalWorkingDays,
    }),
    ...(options.timeZone !== undefined && { timeZone: options.timeZone }),
  });
  return defineWorkflow({
    name: INCOMING_WORKFLOW,
    version: 1,
    title: '收文办理',
    machine,
    startSchema: ZRegistration,
    starters: SECRETARIAT_RULE,
    numbering: {
      start: ({ payload, at }) =>
        incomingSerialScope(String(payload.headType), calendar.dateOf(at).slice(0, 4)),
    },
    events: {
      PROPOSE: checked('PROPOSE'),
      REVIEW: checked('REVIEW'),
      INSTRUCT: checked('INSTRUCT'),
      RETURN: spec('RETURN'),
      AMEND_REGISTRATION: spec('AMEND_REGISTRATION'),
      WITHDRAW: {
        ...spec('WITHDRAW'),
        // Everyone who could take something back in some step; the machine's guards decide
        // whether this actor may take back anything in the current one.
        by: ({ context }) =>
          usersRule(
            ['open.reviewing', 'open.instructing', 'open.processing'].flatMap((state) =>
              withdrawers(ctxOf(context), state),
            ),
          ),
      },
      ASSIGN: checked('ASSIGN'),
      HAND_DOWN: checked('HAND_DOWN'),
      SUBMIT_RESULT: checked('SUBMIT_RESULT'),
      CONFIRM: checked('CONFIRM'),
      SEND_BACK: checked('SEND_BACK'),
      PICK_READERS: checked('PICK_READERS'),
      READ: checked('READ'),
      REMIND: { ...spec('REMIND'), by: () => SECRETARIAT_RULE },
      ARCHIVE: spec('ARCHIVE'),
    },
    tasks: ({ snapshot }) =>
      incomingTasks(stateToString(snapshot.value), snapshot.context as IncomingContext),
    header: (snapshot) => {
      const ctx = snapshot.context as IncomingContext;
      const r = ctx.registration;
      return {
        title: r.title,
        fields: {
          serialNo: ctx.serialNo,
          senderUnit: r.senderUnit,
          senderDocNumber: r.senderDocNumber,
          receivedDate: r.receivedDate,
          docType: r.docType,
          secrecy: r.secrecy,
          urgency: r.urgency,
          headType: r.headType,
          direction: r.direction,
          registeredBy: ctx.registeredBy,
          proposedBy: ctx.proposedBy,
          deadline: ctx.proposal?.deadlineAt ?? null,
          supervise: ctx.proposal?.supervise ?? false,
          reminderCount: ctx.reminders.length,
          departments: ctx.handling.map((d) => ({
            id: d.id,
            role: d.role,
            status: d.status,
            handler: d.handlers.at(-1) ?? null,
            confirmedAt: d.confirmedAt,
          })),
          circulation: ctx.circulation.map((c) => c.id),
          completedAt: ctx.completedAt,
          archivedAt: ctx.archivedAt,
          // a document another unit on the platform sent (分发): its 发文 case and 文号
          ...(r.source ? { source: r.source } : {}),
        },
      };
    },
    ledger: project,
    stateLabels: INCOMING_STATE_LABELS,
    visibility: incomingVisibility,
  });
}

/** The 收文 workflow on the Chinese statutory calendar with default deadlines. */
export const incomingWorkflow = createIncomingWorkflow();

/** Role names the 收文 workflow assigns by (secretary, officeDirector, leader). */
export { INCOMING_ROLES };
