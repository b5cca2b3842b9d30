import { z } from 'zod';
import { createChineseCalendar, type WorkingCalendar } from '../../calendar/working-calendar.ts';
import type { Directory } from '../../directory/directory.ts';
import { NotPermitted, ValidationFailed } from '../../errors.ts';
import type { Store } from '../../ports/store.ts';
import { stateToString } from '../../util/state-value.ts';
import type { AssigneeRule } from '../../workflow/assignee-rule.ts';
import {
  type CaseFacts,
  defineWorkflow,
  type EventSpec,
  type LedgerProjection,
  type TaskSpec,
  type WorkflowDefinition,
} from '../../workflow/definition.ts';
import {
  type CustomFlowContext,
  type CustomFlowMachine,
  finalStateOf,
  type QueueEntry,
  REJECTED_STATE,
  type ResolvedOrg,
  stateOf,
} from './context.ts';
import { nodeTaskKey, pendingMembers, readTaskKey, ruleOf } from './context-queries.ts';
import { forbiddenWrites, requiredAt, validateFormValues } from './form.ts';
import type {
  AssigneeSpec,
  FlowDefinition,
  FlowDefinitionInput,
  FlowNode,
  NodeAction,
} from './format.ts';
import { createCustomFlowMachine } from './machine.ts';
import { parseFlowDefinition } from './validate.ts';

/** The registry name of a custom flow: `flow-<key>`; its version is the published version. */
export function customWorkflowName(key: string): string {
  return `flow-${key}`;
}

/** Options of `defineCustomWorkflow`. */
export interface CustomWorkflowOptions {
  /** Deadlines count working days on it; pass the engine's calendar (default: Chinese statutory). */
  calendar?: WorkingCalendar;
  /** Role codes the unit knows (default: the built-in `ROLES`). */
  roles?: readonly string[];
  /**
   * Reads a case's task rows, so that 撤回 is refused once the next handler has opened the task
   * (签收, `engine.openTask`). Pass the engine's store. Without it, 撤回 is allowed until the next
   * handler acts.
   */
  tasks?: Pick<Store, 'listTasks'>;
}

/** A compiled custom flow: a normal WorkflowDefinition plus the definition it came from. */
export type CustomWorkflow = WorkflowDefinition<CustomFlowMachine> & {
  /** The validated flow definition. */
  flow: FlowDefinition;
};

const ACTION_EVENTS: Record<NodeAction, string> = {
  approve: 'APPROVE',
  return: 'RETURN',
  reject: 'REJECT',
  transfer: 'TRANSFER',
  addSign: 'ADD_SIGN',
};

/** The actions of a node (defaults: 审批 同意/退回/驳回, 办理 办理完毕/退回, 会签 同意/不同意). */
export function nodeActions(node: FlowNode): NodeAction[] {
  if (node.type === 'approve') return node.actions ?? ['approve', 'return', 'reject'];
  if (node.type === 'handle') return node.actions ?? ['approve', 'return'];
  if (node.type === 'countersign')
    return (node.actions ?? ['approve', 'reject']).filter(
      (a) => a !== 'addSign' && a !== 'transfer',
    );
  return [];
}

const ZId = z
  .string()
  .min(1, '请选择人员')
  .max(64)
  .regex(/^[A-Za-z0-9_.:-]+$/, '编号格式不正确');
const ZOpinion = z.string().trim().max(2000, '意见不能超过2000字').optional();
const ZForm = z.record(z.string(), z.unknown()).optional();
const required = (what: string) =>
  z
    .string({ message: `请填写${what}` })
    .trim()
    .min(1, `请填写${what}`)
    .max(2000, `${what}不能超过2000字`);

