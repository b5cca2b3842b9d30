import type { Directory } from '../../directory/directory.ts';
import type { Department, User } from '../../directory/model.ts';
import { departmentSubtree } from '../../directory/org-tree.ts';
import { NotPermitted, ValidationFailed } from '../../errors.ts';
import type {
  CaseFacts,
  EventMeta,
  EventSpec,
  WorkflowDefinition,
} from '../../workflow/definition.ts';
import type { OutgoingContext } from './context.ts';
import { currentDocNumber } from './doc-numbers.ts';
import type { Recipient } from './fields.ts';
import { OUTGOING_ROLES } from './steps.ts';
import { baseTaskKey, isCountersignTaskKey } from './task-keys.ts';

/** One problem found by `checkOutgoingEvent`. */
export interface OutgoingOrgProblem {
  /** `actor`: the sender may not take this step; `payload`: a named person, unit or department is out of place. */
  kind: 'actor' | 'payload';
  message: string;
}

function obj(v: unknown): Record<string, unknown> | null {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : null;
}

function recipients(v: unknown): Recipient[] {
  return Array.isArray(v) ? (v as Recipient[]) : [];
}

/** Roles that may draft in the name of any department of their unit (办公室主任, 文秘). */
export const OUTGOING_DRAFT_FOR_ANY_ROLES: readonly string[] = [
  OUTGOING_ROLES.officeDirector,
  OUTGOING_ROLES.secretary,
];

/** 机关代字 reserved for a department (and those below it), by department id: `{ office: ['示政办发'] }`. */
export type DepartmentIssuerCodes = Readonly<Record<string, readonly string[]>>;

/** True when `code` is the unit's own 机关代字 or one formed from its stem (示政发 → 示政, 示政函, 示政办发 …). */
export function isUnitIssuerCode(unitCode: string | null, code: string): boolean {
  if (!unitCode) return false;
  if (code === unitCode) return true;
  const stem = unitCode.replace(/[发函]$/, '');
  return stem !== '' && stem !== unitCode && code.startsWith(stem);
}

/** The ids of the departments `drafter` may draft in the name of (see `checkDraftingHeader`). */
function draftingAllowed(departments: readonly Department[], drafter: User): Set<string> {
  if (drafter.roles.some((r) => OUTGOING_DRAFT_FOR_ANY_ROLES.includes(r)))
    return new Set(departments.map((d) => d.id));
  const headed = departments.filter((d) => d.headUserId === drafter.id).map((d) => d.id);
  const allowed = new Set(headed.flatMap((id) => [...departmentSubtree(departments, id)]));
  if (drafter.departmentId) allowed.add(drafter.departmentId);
  return allowed;
}

/**
 * The departments a user may pick as 拟稿单位 (their own, those below one they head, or all for
 * 办公室主任 and 文秘), in the directory's order; empty for an inactive user or another unit's.
 */
export async function draftableDepartments(args: {
  directory: Directory;
  unitId: string;
  drafterId: string;
}): Promise<Department[]> {
  const drafter = await args.directory.getUser(args.drafterId);
  if (!drafter?.active || drafter.unitId !== args.unitId) return [];
  const departments = await args.directory.listDepartments(args.unitId);
  const allowed = draftingAllowed(departments, drafter);
  return departments.filter((d) => allowed.has(d.id));
}

/**
 * The 拟稿单位 and 机关代字 rule of a 发文 header: the 拟稿单位 is a department of the unit; the
 * drafter may draft in its name — their own department, the departments below one they head, or
 * any department when they hold a role in OUTGOING_DRAFT_FOR_ANY_ROLES (`actor` problem
 * otherwise); the 机关代字 belongs to the unit (`isUnitIssuerCode`) or is reserved for the 拟稿单位
 * or a department above it, and one reserved for another department is refused.
 */
