import type { Directory } from '../../directory/directory.ts';
import type { CaseRecord, LedgerRecord, TaskRecord } from '../../ports/store.ts';
import { TIMER_ACTOR } from '../../workflow/machine-helpers.ts';
import { type VisibleFlow, visibleDownwardFlow } from '../shared/department-visibility.ts';
import { outgoingContextOf } from './case-context.ts';
import type { OpinionRecord, OutgoingContext } from './context.ts';

/** What a viewer may see of a 发文 case: the visible steps and tasks, and the context without the others' opinions. */
export interface VisibleOutgoingFlow extends VisibleFlow {
  /**
   * The case's context with every opinion (核稿、会签、复核、签发意见, 退回/不予签发理由, version
   * and 催办 notes) of a step the viewer may not see set to null; the rest as it is.
   */
  context: OutgoingContext;
}

type Viewed = Pick<CaseRecord, 'unitId' | 'fields' | 'workflow' | 'snapshot'>;

/** The key of a step: which event, when, who acted (or for whom), in which 会签 department. */
const stepKey = (event: string, at: string, person: string, department = '') =>
  `${event}|${at}|${person}|${department}`;

/** The keys of a ledger entry, for its actor and for the principal they acted for. */
function keysOf(e: LedgerRecord): string[] {
  const at = e.at.toISOString();
  const dept = typeof e.fields.departmentId === 'string' ? e.fields.departmentId : '';
  const people = e.onBehalfOf ? [e.actorId, e.onBehalfOf] : [e.actorId];
  return people.map((p) => stepKey(e.event, at, p, dept));
}

const RETURNS = ['RETURN', 'RETURN_FOR_REVISION'];

/**
 * What was handed to `viewerId` for the step they must take now, though written above them:
 * the 退回 reason of a draft returned to them, and, while they consolidate (返还), the 会签
 * opinions of the round that came back to them.
 */
function handedTo(viewerId: string, ctx: OutgoingContext, tasks: readonly TaskRecord[]) {
  const holds = (prefix: string) =>
    tasks.some(
      (t) => t.doneAt === null && t.key.startsWith(prefix) && t.candidates.includes(viewerId),
    );
  const keys: string[] = [];
  const drafting = holds('draft:');
  const consolidating = holds('consolidate:');
  const r = ctx.returned;
  if ((drafting || consolidating) && r) keys.push(...RETURNS.map((e) => stepKey(e, r.at, r.by)));
  if (consolidating) {
    for (const d of ctx.countersign)
      if (d.opinion) keys.push(stepKey('COUNTERSIGN', d.opinion.at, d.opinion.by, d.id));
  }
  return new Set(keys);
}

async function oneViewer(
  viewerId: string,
  args: {
    caseRecord: Viewed;
    ledger: readonly LedgerRecord[];
    tasks: readonly TaskRecord[];
    directory: Directory;
  },
): Promise<VisibleFlow> {
  const none: VisibleFlow = { scope: 'none', ledger: [], tasks: [] };
  const flow = await visibleDownwardFlow({ ...args, viewerId });
  if (flow.scope !== 'downward') return flow;
  const involved =
    args.ledger.some((e) => e.actorId === viewerId || e.onBehalfOf === viewerId) ||
    args.tasks.some((t) => t.candidates.includes(viewerId) || t.doneBy === viewerId);
  const secrecy = args.caseRecord.fields.secrecy;
  if (typeof secrecy === 'string' && secrecy !== '非密' && !involved) return none;
  const seesSomeone = flow.ledger.some((e) => e.actorId !== TIMER_ACTOR) || flow.tasks.length > 0;
  if (!involved && !seesSomeone) return none;
  const handed = handedTo(viewerId, outgoingContextOf(args.caseRecord), args.tasks);
  if (handed.size === 0) return flow;
  const seqs = new Set(flow.ledger.map((e) => e.seq));
  for (const e of args.ledger) if (keysOf(e).some((k) => handed.has(k))) seqs.add(e.seq);
  return { ...flow, ledger: args.ledger.filter((e) => seqs.has(e.seq)) };
}

