import type { AnyStateMachine } from 'xstate';
import type { WorkingCalendar } from '../../calendar/working-calendar.ts';
import type { EventMeta } from '../../workflow/definition.ts';

/** The timer id of a node's deadline 催办. */
export const DEADLINE_TIMER_ID = 'flow-deadline';

/** Organisation facts resolved when the starter 提交 (the machine stays pure). */
export interface ResolvedOrg {
  /** Users each node's rule named at 提交, by node id (for rules that need the directory, and for notices). */
  assignees: Record<string, string[]>;
}

/** One entry in a queue of handlers of an 审批/办理 node. */
export interface QueueEntry {
  /** A named user, or null for the node's own assignee rule. */
  user: string | null;
  /** Why this entry is there: the node's rule, 加签 (before/after) or 转办. */
  via: 'rule' | 'addBefore' | 'addAfter' | 'transfer';
}

/** The node a case is at, and what has happened there in this visit. */
export interface NodeRun {
  node: string;
  /** Increases with every node entry, so task keys are fresh on every visit. */
  visit: number;
  enteredAt: string;
  /** The principal who sent the case here (may 撤回 until someone here acts), and from which node. */
  sentBy: string | null;
  sentFrom: string | null;
  /** Actions taken at this node in this visit. */
  acted: number;
  /** 审批/办理: handlers still to act, the head first; bumps `step` on every change. */
  queue: QueueEntry[];
  step: number;
  /** 会签: the members, their votes, and whether the node passed or failed. */
  members: string[];
  votes: Record<string, 'agree' | 'disagree'>;
  done: boolean;
  failed: boolean;
}

/** One decision recorded in the case. */
export interface FlowDecision {
  node: string;
  visit: number;
  action: string;
  /** The principal (the person the step counts for). */
  by: string;
  actorId: string;
  onBehalfOf: string | null;
  opinion: string | null;
  at: string;
}

/** A read-only task of a 抄送/知会 node. */
export interface FlowRead {
  node: string;
  visit: number;
  user: string;
  readAt: string | null;
}

/** The machine context of a custom-flow case. */
export interface CustomFlowContext {
  starter: string;
  startedAt: string;
  form: Record<string, unknown>;
  org: ResolvedOrg | null;
  /** The current node id (the end node once finished). */
  node: string;
  visit: number;
  current: NodeRun;
  /** User nodes visited, in order, up to the current one (退回 goes back along it). */
  path: Array<{ node: string; visit: number }>;
  /** The principal who completed the last node (the 上一环节处理人). */
  lastHandler: string | null;
  /** Who sent the case on and from where, until the next user node takes it. */
  sent: { by: string; from: string } | null;
  /** Where a 退回 or 撤回 goes (routing only). */
  goto: string | null;
  reads: FlowRead[];
  reminders: number;
  decisions: FlowDecision[];
  outcome: 'approved' | 'rejected' | 'done' | null;
  finishedAt: string | null;
}

type Meta = { meta: EventMeta };
/** Events of a custom-flow machine (payloads as validated by the workflow's schemas). */
export type CustomFlowEvent =
  | ({
      type: 'SUBMIT';
      form?: Record<string, unknown>;
      opinion?: string;
      $org?: ResolvedOrg;
    } & Meta)
  | ({ type: 'APPROVE'; form?: Record<string, unknown>; opinion?: string } & Meta)
  | ({ type: 'RETURN'; opinion: string; to?: string } & Meta)
  | ({ type: 'REJECT'; opinion: string } & Meta)
  | ({ type: 'TRANSFER'; to: string; opinion?: string } & Meta)
  | ({ type: 'ADD_SIGN'; users: string[]; position: 'before' | 'after'; opinion?: string } & Meta)
  | ({ type: 'WITHDRAW'; opinion?: string } & Meta)
  | ({ type: 'REMIND'; note?: string } & Meta)
  | ({ type: 'READ'; opinion?: string } & Meta)
  | ({ type: 'DEADLINE'; node: string; visit: number } & Meta);

/** The machine input: the start payload plus the engine's meta. */
export interface CustomFlowInput {
  form: Record<string, unknown>;
  meta: EventMeta;
}

/** State name of a node. */
export const stateOf = (nodeId: string) => `n_${nodeId}`;
/** Final state name of an end node. */
export const finalStateOf = (nodeId: string) => `f_${nodeId}`;
/** The final state of a 驳回. */
export const REJECTED_STATE = '$rejected';

/** A notice the machine emits (to the outbox). */
export interface CustomFlowNotify {
  type: 'notify';
  to: string[];
  title: string;
  body: string;
  channel: 'inApp' | 'sms' | 'mail';
}

/** Options of `createCustomFlowMachine`. */
export interface CustomFlowMachineOptions {
  /** Deadlines count working days on it. */
  calendar: WorkingCalendar;
}

/** The machine type of a custom flow. */
export type CustomFlowMachine = AnyStateMachine;
