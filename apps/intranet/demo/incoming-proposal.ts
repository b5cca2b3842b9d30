import type { WorkingCalendar } from '@gongwen/core';
import { COUNTY_HEAD, leaderCall, leaderOf } from './incoming-org';
import type { Topic } from './incoming-texts';
import { deptName } from './org-people';
import type { Random } from './random';

/** The payload of PROPOSE (拟办意见) as the demo writes it. */
export interface ProposalPayload {
  opinion: string;
  leaders: string[];
  leaderMode: 'sequence' | 'parallel';
  mainDepartment?: string;
  assistDepartments: string[];
  circulateDepartments: string[];
  supervise: boolean;
  remindEveryWorkingDays?: number;
  deadline?: string;
}

/** A 拟办 proposal for a document of `topic`, and the 办理时限 in working days it asks for. */
export function propose(
  r: Random,
  topic: Topic,
  readOnly: boolean,
  urgency: string,
): { proposal: ProposalPayload; deadlineDays: number | null } {
  const circulate = readOnly
    ? [topic.main, ...r.sample(topic.circulate, r.int(0, 2))].filter(
        (d, i, a) => a.indexOf(d) === i,
      )
    : r.chance(0.3)
      ? r.sample(topic.circulate, r.int(1, 2))
      : [];
  const main = readOnly ? undefined : topic.main;
  const assist =
    readOnly || !r.chance(0.45)
      ? []
      : r.sample(topic.assist, r.int(1, Math.min(2, topic.assist.length)));
  const first = main ?? circulate[0]!;
  const leaders = [leaderOf(first)];
  for (const d of assist) {
    const other = leaderOf(d);
    if (!leaders.includes(other) && r.chance(0.5)) leaders.push(other);
  }
  const important = urgency === '特急' || r.chance(0.25);
  if (important && !leaders.includes(COUNTY_HEAD)) leaders.unshift(COUNTY_HEAD);
  const leaderMode =
    leaders.length > 1 && !leaders.includes(COUNTY_HEAD) && r.chance(0.6) ? 'parallel' : 'sequence';
  const calls = leaders.map(leaderCall).join('、');
  const opinion = readOnly
    ? `拟请${calls}阅知，送${circulate.map(deptName).join('、')}传阅。`
    : `拟请${calls}阅示，${deptName(main!)}牵头办理${assist.length > 0 ? `，${assist.map(deptName).join('、')}配合` : ''}${circulate.length > 0 ? `，送${circulate.map(deptName).join('、')}传阅` : ''}。`;
  const supervise = !readOnly && (urgency === '特急' || r.chance(0.3));
  const days = urgency === '特急' ? 3 : urgency === '加急' ? 5 : r.chance(0.5) ? null : 10;
  return {
    proposal: {
      opinion,
      leaders,
      leaderMode,
      ...(main && { mainDepartment: main }),
      assistDepartments: assist,
      circulateDepartments: circulate,
      supervise,
      ...(supervise && { remindEveryWorkingDays: r.pick([2, 3, 5]) }),
    },
    deadlineDays: days,
  };
}

/** The 办理时限 the machine derives from a proposal sent at `at` (default: 7 working days). */
export function deadlineOf(calendar: WorkingCalendar, p: ProposalPayload, at: number): string {
  if (p.deadline === undefined) return calendar.addWorkingDays(new Date(at), 7).toISOString();
  return calendar.addWorkingDays(new Date(`${p.deadline}T12:00:00Z`), 0).toISOString();
}
