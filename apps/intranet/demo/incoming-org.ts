import { DEMO_LEADER_PORTFOLIOS, DEMO_ORG } from './org';

// Who registers, proposes, instructs and handles the demo 收文.

export const SECRETARIES = ['zhaoli', 'huangjing', 'zhouting'] as const;
export const DIRECTOR = 'liuyang';
export const COUNTY_HEAD = 'wangjianguo';

const users = new Map(DEMO_ORG.users.map((u) => [u.id, u]));
const departments = new Map(DEMO_ORG.departments.map((d) => [d.id, d]));

export function deptName(id: string): string {
  return departments.get(id)?.name ?? id;
}
export function headOf(id: string): string {
  const head = departments.get(id)?.headUserId;
  if (!head) throw new Error(`demo department ${id} has no head`);
  return head;
}
/** People working in the department itself (not its head). */
export function staffOf(id: string): string[] {
  const head = headOf(id);
  return DEMO_ORG.users
    .filter((u) => u.departmentId === id && u.id !== head && u.active)
    .map((u) => u.id);
}
/** 分管领导 of a bureau. */
export function leaderOf(deptId: string): string {
  for (const [leader, portfolio] of Object.entries(DEMO_LEADER_PORTFOLIOS)) {
    if (portfolio.includes(deptId)) return leader;
  }
  return COUNTY_HEAD;
}
/** How a leader is addressed in an opinion: 王县长, 李副县长. */
export function leaderCall(id: string): string {
  const name = users.get(id)?.name ?? id;
  return id === COUNTY_HEAD ? `${name.slice(0, 1)}县长` : `${name.slice(0, 1)}副县长`;
}
/** Where a handler may hand work down to, within the department's subtree. */
export const HAND_DOWN: Readonly<Record<string, readonly string[]>> = {
  finance: ['guomin', 'hexue'],
  office: ['xulei', 'wutao'],
};
