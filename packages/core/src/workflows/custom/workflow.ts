import { z } from 'zod';
import { createChineseCalendar, type WorkingCalendar } from '../../calendar/working-calendar.ts';
import type { Store } from '../../ports/store.ts';
import {
  defineWorkflow,
  type LedgerProjection,
  type WorkflowDefinition,
} from '../../workflow/definition.ts';
import {
  type CustomFlowContext,
  type CustomFlowMachine,
  finalStateOf,
  REJECTED_STATE,
  stateOf,
} from './context.ts';
import { customFlowEvents } from './event-specs.ts';
import { forbiddenWrites, validateFormValues } from './form.ts';
import type { FlowDefinition, FlowDefinitionInput } from './format.ts';
import { createCustomFlowMachine } from './machine.ts';
import { starterRule } from './org-resolution.ts';
import { customFlowTasks } from './tasks.ts';
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

  const events = customFlowEvents(def, options);
  const tasks = customFlowTasks(def);

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
