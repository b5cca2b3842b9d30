import { stateToString } from '../../util/state-value.ts';
import type { CaseFacts, TaskSpec } from '../../workflow/definition.ts';
import { type CustomFlowContext, stateOf } from './context.ts';
import { nodeTaskKey, pendingMembers, readTaskKey, ruleOf } from './context-queries.ts';
import { nodeEvents } from './event-schemas.ts';
import type { FlowDefinition, FlowNode } from './format.ts';

/** The task specs of a custom flow: the current node's handlers or 会签 members, 催办 and 知会 reads. */
export function customFlowTasks(def: FlowDefinition) {
  const nodes = new Map<string, FlowNode>(def.nodes.map((n) => [n.id, n]));
  return function tasks({
    snapshot,
  }: {
    snapshot: { value: unknown; context: unknown };
    facts: CaseFacts;
  }): TaskSpec[] {
    const ctx = snapshot.context as CustomFlowContext;
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
            events: nodeEvents(node, head.via),
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
            events: nodeEvents(node, null),
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
  };
}
