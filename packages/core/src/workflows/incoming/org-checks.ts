import type { Directory } from '../../directory/directory.ts';
import { departmentSubtree } from '../../directory/org-tree.ts';
import { NotPermitted, ValidationFailed } from '../../errors.ts';
import type { EventSpec } from '../../workflow/definition.ts';
import { isDepartmentTaskKey } from './task-keys.ts';

/** One problem found by `checkIncomingEvent`. */
export interface IncomingOrgProblem {
  /** `actor`: the sender is not the department's head; `payload`: a named person or department is out of place. */
  kind: 'actor' | 'payload';
  message: string;
}

const HEAD_EVENTS = new Set(['ASSIGN', 'CONFIRM', 'SEND_BACK', 'PICK_READERS']);

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/**
 * The organisation rules of 收文 that need the directory, which the pure machine cannot
 * read: a department step is sent by that department's head (or their deputy, named in
 * `onBehalfOf`); handlers come from the department or below it; readers from the department
 * itself; 批示 leaders hold the leader role; 传阅 goes only to departments directly below the
 * unit's top, and a head passes it only one level down (never skipping a level).
 * The 收文 workflow runs these rules itself as each event's `check` (see `incomingEventCheck`),
 * so `engine.send` enforces them; call this only to show problems early, e.g. in a form.
 */
export async function checkIncomingEvent(args: {
  directory: Directory;
  unitId: string;
  actorId: string;
  onBehalfOf?: string | null;
  event: { type: string; [key: string]: unknown };
}): Promise<IncomingOrgProblem[]> {
  const { directory, event } = args;
  const principal = args.onBehalfOf ?? args.actorId;
  const problems: IncomingOrgProblem[] = [];
  const departments = await directory.listDepartments(args.unitId);
  const byId = new Map(departments.map((d) => [d.id, d]));
  const departmentId = typeof event.departmentId === 'string' ? event.departmentId : null;
  const dept = departmentId ? byId.get(departmentId) : undefined;
  if (departmentId && !dept) {
    problems.push({ kind: 'payload', message: `部门“${departmentId}”不存在` });
    return problems;
  }
  if (dept && HEAD_EVENTS.has(event.type) && dept.headUserId !== principal) {
    problems.push({ kind: 'actor', message: `只有${dept.name}负责人可以办理此步骤` });
  }
  if (dept && (event.type === 'ASSIGN' || event.type === 'HAND_DOWN')) {
    const handler = await directory.getUser(String(event.handlerId));
    const allowed = departmentSubtree(departments, dept.id);
    if (!handler?.active || !handler.departmentId || !allowed.has(handler.departmentId)) {
      problems.push({ kind: 'payload', message: `承办人须为${dept.name}或其下属科室人员` });
    }
  }
  if (dept && event.type === 'PICK_READERS') {
    const readers = strings(event.readers);
    const found = await directory.getUsers(readers);
    const ok = new Set(
      found.filter((u) => u.active && u.departmentId === dept.id).map((u) => u.id),
    );
    const outside = readers.filter((r) => !ok.has(r));
    if (outside.length > 0) {
      problems.push({
        kind: 'payload',
        message: `阅读人须为${dept.name}人员：${outside.join('、')}`,
      });
    }
  }
  if (dept && event.type === 'PICK_READERS') {
    for (const id of strings(event.forwardTo)) {
      const child = byId.get(id);
      if (child?.parentId !== dept.id)
        problems.push({
          kind: 'payload',
          message: `只能转给${dept.name}的直属下级部门：${child?.name ?? id}`,
        });
    }
  }
  const proposal =
    event.type === 'PROPOSE'
      ? event
      : event.type === 'REVIEW' && typeof event.proposal === 'object' && event.proposal !== null
        ? (event.proposal as Record<string, unknown>)
        : null;
  if (proposal) {
    const leaders = strings(proposal.leaders);
    const found = await directory.getUsers(leaders);
    const ok = new Set(
      found
        .filter((u) => u.active && u.unitId === args.unitId && u.roles.includes('leader'))
        .map((u) => u.id),
    );
    const notLeaders = leaders.filter((l) => !ok.has(l));
    if (notLeaders.length > 0)
      problems.push({ kind: 'payload', message: `批示人须为本单位领导：${notLeaders.join('、')}` });
  }
  const handling = [
    ...(typeof proposal?.mainDepartment === 'string' ? [proposal.mainDepartment] : []),
    ...strings(proposal?.assistDepartments),
    ...strings(event.addAssistDepartments),
  ];
  for (const id of handling) {
    const d = byId.get(id);
    if (!d) problems.push({ kind: 'payload', message: `承办部门“${id}”不存在` });
    else if (!d.headUserId) problems.push({ kind: 'payload', message: `${d.name}未设负责人` });
  }
  const circulate = [
    ...strings(proposal?.circulateDepartments),
    ...strings(event.addCirculateDepartments),
  ];
  const roots = new Set(departments.filter((d) => d.parentId === null).map((d) => d.id));
  for (const id of circulate) {
    const d = byId.get(id);
    if (!d) problems.push({ kind: 'payload', message: `传阅部门“${id}”不存在` });
    else if (d.parentId === null || !roots.has(d.parentId))
      problems.push({ kind: 'payload', message: `传阅不能越级：${d.name}不是直属部门` });
  }
  return problems;
}

