import { z } from 'zod';
import type { QueueEntry } from './context.ts';
import type { FlowNode, NodeAction } from './format.ts';

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
/** The events a handler may send at a node (加签 people may neither 加签 nor 转办 again). */
export function nodeEvents(node: FlowNode, via: QueueEntry['via'] | null): string[] {
  let actions = nodeActions(node);
  if (via === 'addBefore' || via === 'addAfter')
    actions = actions.filter((a) => a !== 'addSign' && a !== 'transfer');
  return actions.map((a) => ACTION_EVENTS[a]);
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
