import type { CaseRecord, LedgerRecord } from '../../ports/store.ts';

/** Who did a step, when, with what opinion (意见). */
export interface IncomingStepEntry {
  /** The person the step counts for (the principal under delegation). */
  by: string;
  /** The user who actually acted (a deputy, or `by` itself). */
  actorId: string;
  onBehalfOf: string | null;
  opinion: string | null;
  at: Date;
}

/** One 承办 department's line. */
export interface IncomingHandlingLine {
  departmentId: string;
  role: 'main' | 'assist';
  /** The current (last) handler, if assigned. */
  handler: string | null;
  /** Everyone the work went through, in order (head's pick, then hand-downs). */
  handlers: string[];
  result: string | null;
  resultAt: Date | null;
  confirmedAt: Date | null;
}

/** One 传阅 reader. */
export interface IncomingReaderLine {
  departmentId: string;
  userId: string;
  /** null while unread. */
  readAt: Date | null;
}

/** The 流程台帐 row of a 收文 case, with the seed's columns. */
export interface IncomingLedgerRow {
  /** 收文编号 */
  serialNo: string | null;
  /** 标题 */
  title: string;
  /** 来文单位 */
  senderUnit: string;
  /** 签收时间 */
  signedAt: Date;
  /** 签收人 */
  signedBy: string;
  /** 拟办人/意见/时间 (the proposal in force) */
  proposal: IncomingStepEntry | null;
  /** 审阅: accepted or changed, with opinion */
  review: (IncomingStepEntry & { decision: 'accept' | 'change' }) | null;
  /** 批示人/意见/时间 of the round in force */
  instructions: IncomingStepEntry[];
  /** 退回 on the way (reason as opinion) */
  returns: Array<IncomingStepEntry & { fromState: string | null }>;
  /** 传阅人/阅读时间 */
  readers: IncomingReaderLine[];
  /** 承办单位/承办人/办理结果/时间 */
  handling: IncomingHandlingLine[];
  /** 催办次数 */
  reminderCount: number;
  /** 办结时间 */
  completedAt: Date | null;
  /** 归档时间 */
  archivedAt: Date | null;
}