/** Payload schemas of the custom-flow events. */
export const CUSTOM_FLOW_SCHEMAS = {
  SUBMIT: z.object({ form: ZForm, opinion: ZOpinion }),
  APPROVE: z.object({ form: ZForm, opinion: ZOpinion }),
  RETURN: z.object({ opinion: required('退回理由'), to: z.string().min(1).max(40).optional() }),
  REJECT: z.object({ opinion: required('驳回理由') }),
  TRANSFER: z.object({ to: ZId, opinion: ZOpinion }),
  ADD_SIGN: z.object({
    users: z.array(ZId).min(1, '请选择加签人员').max(10, '加签至多10人'),
    position: z.enum(['before', 'after'], { message: '请选择前加签或后加签' }),
    opinion: ZOpinion,
  }),
  WITHDRAW: z.object({ opinion: ZOpinion }),
  REMIND: z.object({ note: z.string().trim().max(500).optional() }),
  READ: z.object({ opinion: ZOpinion }),
};

/** Walks up the superior chain of a user (at most `levels`), returning the ids met. */
async function superiorsOf(
  directory: Directory,
  userId: string,
  levels: number,
): Promise<string[]> {
  const out: string[] = [];
  let at = await directory.getUser(userId);
  while (at?.superiorId && out.length < levels && !out.includes(at.superiorId)) {
    out.push(at.superiorId);
    at = await directory.getUser(at.superiorId);
  }
  return out;
}

/**
 * The organisation facts of a case, resolved at 提交 inside the transaction: for each node whose
 * rule needs the directory, the users it names now. 部门负责人 (no department given) is the head of
 * the starter's department — or, when the starter is that head, their direct superior. 分管领导 is
 * the nearest holder of the `leader` role up the starter's superior chain.
 */
export async function resolveFlowOrg(
  def: FlowDefinition,
  starterId: string,
  unitId: string,
  form: Readonly<Record<string, unknown>>,
  directory: Directory,
): Promise<ResolvedOrg> {
  const assignees: Record<string, string[]> = {};
  const starter = await directory.getUser(starterId);
  for (const n of def.nodes) {
    if (!('assignee' in n)) continue;
    const a: AssigneeSpec = n.assignee;
    let ids: string[] = [];
    if (a.kind === 'user') ids = [a.userId];
    else if (a.kind === 'users') ids = [...a.userIds];
    else if (a.kind === 'role')
      ids = (await directory.usersWithRole(unitId, a.role, a.departmentId)).map((u) => u.id);
    else if (a.kind === 'departmentHead') {
      const deptId = a.departmentId ?? starter?.departmentId ?? null;
      const dept = deptId ? await directory.getDepartment(deptId) : null;
      const head = dept?.unitId === unitId ? dept.headUserId : null;
      if (head && head === starterId && a.departmentId === undefined)
        ids = (await superiorsOf(directory, starterId, 1)).slice(0, 1);
      else if (head) ids = [head];
    } else if (a.kind === 'superior') {
      const chain = await superiorsOf(directory, starterId, a.levels);
      ids = chain.length === a.levels ? [chain.at(-1)!] : [];
    } else if (a.kind === 'supervisingLeader') {
      for (const id of await superiorsOf(directory, starterId, 10)) {
        const u = await directory.getUser(id);
        if (u?.roles.includes('leader')) {
          ids = [id];
          break;
        }
      }
    } else if (a.kind === 'field') {
      const v = form[a.field];
      if (Array.isArray(v)) ids = v.map(String);
      else if (typeof v === 'string' && v !== '') {
        if (def.form.schema.properties[a.field]?.format === 'department') {
          const dept = await directory.getDepartment(v);
          ids = dept?.headUserId ? [dept.headUserId] : [];
        } else ids = [v];
      }
    }
    if (ids.length > 0) {
      const found = await directory.getUsers(ids);
      const ok = new Set(found.filter((u) => u.active && u.unitId === unitId).map((u) => u.id));
      ids = [...new Set(ids)].filter((id) => ok.has(id));
    }
    assignees[n.id] = ids;
  }
  return { assignees };
}

function starterRule(spec: AssigneeSpec | undefined): AssigneeRule | undefined {
  if (!spec) return undefined;
  if (spec.kind === 'user') return { user: spec.userId };
  if (spec.kind === 'users') return { users: spec.userIds };
  if (spec.kind === 'role')
    return spec.departmentId === undefined
      ? { role: spec.role }
      : { role: spec.role, department: spec.departmentId };
  if (spec.kind === 'departmentHead' && spec.departmentId) return { headOf: spec.departmentId };
  return undefined;
}

