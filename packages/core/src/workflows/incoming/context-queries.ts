import { admits, ev, principalOf } from '../shared/event-payload.ts';
import type {
  CirculationDepartment,
  HandlingDepartment,
  IncomingContext,
  IncomingEvent,
} from './context.ts';
import { circulateTaskKey, type HandlingStage, handlingTaskKey, readTaskKey } from './task-keys.ts';

/** Formats a 收文编号 from the engine's serial: 收〔2026〕0015 (红头), 收白〔2026〕0003 (白头). */
export function formatSerialNo(serial: { scope: string; value: number }): string {
  const [, headType, year] = serial.scope.split(':');
  const prefix = headType === '白头' ? '收白' : '收';
  return `${prefix}〔${year}〕${String(serial.value).padStart(4, '0')}`;
}

/** The leaders who still have to 批示 now (one in sequence, all remaining in parallel). */
export function pendingLeaders(ctx: IncomingContext): string[] {
  const p = ctx.proposal;
  if (!p) return [];
  const done = new Set(ctx.instructions.map((i) => i.leader));
  const left = p.leaders.filter((l) => !done.has(l));
  return p.leaderMode === 'sequence' ? left.slice(0, 1) : left;
}

/** Leaders who may take back (撤回) their 批示: no later leader has acted yet. */
export function withdrawableInstructions(ctx: IncomingContext): string[] {
  if (!ctx.proposal || ctx.instructions.length === 0) return [];
  if (ctx.proposal.leaderMode === 'sequence') return [ctx.instructions.at(-1)!.leader];
  return ctx.instructions.map((i) => i.leader);
}

/** Everyone who may send 撤回 in the given state of the case. */
export function withdrawers(ctx: IncomingContext, state: string): string[] {
  if (state === 'open.reviewing') return ctx.proposedBy ? [ctx.proposedBy] : [];
  if (state === 'open.instructing') {
    const out = withdrawableInstructions(ctx);
    if (ctx.instructions.length === 0 && ctx.reviewWithdrawableBy)
      out.push(ctx.reviewWithdrawableBy);
    return out;
  }
  if (state === 'open.processing') {
    return ctx.handling.flatMap((d) => (d.withdrawable ? [d.withdrawable.by] : []));
  }
  return [];
}

export function deptOf<T extends { id: string }>(list: T[], event: { departmentId?: unknown }) {
  return typeof event.departmentId === 'string'
    ? list.filter((d) => d.id === event.departmentId)
    : list;
}

const STAGE: Record<HandlingDepartment['status'], HandlingStage | null> = {
  assigning: 'assign',
  handling: 'handle',
  confirming: 'confirm',
  done: null,
};

/** The key of the task a 承办 department's current step is done through (null when done). */
export function currentHandlingTaskKey(d: HandlingDepartment): string | null {
  const stage = STAGE[d.status];
  return stage ? handlingTaskKey(d.id, d.step, stage) : null;
}

/**
 * Whether the task `key` admitted the sender. The engine always sets `meta.taskKeys` on user
 * events; without it (the machine driven outside the engine, or `engine.can` asking without a
 * payload) nothing is pinned and the other guards decide alone.
 */
/**
 * The 承办 departments an event may act on: the one the payload names (if any), and only
 * where the department's current task admitted the sender, so a head or handler acts only
 * through their own task, never for another department.
 */
export function handlingTargets(
  list: HandlingDepartment[],
  event: IncomingEvent,
): HandlingDepartment[] {
  return deptOf(list, ev(event)).filter((d) => admits(event.meta, currentHandlingTaskKey(d)));
}

/** The 传阅 departments whose pick (`circulate:<id>`) admitted the sender. */
export function pickTargets(list: CirculationDepartment[], event: IncomingEvent) {
  return deptOf(list, ev(event)).filter((d) => admits(event.meta, circulateTaskKey(d.id)));
}

/** The 传阅 departments where the sender's own reading task (`read:<id>:<who>`) admitted them. */
export function readTargets(list: CirculationDepartment[], event: IncomingEvent) {
  const who = principalOf(event.meta);
  return deptOf(list, ev(event)).filter((d) => admits(event.meta, readTaskKey(d.id, who)));
}

export function currentHandler(d: HandlingDepartment): string | null {
  return d.handlers.at(-1) ?? null;
}

/** The 承办 departments (admitting the sender) where the sender is the current handler. */
export function senderHandling(
  list: HandlingDepartment[],
  event: IncomingEvent,
): HandlingDepartment[] {
  const who = principalOf(event.meta);
  return handlingTargets(list, event).filter(
    (d) => d.status === 'handling' && currentHandler(d) === who,
  );
}

export function headMay(d: { head: string | null }, who: string): boolean {
  return d.head === null || d.head === who;
}

export function replaceDept(
  list: HandlingDepartment[],
  id: string,
  change: (d: HandlingDepartment) => Partial<HandlingDepartment>,
): HandlingDepartment[] {
  return list.map((d) => (d.id === id ? { ...d, ...change(d), step: d.step + 1 } : d));
}