/** `checkIncomingEvent`, throwing NotPermitted (wrong sender) or ValidationFailed (payload). */
export async function assertIncomingEvent(
  args: Parameters<typeof checkIncomingEvent>[0],
): Promise<void> {
  const problems = await checkIncomingEvent(args);
  const actor = problems.find((p) => p.kind === 'actor');
  if (actor) throw new NotPermitted(actor.message, { event: args.event.type });
  if (problems.length > 0) {
    throw new ValidationFailed(problems.map((p) => p.message).join('；'), {
      issues: problems.map((p) => ({ path: [], message: p.message })),
    });
  }
}

/** Department steps, and which of the department's tasks must have admitted the sender. */
const DEPARTMENT_STEPS: Record<string, 'handle' | 'circulate' | 'read'> = {
  ASSIGN: 'handle',
  HAND_DOWN: 'handle',
  SUBMIT_RESULT: 'handle',
  CONFIRM: 'handle',
  SEND_BACK: 'handle',
  PICK_READERS: 'circulate',
  READ: 'read',
};

/**
 * The engine-side `check` of a 收文 event (runs inside the transition, after authorisation,
 * before the machine; nothing is written when it throws):
 * 1. a department step must have been admitted through a task of the department it names
 *    (`meta.taskKeys`), so the head or handler of one department never acts for another
 *    (NotPermitted); a deputy is admitted through the principal's task;
 * 2. the organisation rules of `checkIncomingEvent` (NotPermitted for the wrong sender,
 *    ValidationFailed for people or departments out of place); 审阅 `accept` checks the
 *    proposal in force, since the directory may have changed since 拟办.
 */
export function incomingEventCheck(type: string, title: string): NonNullable<EventSpec['check']> {
  return async ({ payload, context, facts, meta, directory }) => {
    const kind = DEPARTMENT_STEPS[type];
    const departmentId = typeof payload.departmentId === 'string' ? payload.departmentId : null;
    if (kind && departmentId !== null && meta.taskKeys !== undefined) {
      const principal = meta.onBehalfOf ?? meta.actorId;
      if (!meta.taskKeys.some((k) => isDepartmentTaskKey(k, kind, departmentId, principal))) {
        const dept = await directory.getDepartment(departmentId);
        const name = dept && dept.unitId === facts.unitId ? dept.name : `部门“${departmentId}”`;
        throw new NotPermitted(`您不是${name}“${title}”的办理人`, {
          event: type,
          departmentId,
        });
      }
    }
    // 审阅 `accept` passes on the proposal in force: check it against today's directory.
    const inForce = (context as { proposal?: unknown } | null)?.proposal;
    const event =
      type === 'REVIEW' && payload.decision === 'accept' && inForce
        ? { ...payload, type, proposal: inForce }
        : { ...payload, type };
    await assertIncomingEvent({
      directory,
      unitId: facts.unitId,
      actorId: meta.actorId,
      onBehalfOf: meta.onBehalfOf,
      event,
    });
  };
}