interface DeptReplay extends IncomingHandlingLine {
  last: 'assign' | 'handDown' | 'submit' | null;
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/**
 * Projects a 收文 case's ledger into its 流程台帐 row by replaying the entries: withdrawn
 * (撤回) steps disappear, returned (退回) rounds are replaced by the next round, and every
 * time comes from the ledger.
 */
export function projectIncomingLedger(
  caseRecord: Pick<CaseRecord, 'title' | 'fields'>,
  ledger: readonly LedgerRecord[],
): IncomingLedgerRow {
  const first = ledger[0];
  if (first?.event !== 'start') throw new TypeError('ledger must begin with start');
  const row: IncomingLedgerRow = {
    serialNo: str(first.fields.serialNo) ?? str(caseRecord.fields.serialNo),
    title: str(first.fields.title) ?? caseRecord.title,
    senderUnit: str(first.fields.senderUnit) ?? '',
    signedAt: first.at,
    signedBy: first.actorId,
    proposal: null,
    review: null,
    instructions: [],
    returns: [],
    readers: [],
    handling: [],
    reminderCount: 0,
    completedAt: null,
    archivedAt: null,
  };
  let proposed: Record<string, unknown> = {};
  let effective: Record<string, unknown> = {};
  const depts = new Map<string, DeptReplay>();
  const addedAssist = new WeakMap<IncomingStepEntry, string[]>();
  const dept = (e: LedgerRecord) => depts.get(str(e.fields.departmentId) ?? '');

  for (const e of ledger.slice(1)) {
    const step: IncomingStepEntry = {
      by: e.onBehalfOf ?? e.actorId,
      actorId: e.actorId,
      onBehalfOf: e.onBehalfOf,
      opinion: e.opinion,
      at: e.at,
    };
    switch (e.event) {
      case 'AMEND_REGISTRATION':
        row.title = str(e.fields.title) ?? row.title;
        row.senderUnit = str(e.fields.senderUnit) ?? row.senderUnit;
        break;
      case 'PROPOSE':
        row.proposal = step;
        row.review = null;
        row.instructions = [];
        proposed = e.fields;
        effective = e.fields;
        break;
      case 'REVIEW':
        row.review = { ...step, decision: e.fields.decision === 'change' ? 'change' : 'accept' };
        if (e.fields.decision === 'change' && typeof e.fields.proposal === 'object')
          effective = e.fields.proposal as Record<string, unknown>;
        break;
      case 'INSTRUCT':
        row.instructions.push(step);
        addedAssist.set(step, strings(e.fields.addAssistDepartments));
        break;
      case 'RETURN': {
        if (e.fromState === 'open.processing') {
          const d = dept(e);
          if (d) {
            d.handlers = d.handlers.slice(0, -1);
            d.handler = d.handlers.at(-1) ?? null;
            d.last = null;
          }
        } else row.returns.push({ ...step, fromState: e.fromState });
        break;
      }
      case 'WITHDRAW': {
        if (e.fromState === 'open.reviewing') row.proposal = null;
        else if (e.toState === 'open.reviewing') {
          row.review = null;
          effective = proposed;
        } else if (e.fromState === 'open.instructing') {
          const idx = row.instructions.findLastIndex((i) => i.by === step.by);
          if (idx >= 0) row.instructions.splice(idx, 1);
        } else {
          const d = dept(e);
          if (d?.last === 'submit') {
            d.result = null;
            d.resultAt = null;
          } else if (d?.last === 'handDown' || d?.last === 'assign') {
            d.handlers = d.handlers.slice(0, -1);
            d.handler = d.handlers.at(-1) ?? null;
          }
          if (d) d.last = null;
        }
        break;
      }
      case 'ASSIGN':
      case 'HAND_DOWN': {
        const d = dept(e);
        const handler = str(e.fields.handlerId);
        if (d && handler) {
          d.handlers = e.event === 'ASSIGN' ? [handler] : [...d.handlers, handler];
          d.handler = handler;
          d.last = e.event === 'ASSIGN' ? 'assign' : 'handDown';
        }
        break;
      }
      case 'SUBMIT_RESULT': {
        const d = dept(e);
        if (d) Object.assign(d, { result: e.opinion, resultAt: e.at, last: 'submit' });
        break;
      }
      case 'SEND_BACK': {
        const d = dept(e);
        if (d) Object.assign(d, { result: null, resultAt: null, last: null });
        break;
      }
      case 'CONFIRM': {
        const d = dept(e);
        if (d) Object.assign(d, { confirmedAt: e.at, last: null });
        break;
      }
      case 'PICK_READERS': {
        const departmentId = str(e.fields.departmentId) ?? '';
        row.readers.push({ departmentId, userId: step.by, readAt: e.at });
        for (const r of strings(e.fields.readers))
          if (r !== step.by) row.readers.push({ departmentId, userId: r, readAt: null });
        break;
      }
      case 'READ': {
        const line = row.readers.find(
          (r) => r.departmentId === e.fields.departmentId && r.userId === step.by,
        );
        if (line) line.readAt = e.at;
        break;
      }
      case 'DEADLINE_REMIND':
      case 'REMIND':
        row.reminderCount++;
        break;
      case 'ARCHIVE':
        row.archivedAt = e.at;
        break;
    }
    if (e.fromState === 'open.instructing' && e.toState === 'open.processing') {
      const main = str(effective.mainDepartment);
      const assist = new Set([
        ...strings(effective.assistDepartments),
        ...row.instructions.flatMap((i) => addedAssist.get(i) ?? []),
      ]);
      const line = (id: string, role: 'main' | 'assist'): DeptReplay => ({
        departmentId: id,
        role,
        handler: null,
        handlers: [],
        result: null,
        resultAt: null,
        confirmedAt: null,
        last: null,
      });
      if (main) depts.set(main, line(main, 'main'));
      for (const id of assist) if (id !== main) depts.set(id, line(id, 'assist'));
    }
    if (e.toState === 'completed' && row.completedAt === null) row.completedAt = e.at;
  }
  row.handling = [...depts.values()].map(({ last: _last, ...line }) => line);
  return row;
}
