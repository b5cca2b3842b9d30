import { DEMO_LEADER_PORTFOLIOS, DEMO_TOWN_UNIT_ID } from './org';
import { demoUser } from './org-people';
import type { Recipient, Template } from './outgoing-texts';
import type { Random } from './random';

// Who drafts, checks, countersigns and signs the demo 发文, and to whom they go.

export const SECRETARIES = ['zhaoli', 'huangjing', 'zhouting'] as const;
export const COUNTY_HEAD = 'wangjianguo';

/** Staff who draft (拟稿) in each department; their 核稿人 is their direct superior. */
export const DRAFTERS: Readonly<Record<string, readonly string[]>> = {
  office: ['yangfan'],
  general: ['xulei'],
  finance: ['zhuhongmei', 'hubin'],
  budget: ['hexue'],
  drc: ['yuyang', 'dongqian'],
  education: ['luojia', 'gaofeng'],
  health: ['liangchen', 'songyu'],
  transport: ['hanbing', 'tangliang'],
  emergency: ['yuanye', 'dengwen'],
  agri: ['fuling', 'shenyue'],
};

/** Departments that may be asked to 会签. */
export const COUNTERSIGNERS = [
  'office',
  'finance',
  'drc',
  'education',
  'health',
  'transport',
  'emergency',
  'agri',
] as const;

const TOWN: Recipient = { unitId: DEMO_TOWN_UNIT_ID };
const n = (name: string): Recipient => ({ name });

/** 主送/抄送 by the direction of a document. */
const DOWN_MAIN = [TOWN, n('青石镇人民政府'), n('柳河乡人民政府'), n('县政府各部门')];
const DOWN_CC = [n('县委办公室'), n('县人大常委会办公室'), n('县政协办公室')];
const UP_MAIN: Readonly<Record<string, Recipient>> = {
  city: n('市人民政府'),
  cityOffice: n('市人民政府办公室'),
  cityFinance: n('市财政局'),
  cityDrc: n('市发展和改革委员会'),
  cityEducation: n('市教育局'),
  cityHealth: n('市卫生健康委员会'),
  cityTransport: n('市交通运输局'),
  cityEmergency: n('市应急管理局'),
  cityAgri: n('市农业农村局'),
};

/** 分管领导 of a department (a 股 under its bureau). */
export function leaderOf(deptId: string): string {
  const top = deptId === 'budget' ? 'finance' : deptId === 'general' ? 'office' : deptId;
  for (const [leader, portfolio] of Object.entries(DEMO_LEADER_PORTFOLIOS)) {
    if (portfolio.includes(top)) return leader;
  }
  return COUNTY_HEAD;
}
export function superiorOf(userId: string): string {
  const s = demoUser(userId)?.superiorId;
  if (!s) throw new Error(`demo user ${userId} has no superior`);
  return s;
}
/** The bureau a department belongs to (预算股 → 县财政局, 综合科 → 县政府办公室). */
export function bureauOf(deptId: string): string {
  return deptId === 'budget' ? 'finance' : deptId === 'general' ? 'office' : deptId;
}

/** 机关代字 of a document: 县政府办公室 issues 示政办发; 请示/报告 go as 示政, 函 as 示政函. */
export function issuerCodeOf(t: Template): string {
  if (t.docType === '函') return '示政函';
  if (t.docType === '请示' || t.docType === '报告' || t.docType === '议案') return '示政';
  if (t.to === 'office' || (t.dept === 'office' && t.docType === '通知' && t.to !== 'down'))
    return '示政办发';
  if (t.docType === '纪要') return '示政办发';
  return '示政发';
}

/** 主送 and 抄送 of a document of template `t`. */
export function recipientsOf(r: Random, t: Template): { main: Recipient[]; cc: Recipient[] } {
  switch (t.to) {
    case 'down':
      return { main: DOWN_MAIN, cc: r.chance(0.5) ? r.sample(DOWN_CC, r.int(1, 3)) : [] };
    case 'office':
      return { main: [n('县政府各部门'), TOWN], cc: [] };
    case 'town':
      return { main: [TOWN], cc: r.chance(0.5) ? [n('县政府办公室'), n('县财政局')] : [] };
    case 'up':
      return {
        main: [t.recipient ?? UP_MAIN.city!],
        cc: r.chance(0.4) ? [UP_MAIN.cityOffice!] : [],
      };
    case 'letter':
      return { main: [t.recipient ?? n('邻县人民政府')], cc: r.chance(0.3) ? [TOWN] : [] };
    case 'congress':
      return { main: [n('县人民代表大会常务委员会')], cc: [] };
    default:
      return { main: [], cc: r.chance(0.5) ? [TOWN, n('县政府各部门')] : [] };
  }
}
