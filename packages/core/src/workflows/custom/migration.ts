import type { WorkingCalendar } from '../../calendar/working-calendar.ts';
import { createChineseCalendar } from '../../calendar/working-calendar.ts';
import { type Clock, systemClock } from '../../clock.ts';
import type { Directory } from '../../directory/directory.ts';
import { resolveAssignees } from '../../engine/resolve-assignees.ts';
import { ValidationFailed } from '../../errors.ts';
import { buildLedgerRecord } from '../../ledger/chain.ts';
import type { Assignment, CaseRecord, Store, TaskRecord, TimerRecord } from '../../ports/store.ts';
import { stateToString } from '../../util/state-value.ts';
import { type CustomFlowContext, DEADLINE_TIMER_ID, type NodeRun, stateOf } from './context.ts';
import type { FlowDefinition, FlowDefinitionInput } from './format.ts';
import { resolveFlowOrg } from './org-resolution.ts';
import { parseFlowDefinition } from './validate.ts';
import { type CustomWorkflow, customWorkflowName } from './workflow.ts';

/** A published, immutable version of a flow (发布的流程版本). */
export interface PublishedFlow {
  key: string;
  version: number;
  definition: FlowDefinition;
  publishedAt: Date;
  publishedBy: string;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Publishes a definition as the next version of its key: validated, numbered one past the
 * latest of `published`, and frozen — a published version never changes; running cases stay on it.
 */
export function publishFlowVersion(
  published: readonly PublishedFlow[],
  definition: FlowDefinitionInput | FlowDefinition,
  by: { actorId: string; at: Date; roles?: readonly string[] },
): PublishedFlow {
  const def = parseFlowDefinition(
    structuredClone(definition),
    by.roles === undefined ? {} : { roles: by.roles },
  );
  const latest = Math.max(0, ...published.filter((p) => p.key === def.key).map((p) => p.version));
  return deepFreeze({
    key: def.key,
    version: latest + 1,
    definition: def,
    publishedAt: by.at,
    publishedBy: by.actorId,
  });
}

/** Old node → new node (null: the case cannot be moved). Unlisted nodes map to the same id when the new version has it. */
export type FlowNodeMapping = Readonly<Record<string, string | null>>;

/** What a migration would do with one case. */
export interface FlowMigrationItem {
  caseId: string;
  title: string;
  /** The case's `rev` when planned: apply skips a case that moved since. */
  rev: number;
  fromNode: string;
  fromNodeName: string;
  toNode: string | null;
  toNodeName: string | null;
  /** move: it will be moved; unmapped: it cannot be (stays on its version); skip: nothing to do. */
  action: 'move' | 'unmapped' | 'skip';
  /** A Chinese sentence saying what would happen and why. */
  reason: string;
}

/** A dry run of moving the running cases of one version to another. */
export interface FlowMigrationPlan {
  workflow: string;
  fromVersion: number;
  toVersion: number;
  items: FlowMigrationItem[];
}

const movableTypes = new Set(['start', 'approve', 'handle', 'countersign']);

/**
 * The dry run (pure): for each case of `from`, where it would go in `to` by the state mapping,
 * or why it cannot be moved (its node was removed and not mapped, the mapping names a node that
 * does not exist or cannot hold a case, or it has finished).
 */
export function planFlowMigration(args: {
  from: CustomWorkflow;
  to: CustomWorkflow;
  mapping?: FlowNodeMapping;
  cases: readonly CaseRecord[];
}): FlowMigrationPlan {
  const { from, to } = args;
  if (from.flow.key !== to.flow.key)
    throw new ValidationFailed(`不能把“${from.title}”的办件迁移到另一流程“${to.title}”`);
  if (to.version === from.version) throw new ValidationFailed('目标版本与原版本相同');
  const mapping = args.mapping ?? {};
  const oldNodes = new Map(from.flow.nodes.map((n) => [n.id, n]));
  const newNodes = new Map(to.flow.nodes.map((n) => [n.id, n]));
  for (const [old, target] of Object.entries(mapping)) {
    if (!oldNodes.has(old))
      throw new ValidationFailed(`映射中的原节点“${old}”在版本${from.version}中不存在`);
    if (target !== null && !newNodes.has(target))
      throw new ValidationFailed(`映射中的目标节点“${target}”在版本${to.version}中不存在`);
  }
  const items: FlowMigrationItem[] = [];
  for (const c of args.cases) {
    if (c.workflow !== from.name || c.workflowVersion !== from.version) continue;
    const ctx = (c.snapshot as { context?: CustomFlowContext }).context;
    const nodeId = ctx?.node ?? '';
    const node = oldNodes.get(nodeId);
    const base = {
      caseId: c.id,
      title: c.title,
      rev: c.rev,
      fromNode: nodeId,
      fromNodeName: node?.name ?? nodeId,
    };
    if (c.status !== 'active' || !node || node.type === 'end' || ctx?.outcome != null) {
      items.push({
        ...base,
        toNode: null,
        toNodeName: null,
        action: 'skip',
        reason: '已办结，无需迁移',
      });
      continue;
    }
    const target = Object.hasOwn(mapping, nodeId)
      ? mapping[nodeId]!
      : newNodes.has(nodeId)
        ? nodeId
        : null;
    const tn = target === null ? undefined : newNodes.get(target);
    if (!tn) {
      items.push({
        ...base,
        toNode: null,
        toNodeName: null,
        action: 'unmapped',
        reason: Object.hasOwn(mapping, nodeId)
          ? `节点“${node.name}”被指定为不迁移，办件留在版本${from.version}`
          : `节点“${node.name}”在版本${to.version}中已删除且未指定对应节点，办件留在版本${from.version}`,
      });
      continue;
    }
    if (!movableTypes.has(tn.type) || (tn.type === 'start') !== (node.type === 'start')) {
      items.push({
        ...base,
        toNode: tn.id,
        toNodeName: tn.name,
        action: 'unmapped',
        reason: `目标节点“${tn.name}”（${tn.type}）不能接收处于“${node.name}”的办件`,
      });
      continue;
    }
    items.push({
      ...base,
      toNode: tn.id,
      toNodeName: tn.name,
      action: 'move',
      reason:
        tn.id === node.id && tn.name === node.name
          ? `留在“${tn.name}”，改按版本${to.version}办理（该环节重新开始）`
          : `从“${node.name}”移至“${tn.name}”，改按版本${to.version}办理`,
    });
  }
  return { workflow: from.name, fromVersion: from.version, toVersion: to.version, items };
}

/** The outcome of applying a plan. */
export interface FlowMigrationResult {
  migrated: string[];
  /** Cases left as they were, with the Chinese reason (unmapped, moved since the dry run, nobody to assign …). */
  skipped: Array<{ caseId: string; reason: string }>;
}

/**
 * Applies a plan, one transaction per case: the case moves to the new version's node (a fresh
 * visit: its tasks are assigned anew, its deadline timer restarts), old tasks close with
 * `doneEvent: '$migrate'`, and one ledger entry `$migrate` records versions, nodes, who and why.
 * A case whose `rev` moved since the dry run is skipped, so applying twice changes nothing.
 */
export async function applyFlowMigration(args: {
  store: Store;
  directory: Directory;
  from: CustomWorkflow;
  to: CustomWorkflow;
  plan: FlowMigrationPlan;
  actorId: string;
  reason: string;
  clock?: Clock;
  calendar?: WorkingCalendar;
  ids?: () => string;
}): Promise<FlowMigrationResult> {
  const { store, directory, from, to, plan } = args;
  const clock = args.clock ?? systemClock;
  const calendar = args.calendar ?? createChineseCalendar();
  const newId = args.ids ?? (() => globalThis.crypto.randomUUID());
  if (
    plan.workflow !== customWorkflowName(to.flow.key) ||
    plan.fromVersion !== from.version ||
    plan.toVersion !== to.version
  )
    throw new ValidationFailed('迁移计划与所选版本不符');
  const result: FlowMigrationResult = { migrated: [], skipped: [] };
  for (const item of plan.items) {
    if (item.action !== 'move' || item.toNode === null) {
      if (item.action === 'unmapped')
        result.skipped.push({ caseId: item.caseId, reason: item.reason });
      continue;
    }
    const toNode = to.flow.nodes.find((n) => n.id === item.toNode)!;
    try {
      const outcome = await store.transaction(async (tx) => {
        const { caseRecord: c } = await tx.lockCase(item.caseId, null);
        if (!c || c.rev !== item.rev || c.workflowVersion !== from.version || c.status !== 'active')
          return '办件在预演之后已有变化，未迁移，请重新预演';
        const now = clock.now();
        const at = now.toISOString();
        const old = (c.snapshot as { context: CustomFlowContext }).context;
        const facts = { caseId: c.id, unitId: c.unitId, startedBy: c.startedBy };
        const visit = old.visit + 1;
        const run: NodeRun = {
          node: toNode.id,
          visit,
          enteredAt: at,
          sentBy: null,
          sentFrom: null,
          acted: 0,
          queue:
            toNode.type === 'approve' || toNode.type === 'handle'
              ? [{ user: null, via: 'rule' }]
              : [],
          step: 0,
          members: [],
          votes: {},
          done: false,
          failed: false,
        };
        const keep = new Set(to.flow.nodes.map((n) => n.id));
        const path = old.path.filter((p) => keep.has(p.node) && p.node !== toNode.id);
        let context: CustomFlowContext = {
          ...old,
          org: await resolveFlowOrg(to.flow, old.starter, c.unitId, old.form, directory),
          node: toNode.id,
          visit,
          current: run,
          path: [...path, { node: toNode.id, visit }],
          sent: null,
          goto: null,
          reminders: 0,
        };
        if (toNode.type === 'countersign') {
          const a = toNode.assignee;
          const v = a.kind === 'field' ? old.form[a.field] : undefined;
          const members =
            a.kind === 'users'
              ? [...a.userIds]
              : Array.isArray(v)
                ? v.map(String)
                : [...(context.org?.assignees[toNode.id] ?? [])];
          context = { ...context, current: { ...run, members } };
        }
        const snapshot = to.machine.resolveState({ value: stateOf(toNode.id), context });
        const specs = to.tasks({ snapshot, facts });
        const assignments: Assignment[] = [];
        for (const spec of specs) {
          const candidates = await resolveAssignees(spec.assignees, facts, directory);
          if (candidates.length === 0) return `“${spec.label}”没有可指派的办理人，未迁移`;
          const due = spec.due;
          const dueAt =
            due === undefined
              ? null
              : due instanceof Date
                ? due
                : typeof due === 'string'
                  ? new Date(due)
                  : calendar.addWorkingDays(
                      due.from === undefined ? now : new Date(due.from),
                      due.workingDays,
                    );
          assignments.push({
            key: spec.key,
            kind: spec.kind,
            label: spec.label,
            events: [...spec.events],
            candidates,
            dueAt,
          });
        }
        const state = stateToString(snapshot.value);
        const header = to.header(snapshot);
        const ledger = buildLedgerRecord({
          caseId: c.id,
          seq: c.ledgerSeq + 1,
          unitId: c.unitId,
          at: now,
          actorId: args.actorId,
          onBehalfOf: null,
          event: '$migrate',
          fromState: c.state,
          toState: state,
          opinion: args.reason,
          fields: {
            fromVersion: from.version,
            toVersion: to.version,
            fromNode: item.fromNode,
            toNode: toNode.id,
          },
          prevHash: c.ledgerHead,
        });
        const openTasks: TaskRecord[] = assignments.map((a) => ({
          id: newId(),
          unitId: c.unitId,
          caseId: c.id,
          workflow: to.name,
          key: a.key,
          kind: a.kind,
          label: a.label,
          events: a.events,
          candidates: a.candidates,
          createdAt: now,
          dueAt: a.dueAt,
          openedAt: null,
          doneAt: null,
          doneBy: null,
          doneOnBehalfOf: null,
          doneEvent: null,
        }));
        const timers: TimerRecord[] =
          'deadline' in toNode && toNode.deadline
            ? [
                {
                  caseId: c.id,
                  sendId: DEADLINE_TIMER_ID,
                  unitId: c.unitId,
                  dueAt: calendar.addWorkingDays(now, toNode.deadline.workingDays),
                  event: { type: 'DEADLINE', node: toNode.id, visit },
                },
              ]
            : [];
        await tx.applyTransition({
          caseId: c.id,
          expectedRev: c.rev,
          case: {
            rev: c.rev + 1,
            state,
            status: 'active',
            snapshot: to.machine.getPersistedSnapshot(snapshot),
            title: header.title,
            fields: header.fields,
            updatedAt: now,
            ledgerSeq: ledger.seq,
            ledgerHead: ledger.hash,
            assignments,
          },
          ledger,
          closeTasks: c.assignments.map((a) => ({
            key: a.key,
            doneBy: null,
            doneOnBehalfOf: null,
            doneEvent: '$migrate',
          })),
          closedAt: now,
          openTasks,
          deleteTimers: ['*'],
          scheduleTimers: timers,
          outbox: openTasks
            .filter((t) => t.kind !== 'remind')
            .map((t) => ({
              id: newId(),
              unitId: c.unitId,
              caseId: c.id,
              channel: 'inApp' as const,
              recipients: t.candidates,
              title: `${t.kind === 'read' ? '待阅' : '待办'}：${t.label}`,
              body: header.title,
              createdAt: now,
            })),
          command: null,
        });
        await tx.setWorkflowVersion(c.id, to.version);
        return null;
      });
      if (outcome === null) result.migrated.push(item.caseId);
      else result.skipped.push({ caseId: item.caseId, reason: outcome });
    } catch (e) {
      result.skipped.push({
        caseId: item.caseId,
        reason: e instanceof Error ? e.message : String(e),
      });
    }
  }
  return result;
}