/** `ctx` with the opinions of steps outside `ledger` (the visible steps) set to null. */
function redactContext(ctx: OutgoingContext, ledger: readonly LedgerRecord[]): OutgoingContext {
  const seen = new Set(ledger.flatMap(keysOf));
  const sees = (events: readonly string[], at: string, person: string, department = '') =>
    events.some((e) => seen.has(stepKey(e, at, person, department)));
  const op = <T extends OpinionRecord>(event: string, o: T | null, department = ''): T | null =>
    o && sees([event], o.at, o.actorId, department) ? o : null;
  const departments = (ds: OutgoingContext['countersign']) =>
    ds.map((d) => ({
      ...d,
      opinion: op('COUNTERSIGN', d.opinion, d.id),
      memberOpinion: op('COUNTERSIGN', d.memberOpinion, d.id),
    }));
  const { returned: r, rejected } = ctx;
  return {
    ...ctx,
    check: op('CHECK', ctx.check),
    recheck: op('RECHECK', ctx.recheck),
    signing: op('SIGN', ctx.signing),
    countersign: departments(ctx.countersign),
    countersignHistory: ctx.countersignHistory.map(departments),
    returned: r && sees(RETURNS, r.at, r.by) ? r : null,
    rejected:
      rejected && !sees(['REJECT'], rejected.at, rejected.actorId)
        ? { ...rejected, reason: '' }
        : rejected,
    versions: ctx.versions.map((v) =>
      v.note === null || sees(['start', 'EDIT', 'FINALIZE'], v.at, v.actorId)
        ? v
        : { ...v, note: null },
    ),
    reminders: ctx.reminders.map((m) =>
      m.note === null || m.by === TIMER_ACTOR || sees(['REMIND_RECEIPTS'], m.at, m.by)
        ? m
        : { ...m, note: null },
    ),
  };
}

/**
 * Who may see a 发文 case and how much — the one rule behind every view of it (办理过程,
 * 审核意见, 发文稿纸, versions): as for 收文, leaders, the office director and the secretariat
 * see all; others see their own steps and those of people below them (status only downward),
 * and the opinions written in those steps only. Besides, someone who neither took part nor is
 * above anyone who did sees nothing (`none`); a classified document (密级 other than 非密) is
 * shown only to those who took part in it (or hold a see-all role); and the drafter, while it
 * is their turn, sees what was handed back to them (the 退回 reason; in 返还 the 会签 opinions
 * to consolidate). `actingFor` adds the views of the principals the viewer deputises for (代理).
 */
export async function visibleOutgoingFlow(args: {
  viewerId: string;
  caseRecord: Viewed;
  ledger: readonly LedgerRecord[];
  tasks: readonly TaskRecord[];
  directory: Directory;
  actingFor?: readonly string[];
}): Promise<VisibleOutgoingFlow> {
  const ctx = outgoingContextOf(args.caseRecord);
  const views = await Promise.all(
    [args.viewerId, ...(args.actingFor ?? [])].map((id) => oneViewer(id, args)),
  );
  if (views.some((v) => v.scope === 'all'))
    return { scope: 'all', ledger: [...args.ledger], tasks: [...args.tasks], context: ctx };
  if (views.every((v) => v.scope === 'none'))
    return { scope: 'none', ledger: [], tasks: [], context: redactContext(ctx, []) };
  const seqs = new Set(views.flatMap((v) => v.ledger.map((e) => e.seq)));
  const taskIds = new Set(views.flatMap((v) => v.tasks.map((t) => t.id)));
  const ledger = args.ledger.filter((e) => seqs.has(e.seq));
  return {
    scope: 'downward',
    ledger,
    tasks: args.tasks.filter((t) => taskIds.has(t.id)),
    context: redactContext(ctx, ledger),
  };
}