const ctxOf = (context: unknown) => context as CustomFlowContext;

/**
 * Compiles a flow definition (validated here) into a normal WorkflowDefinition named
 * `flow-<key>` at `version`, run by the same engine as the built-in workflows: tasks, ledger,
 * timers and notices come from the same machinery. Throws ValidationFailed, with Chinese
 * messages naming each faulty node or edge, when the definition is invalid.
 */
export function defineCustomWorkflow(
  definition: FlowDefinitionInput | FlowDefinition,
  version: number,
  options: CustomWorkflowOptions = {},
): CustomWorkflow {
  const def = parseFlowDefinition(
    definition,
    options.roles === undefined ? {} : { roles: options.roles },
  );
  const calendar = options.calendar ?? createChineseCalendar();
  const machine = createCustomFlowMachine(def, { calendar });
  const nodes = new Map(def.nodes.map((n) => [n.id, n]));
  const start = def.nodes.find((n) => n.type === 'start')!;
  const fieldTitle = (f: string) => def.form.schema.properties[f]?.title ?? f;
  const hiddenSomewhere = new Set(
    def.nodes.flatMap((n) =>
      Object.entries(n.fields ?? {})
        .filter(([, p]) => p === 'hidden')
        .map(([f]) => f),
    ),
  );

  /** Form writes: only fields editable at the node; values valid; required ones filled. */
  const formCheck =
    (completes: boolean): NonNullable<EventSpec['check']> =>
    async ({ payload, context, facts, directory }) => {
      const ctx = ctxOf(context);
      const node = nodes.get(ctx.current.node)!;
      const form = (payload.form ?? {}) as Record<string, unknown>;
      const forbidden = forbiddenWrites(
        node,
        Object.keys(form).filter((f) => def.form.schema.properties[f]),
      );
      if (forbidden.length > 0)
        throw new NotPermitted(
          `“${node.name}”环节不能修改字段：${forbidden.map(fieldTitle).join('、')}`,
          {
            fields: forbidden,
          },
        );
      const merged = { ...ctx.form, ...form };
      const issues = validateFormValues(def, form, []);
      if (completes)
        for (const f of requiredAt(def, node)) {
          const v = merged[f];
          if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0))
            issues.push({ path: [f], message: `请填写“${fieldTitle(f)}”` });
        }
      const users = Object.entries(form).flatMap(([f, v]) => {
        const s = def.form.schema.properties[f];
        if (s?.format === 'user' && typeof v === 'string') return [v];
        if (s?.type === 'array' && s.items?.format === 'user' && Array.isArray(v))
          return v.map(String);
        return [];
      });
      if (users.length > 0) {
        const found = await directory.getUsers(users);
        const ok = new Set(
          found.filter((u) => u.active && u.unitId === facts.unitId).map((u) => u.id),
        );
        const bad = users.filter((u) => !ok.has(u));
        if (bad.length > 0)
          issues.push({ path: ['form'], message: `人员须为本单位在职人员：${bad.join('、')}` });
      }
      if (issues.length > 0)
        throw new ValidationFailed(issues.map((i) => i.message).join('；'), {
          issues: issues.map((i) => ({ path: ['form', ...i.path], message: i.message })),
        });
    };

  const activeUsers = async (directory: Directory, unitId: string, ids: string[], what: string) => {
    const found = await directory.getUsers(ids);
    const ok = new Set(found.filter((u) => u.active && u.unitId === unitId).map((u) => u.id));
    const bad = ids.filter((id) => !ok.has(id));
    if (bad.length > 0) throw new ValidationFailed(`${what}须为本单位在职人员：${bad.join('、')}`);
  };

  const events: Record<string, EventSpec> = {
    SUBMIT: {
      title: '提交',
      schema: CUSTOM_FLOW_SCHEMAS.SUBMIT,
      check: async (args) => {
        await formCheck(true)(args);
        const ctx = ctxOf(args.context);
        const form = { ...ctx.form, ...((args.payload.form ?? {}) as Record<string, unknown>) };
        // The organisation facts go to the pure machine with the event (the zod schema strips
        // any `$org` a client sends, so only this check can set it).
        args.payload.$org = await resolveFlowOrg(
          def,
          ctx.starter,
          args.facts.unitId,
          form,
          args.directory,
        );
      },
    },
    APPROVE: { title: '同意', schema: CUSTOM_FLOW_SCHEMAS.APPROVE, check: formCheck(true) },
    RETURN: {
      title: '退回',
      schema: CUSTOM_FLOW_SCHEMAS.RETURN,
      check: async ({ payload, context }) => {
        const ctx = ctxOf(context);
        const to = payload.to as string | undefined;
        const earlier = ctx.path.slice(0, -1).map((p) => p.node);
        if (to !== undefined && !earlier.includes(to))
          throw new ValidationFailed(
            `只能退回到已经过的环节：${earlier.map((id) => nodes.get(id)?.name ?? id).join('、') || '无'}`,
            { issues: [{ path: ['to'], message: '只能退回到已经过的环节' }] },
          );
      },
    },
    REJECT: { title: '驳回', schema: CUSTOM_FLOW_SCHEMAS.REJECT },
    TRANSFER: {
      title: '转办',
      schema: CUSTOM_FLOW_SCHEMAS.TRANSFER,
      check: async ({ payload, facts, meta, directory }) => {
        const to = payload.to as string;
        if (to === (meta.onBehalfOf ?? meta.actorId)) throw new ValidationFailed('不能转办给自己');
        await activeUsers(directory, facts.unitId, [to], '转办对象');
      },
    },
    ADD_SIGN: {
      title: '加签',
      schema: CUSTOM_FLOW_SCHEMAS.ADD_SIGN,
      check: async ({ payload, facts, meta, directory }) => {
        const users = payload.users as string[];
        if (new Set(users).size !== users.length) throw new ValidationFailed('加签人员不能重复');
        if (users.includes(meta.onBehalfOf ?? meta.actorId))
          throw new ValidationFailed('不能给自己加签');
        await activeUsers(directory, facts.unitId, users, '加签人员');
      },
    },
    WITHDRAW: {
      title: '撤回',
      schema: CUSTOM_FLOW_SCHEMAS.WITHDRAW,
      by: ({ context }) => {
        const run = ctxOf(context).current;
        return run.acted === 0 && run.sentBy && run.sentFrom ? { user: run.sentBy } : null;
      },
      check: async ({ context, facts }) => {
        if (!options.tasks) return;
        const run = ctxOf(context).current;
        const prefix = `n:${run.node}:${run.visit}:`;
        const opened = (await options.tasks.listTasks(facts.caseId)).filter(
          (t) => t.key.startsWith(prefix) && t.doneAt === null && t.openedAt !== null,
        );
        if (opened.length > 0)
          throw new NotPermitted(
            `“${nodes.get(run.node)?.name ?? run.node}”的办理人已打开待办，不能撤回`,
          );
      },
    },
    REMIND: {
      title: '催办',
      schema: CUSTOM_FLOW_SCHEMAS.REMIND,
      by: ({ context }) =>
        ctxOf(context).outcome === null ? { user: ctxOf(context).starter } : null,
    },
    READ: { title: '已阅', schema: CUSTOM_FLOW_SCHEMAS.READ },
  };

  const eventsOf = (node: FlowNode, via: QueueEntry['via'] | null): string[] => {
    let actions = nodeActions(node);
    if (via === 'addBefore' || via === 'addAfter')
      actions = actions.filter((a) => a !== 'addSign' && a !== 'transfer');
    return actions.map((a) => ACTION_EVENTS[a]);
  };

  function tasks({
    snapshot,
  }: {
    snapshot: { value: unknown; context: unknown };
    facts: CaseFacts;
  }): TaskSpec[] {
    const ctx = ctxOf(snapshot.context);
    const state = stateToString(snapshot.value as never);
    const out: TaskSpec[] = [];
    const run = ctx.current;
    const node = nodes.get(run.node)!;
    const due =
      'deadline' in node && node.deadline
        ? { due: { workingDays: node.deadline.workingDays, from: run.enteredAt } }
        : {};
    if (state === stateOf(run.node)) {
      if (node.type === 'start') {
        out.push({
          key: nodeTaskKey(run),
          kind: 'act',
          label: ctx.visit > 1 ? `${node.name}（被退回）` : node.name,
          assignees: { starter: true },
          events: ['SUBMIT'],
        });
      } else if (node.type === 'approve' || node.type === 'handle') {
        const head = run.queue[0];
        if (head) {
          const suffix =
            head.via === 'addBefore' || head.via === 'addAfter'
              ? '（加签）'
              : head.via === 'transfer'
                ? '（转办）'
                : '';
          out.push({
            key: nodeTaskKey(run),
            kind: 'act',
            label: `${node.name}${suffix}`,
            assignees: head.user ? { user: head.user } : ruleOf(def, node.assignee, node.id, ctx),
            events: eventsOf(node, head.via),
            ...due,
          });
        }
      } else if (node.type === 'countersign') {
        const members = pendingMembers(node, run);
        if (members.length === 0 && run.members.length === 0)
          out.push({
            key: nodeTaskKey(run),
            kind: 'act',
            label: node.name,
            assignees: { users: [] },
            events: [],
          });
        const n = run.members.length;
        for (const m of members)
          out.push({
            key: nodeTaskKey(run, m),
            kind: 'act',
            label:
              node.mode === 'sequential' && n > 1
                ? `${node.name}（第${run.members.indexOf(m) + 1}/${n}位）`
                : node.name,
            assignees: { user: m },
            events: eventsOf(node, null),
            ...due,
          });
      }
    }
    if (ctx.reminders > 0 && ctx.outcome === null)
      for (const t of [...out])
        out.push({
          ...t,
          key: `remind:${ctx.reminders}:${t.key}`,
          kind: 'remind',
          label: `催办：${t.label}`,
        });
    for (const r of ctx.reads)
      if (r.readAt === null)
        out.push({
          key: readTaskKey(r),
          kind: 'read',
          label: `知会：${nodes.get(r.node)?.name ?? ''}`,
          assignees: { user: r.user },
          events: ['READ'],
        });
    return out;
  }

  const stateLabels: Record<string, string> = { [REJECTED_STATE]: '已驳回' };
  for (const n of def.nodes) {
    stateLabels[stateOf(n.id)] = n.type === 'end' ? `${n.name}（待阅）` : n.name;
    if (n.type === 'end') stateLabels[finalStateOf(n.id)] = n.name;
  }

  const workflow = defineWorkflow({
    name: customWorkflowName(def.key),
    version,
    title: def.title,
    machine,
    startSchema: z
      .object({ form: z.record(z.string(), z.unknown()).default({}) })
      .superRefine((v, zctx) => {
        const forbidden = forbiddenWrites(
          start,
          Object.keys(v.form).filter((f) => def.form.schema.properties[f]),
        );
        for (const f of forbidden)
          zctx.addIssue({
            code: 'custom',
            path: ['form', f],
            message: `“${start.name}”环节不能填写“${fieldTitle(f)}”`,
          });
        for (const i of validateFormValues(def, v.form, []))
          zctx.addIssue({ code: 'custom', path: ['form', ...i.path], message: i.message });
      }),
    ...(starterRule(def.starters) ? { starters: starterRule(def.starters)! } : {}),
    events,
    tasks,
    header: (snapshot) => {
      const ctx = ctxOf(snapshot.context);
      const t = def.titleField === undefined ? undefined : ctx.form[def.titleField];
      return {
        title: typeof t === 'string' && t !== '' ? `${def.title}：${t}` : def.title,
        fields: {
          flow: def.key,
          node: ctx.node,
          nodeName: nodes.get(ctx.node)?.name ?? null,
          outcome: ctx.outcome,
          reminders: ctx.reminders,
          form: Object.fromEntries(
            Object.entries(ctx.form).filter(([f]) => !hiddenSomewhere.has(f)),
          ),
        },
      };
    },
    ledger: (event): LedgerProjection => {
      const { type: _t, meta: _m, $org: _o, opinion, note, ...fields } = event;
      return {
        opinion: typeof opinion === 'string' ? opinion : typeof note === 'string' ? note : null,
        fields,
      };
    },
    stateLabels,
  });
  return Object.assign(workflow, { flow: def });
}