export async function checkDraftingHeader(args: {
  directory: Directory;
  unitId: string;
  drafterId: string;
  draftingDepartment: string;
  issuerCode: string;
  departmentIssuerCodes?: DepartmentIssuerCodes | undefined;
}): Promise<OutgoingOrgProblem[]> {
  const { directory, unitId, issuerCode } = args;
  const problems: OutgoingOrgProblem[] = [];
  const departments = await directory.listDepartments(unitId);
  const byId = new Map(departments.map((d) => [d.id, d]));
  const dept = byId.get(args.draftingDepartment);
  if (!dept) {
    problems.push({
      kind: 'payload',
      message: `拟稿单位“${args.draftingDepartment}”不存在或不属于本单位`,
    });
    return problems;
  }
  const drafter = await directory.getUser(args.drafterId);
  if (!drafter?.active || drafter.unitId !== unitId) {
    problems.push({ kind: 'actor', message: '拟稿人须为本单位在职人员' });
    return problems;
  }
  if (!draftingAllowed(departments, drafter).has(dept.id)) {
    const own = drafter.departmentId ? byId.get(drafter.departmentId)?.name : undefined;
    const heads = departments.some((d) => d.headUserId === drafter.id);
    problems.push({
      kind: 'actor',
      message: own
        ? `${drafter.name}无权以${dept.name}名义拟稿，只能以本部门（${own}）${heads ? '及所辖部门' : ''}名义拟稿`
        : `${drafter.name}未设所属部门，无权以${dept.name}名义拟稿`,
    });
  }
  const above = new Set<string>();
  for (let d: Department | undefined = dept; d && !above.has(d.id); ) {
    above.add(d.id);
    d = d.parentId ? byId.get(d.parentId) : undefined;
  }
  const owners = Object.entries(args.departmentIssuerCodes ?? {})
    .filter(([, codes]) => codes.includes(issuerCode))
    .map(([id]) => id);
  if (owners.some((id) => above.has(id))) return problems;
  if (owners.length > 0) {
    const names = owners.map((id) => byId.get(id)?.name ?? id).join('、');
    problems.push({
      kind: 'payload',
      message: `机关代字“${issuerCode}”为${names}专用，不能用于${dept.name}的发文`,
    });
    return problems;
  }
  const unit = await directory.getUnit(unitId);
  if (!isUnitIssuerCode(unit?.issuerCode ?? null, issuerCode)) {
    problems.push({
      kind: 'payload',
      message: unit?.issuerCode
        ? `机关代字“${issuerCode}”不属于${unit.name}（本单位机关代字为${unit.issuerCode}）`
        : `本单位未设机关代字，不能使用“${issuerCode}”`,
    });
  }
  return problems;
}

/**
 * The organisation rules of 发文 that need the directory, which the pure machine cannot read:
 * the 拟稿单位 and 机关代字 follow `checkDraftingHeader` (at 保存正文 with 稿头, 送核稿 and 核稿); platform recipients are other
 * units on the platform; the 核稿人 and 复核人 are active users of the unit (without a named
 * 核稿人 the drafter needs a direct superior); the 签发人 holds the leader role; 会签 departments
 * exist and have a head; 会签 head steps come from that department's head; 会签人 belong to the
 * department or below; SEAL carries the case's current 文号; DISTRIBUTE covers every recipient.
 * The workflow runs these as each event's `check`; call this only to show problems early.
 */
