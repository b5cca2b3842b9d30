import type { Directory } from '../../directory/directory.ts';
import { NotPermitted, ValidationFailed } from '../../errors.ts';
import type { Store } from '../../ports/store.ts';
import type { EventSpec } from '../../workflow/definition.ts';
import type { CustomFlowContext } from './context.ts';
import { CUSTOM_FLOW_SCHEMAS } from './event-schemas.ts';
import { forbiddenWrites, requiredAt, validateFormValues } from './form.ts';
import type { FlowDefinition, FlowNode } from './format.ts';
import { resolveFlowOrg } from './org-resolution.ts';

const ctxOf = (context: unknown) => context as CustomFlowContext;

/** The event specs of a custom flow: titles, payload schemas, who may act and the checks run before the machine. */
export function customFlowEvents(
  def: FlowDefinition,
  /** The engine's task rows (see `CustomWorkflowOptions.tasks`). */
  options: { tasks?: Pick<Store, 'listTasks'> },
): Record<string, EventSpec> {
  const nodes = new Map<string, FlowNode>(def.nodes.map((n) => [n.id, n]));
  const fieldTitle = (f: string) => def.form.schema.properties[f]?.title ?? f;

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

  return {
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
}
