import { DEMO_LEADER_PORTFOLIOS } from './org';
import { demoUser } from './org-people';

// Who registers, proposes, instructs and handles the demo 收文.

export const SECRETARIES = ['zhaoli', 'huangjing', 'zhouting'] as const;
export const DIRECTOR = 'liuyang';
export const COUNTY_HEAD = 'wangjianguo';

/** 分管领导 of a bureau. */
export function leaderOf(deptId: string): string {
  for (const [leader, portfolio] of Object.entries(DEMO_LEADER_PORTFOLIOS)) {
    if (portfolio.includes(deptId)) return leader;
  }
  return COUNTY_HEAD;
}
/** How a leader is addressed in an opinion: 王县长, 李副县长. */
export function leaderCall(id: string): string {
  const name = demoUser(id)?.name ?? id;
  return id === COUNTY_HEAD ? `${name.slice(0, 1)}县长` : `${name.slice(0, 1)}副县长`;
}
/** Where a handler may hand work down to, within the department's subtree. */
export const HAND_DOWN: Readonly<Record<string, readonly string[]>> = {
  finance: ['guomin', 'hexue'],
  office: ['xulei', 'wutao'],
};