export async function checkOutgoingEvent(args: {
  directory: Directory;
  unitId: string;
  actorId: string;
  onBehalfOf?: string | null;
  context: OutgoingContext;
  event: { type: string; [key: string]: unknown };
  /** Keys of the tasks that admitted the sender (from the engine), for 会签 steps. */
  taskKeys?: readonly string[];
  /** 机关代字 reserved for departments (the workflow's `departmentIssuerCodes`). */
  departmentIssuerCodes?: DepartmentIssuerCodes | undefined;
}): Promise<OutgoingOrgProblem[]> {
  const { directory, event, context: ctx, unitId } = args;
  const principal = args.onBehalfOf ?? args.actorId;
  const problems: OutgoingOrgProblem[] = [];
  const payload = (message: string) => problems.push({ kind: 'payload', message });
  const departments = await directory.listDepartments(unitId);
  const byId = new Map(departments.map((d) => [d.id, d]));
  const activeUserOfUnit = async (id: string) => {
    const u = await directory.getUser(id);
    return u?.active && u.unitId === unitId ? u : null;
  };

  // the header as it would be after this event (EDIT may change it)
  const headerChange = event.type === 'EDIT' ? obj(event.header) : null;
  const header = { ...ctx.header, ...(headerChange ?? {}) };
  const checksHeader = event.type === 'SUBMIT' || event.type === 'CHECK' || headerChange !== null;
  if (checksHeader) {
    if (header.secrecy !== '非密' && !header.secrecyTerm) payload('涉密文件须填写保密期限');
    const drafting = await checkDraftingHeader({
      directory,
      unitId,
      drafterId: ctx.drafter,
      draftingDepartment: header.draftingDepartment,
      issuerCode: header.issuerCode,
      departmentIssuerCodes: args.departmentIssuerCodes,
    });
    // whoever changes the header answers for it; at 送核稿 and 核稿 it is checked as it stands
    for (const p of drafting) problems.push(headerChange ? p : { ...p, kind: 'payload' });
    for (const r of [...recipients(header.mainRecipients), ...recipients(header.ccRecipients)]) {
      if (!('unitId' in r)) continue;
      const unit = await directory.getUnit(r.unitId);
      if (!unit) payload(`受文单位“${r.unitId}”不在平台上，请按名称填写`);
      else if (unit.id === unitId) payload('主送、抄送不能是本单位');
    }
  }
  if (event.type === 'SUBMIT') {
    if (typeof event.checker === 'string') {
      if (!(await activeUserOfUnit(event.checker)))
        payload(`核稿人须为本单位在职人员：${event.checker}`);
    } else {
      const drafter = await directory.getUser(ctx.drafter);
      const superior = drafter?.superiorId ? await activeUserOfUnit(drafter.superiorId) : null;
      if (!superior) payload('拟稿人未设直接上级，请指定核稿人');
    }
  }
  const plan =
    event.type === 'CHECK' || event.type === 'COUNTERSIGN_AGAIN' ? obj(event.countersign) : null;
  if (plan && Array.isArray(plan.departments)) {
    for (const item of plan.departments as Array<{ departmentId: string }>) {
      const d = byId.get(item.departmentId);
      if (!d) payload(`会签部门“${item.departmentId}”不存在`);
      else if (!d.headUserId) payload(`${d.name}未设负责人`);
    }
  }
  if (event.type === 'CHECK') {
    const signer = await activeUserOfUnit(String(event.signer));
    if (!signer?.roles.includes('leader')) payload(`签发人须为本单位领导：${String(event.signer)}`);
    if (typeof event.rechecker === 'string' && !(await activeUserOfUnit(event.rechecker)))
      payload(`复核人须为本单位在职人员：${event.rechecker}`);
  }
  if (event.type === 'ASSIGN_MEMBER' || event.type === 'COUNTERSIGN') {
    const dept = byId.get(String(event.departmentId));
    if (!dept) payload(`会签部门“${String(event.departmentId)}”不存在`);
    else {
      const keys = (args.taskKeys ?? [])
        .map(baseTaskKey)
        .filter((k) => isCountersignTaskKey(k, dept.id));
      const headStep =
        event.type === 'ASSIGN_MEMBER' ||
        keys.some((k) => k.endsWith(':head') || k.endsWith(':review'));
      if (headStep && dept.headUserId !== principal)
        problems.push({ kind: 'actor', message: `只有${dept.name}负责人可以办理此步骤` });
      if (event.type === 'ASSIGN_MEMBER') {
        const member = await activeUserOfUnit(String(event.memberId));
        if (
          !member?.departmentId ||
          !departmentSubtree(departments, dept.id).has(member.departmentId)
        )
          payload(`会签人须为${dept.name}或其下属科室人员`);
      }
    }
  }
  if (event.type === 'SEAL') {
    const current = currentDocNumber(ctx);
    if (current === null || current.docNumber !== event.docNumber)
      payload(`盖章文件的文号（${String(event.docNumber)}）与办件文号不符`);
  }
  if (event.type === 'DISTRIBUTE' && Array.isArray(event.deliveries)) {
    const given = new Map(
      (event.deliveries as Array<{ recipient: string; incomingCaseId?: string }>).map((d) => [
        d.recipient,
        d,
      ]),
    );
    const missing = ctx.recipients.filter((r) => !given.has(r.key)).map((r) => r.key);
    const unknown = [...given.keys()].filter((k) => !ctx.recipients.some((r) => r.key === k));
    if (missing.length > 0) payload(`以下受文单位尚未分发：${missing.join('、')}`);
    if (unknown.length > 0) payload(`不是本文的受文单位：${unknown.join('、')}`);
    if (given.size !== (event.deliveries as unknown[]).length) payload('同一受文单位不能重复分发');
    for (const r of ctx.recipients)
      if ('unitId' in r.recipient && given.has(r.key) && !given.get(r.key)!.incomingCaseId)
        payload(`平台内单位须生成收文办件：${r.recipient.unitId}`);
  }
  return problems;
}

/** `checkOutgoingEvent`, throwing NotPermitted (wrong sender) or ValidationFailed (payload). */
export async function assertOutgoingEvent(
  args: Parameters<typeof checkOutgoingEvent>[0],
): Promise<void> {
  throwOutgoingProblems(await checkOutgoingEvent(args), args.event.type);
}

/** Throws NotPermitted for an `actor` problem, else ValidationFailed listing every problem. */
function throwOutgoingProblems(problems: OutgoingOrgProblem[], event: string): void {
  const actor = problems.find((p) => p.kind === 'actor');
  if (actor) throw new NotPermitted(actor.message, { event });
  if (problems.length > 0) {
    throw new ValidationFailed(problems.map((p) => p.message).join('；'), {
      issues: problems.map((p) => ({ path: [], message: p.message })),
    });
  }
}

/**
 * The engine-side `startCheck` of 拟稿: the 拟稿单位 and 机关代字 by `checkDraftingHeader`
 * (NotPermitted when the drafter may not draft in that department's name, ValidationFailed
 * otherwise); nothing is written when it throws.
 */
export function outgoingStartCheck(
  departmentIssuerCodes?: DepartmentIssuerCodes,
): NonNullable<WorkflowDefinition['startCheck']> {
  return async ({ payload, facts, directory }) => {
    const problems = await checkDraftingHeader({
      directory,
      unitId: facts.unitId,
      drafterId: facts.startedBy,
      draftingDepartment: String(payload.draftingDepartment),
      issuerCode: String(payload.issuerCode),
      departmentIssuerCodes,
    });
    throwOutgoingProblems(problems, 'start');
  };
}

const COUNTERSIGN_STEPS = new Set(['ASSIGN_MEMBER', 'COUNTERSIGN']);

/**
 * The engine-side `check` of a 发文 event (inside the transition, after authorisation, before
 * the machine; nothing is written when it throws): a 会签 step must come through a task of the
 * department it names (NotPermitted otherwise, also for deputies), then the rules of
 * `checkOutgoingEvent`.
 */
export function outgoingEventCheck(
  type: string,
  title: string,
  departmentIssuerCodes?: DepartmentIssuerCodes,
): NonNullable<EventSpec['check']> {
  return async (args: {
    payload: Record<string, unknown>;
    context: unknown;
    facts: CaseFacts;
    meta: EventMeta;
    directory: Directory;
  }) => {
    const { payload, facts, meta, directory } = args;
    const departmentId = typeof payload.departmentId === 'string' ? payload.departmentId : null;
    if (COUNTERSIGN_STEPS.has(type) && departmentId !== null && meta.taskKeys !== undefined) {
      if (!meta.taskKeys.some((k) => isCountersignTaskKey(k, departmentId))) {
        const dept = await directory.getDepartment(departmentId);
        const name = dept && dept.unitId === facts.unitId ? dept.name : `部门“${departmentId}”`;
        throw new NotPermitted(`您不是${name}“${title}”的办理人`, { event: type, departmentId });
      }
    }
    await assertOutgoingEvent({
      directory,
      unitId: facts.unitId,
      actorId: meta.actorId,
      onBehalfOf: meta.onBehalfOf,
      context: args.context as OutgoingContext,
      event: { ...payload, type },
      ...(meta.taskKeys !== undefined && { taskKeys: meta.taskKeys }),
      departmentIssuerCodes,
    });
  };
}
