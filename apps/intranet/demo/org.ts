import type { Delegation, Department, DirectoryRepository, Unit, User } from '@gongwen/core';

/** The demo county government, the unit most demo logins belong to. */
export const DEMO_UNIT_ID = 'shixian';
/** A township under the county: a second unit, so that 发文 can reach another unit's 收文. */
export const DEMO_TOWN_UNIT_ID = 'chengguan';

/** The demo organisation: units, departments (处室/科室) and people. */
export interface DemoOrg {
  units: Unit[];
  departments: Department[];
  users: User[];
}

const dept = (
  id: string,
  unitId: string,
  parentId: string | null,
  name: string,
  headUserId: string,
  sort: number,
): Department => ({ id, unitId, parentId, name, headUserId, sort });

/** One person: id (pinyin, also the demo login), name, department, roles, 直接上级, 职务. */
type Person = [
  id: string,
  name: string,
  departmentId: string,
  roles: string[],
  superiorId: string | null,
  position: string,
];

const COUNTY_PEOPLE: Person[] = [
  // 县政府领导
  ['wangjianguo', '王建国', 'gov', ['leader'], null, '县长'],
  ['liminghua', '李明华', 'gov', ['leader'], 'wangjianguo', '常务副县长'],
  ['zhangxiuying', '张秀英', 'gov', ['leader'], 'wangjianguo', '副县长'],
  ['chenzhiqiang', '陈志强', 'gov', ['leader'], 'wangjianguo', '副县长'],
  // 县政府办公室
  [
    'liuyang',
    '刘洋',
    'office',
    ['officeDirector', 'departmentHead'],
    'liminghua',
    '县政府办公室主任',
  ],
  ['yangfan', '杨帆', 'office', ['staff'], 'liuyang', '县政府办公室副主任'],
  ['zhaoli', '赵丽', 'secretariat', ['secretary', 'departmentHead'], 'liuyang', '秘书科科长'],
  ['huangjing', '黄静', 'secretariat', ['secretary', 'staff'], 'zhaoli', '秘书科科员'],
  ['zhouting', '周婷', 'secretariat', ['secretary', 'staff'], 'zhaoli', '秘书科科员'],
  ['wutao', '吴涛', 'general', ['departmentHead', 'staff'], 'liuyang', '综合科科长'],
  ['xulei', '徐磊', 'general', ['staff'], 'wutao', '综合科科员'],
  ['sunhao', '孙浩', 'general', ['admin', 'staff'], 'wutao', '系统管理员'],
  // 县财政局 (with 预算股, so that work can be handed down and 传阅 passed one level down)
  ['maxiaodong', '马晓东', 'finance', ['departmentHead'], 'liminghua', '县财政局局长'],
  ['zhuhongmei', '朱红梅', 'finance', ['staff'], 'maxiaodong', '县财政局科员'],
  ['hubin', '胡斌', 'finance', ['staff'], 'maxiaodong', '县财政局科员'],
  ['guomin', '郭敏', 'budget', ['departmentHead', 'staff'], 'maxiaodong', '预算股股长'],
  ['hexue', '何雪', 'budget', ['staff'], 'guomin', '预算股科员'],
  // 县教育局
  ['linhai', '林海', 'education', ['departmentHead'], 'zhangxiuying', '县教育局局长'],
  ['luojia', '罗佳', 'education', ['staff'], 'linhai', '县教育局科员'],
  ['gaofeng', '高峰', 'education', ['staff'], 'linhai', '县教育局科员'],
  // 县卫生健康委员会
  ['zhenglijuan', '郑丽娟', 'health', ['departmentHead'], 'zhangxiuying', '县卫生健康委员会主任'],
  ['liangchen', '梁晨', 'health', ['staff'], 'zhenglijuan', '县卫生健康委员会科员'],
  ['songyu', '宋雨', 'health', ['staff'], 'zhenglijuan', '县卫生健康委员会科员'],
  // 县交通运输局
  ['xieguohua', '谢国华', 'transport', ['departmentHead'], 'chenzhiqiang', '县交通运输局局长'],
  ['hanbing', '韩冰', 'transport', ['staff'], 'xieguohua', '县交通运输局科员'],
  ['tangliang', '唐亮', 'transport', ['staff'], 'xieguohua', '县交通运输局科员'],
  // 县发展和改革局
  ['fengjianjun', '冯建军', 'drc', ['departmentHead'], 'liminghua', '县发展和改革局局长'],
  ['yuyang', '于洋', 'drc', ['staff'], 'fengjianjun', '县发展和改革局科员'],
  ['dongqian', '董倩', 'drc', ['staff'], 'fengjianjun', '县发展和改革局科员'],
  // 县应急管理局
  ['caogang', '曹刚', 'emergency', ['departmentHead'], 'chenzhiqiang', '县应急管理局局长'],
  ['yuanye', '袁野', 'emergency', ['staff'], 'caogang', '县应急管理局科员'],
  ['dengwen', '邓文', 'emergency', ['staff'], 'caogang', '县应急管理局科员'],
  // 县农业农村局
  ['xuzhijun', '许志军', 'agri', ['departmentHead'], 'chenzhiqiang', '县农业农村局局长'],
  ['fuling', '傅玲', 'agri', ['staff'], 'xuzhijun', '县农业农村局科员'],
  ['shenyue', '沈悦', 'agri', ['staff'], 'xuzhijun', '县农业农村局科员'],
];

const TOWN_PEOPLE: Person[] = [
  ['qianweidong', '钱卫东', 'cg-gov', ['leader'], null, '镇长'],
  ['kongdeming', '孔德明', 'cg-gov', ['leader'], 'qianweidong', '副镇长'],
  [
    'baixuemei',
    '白雪梅',
    'cg-office',
    ['officeDirector', 'departmentHead'],
    'qianweidong',
    '党政综合办公室主任',
  ],
  ['jiangli', '蒋丽', 'cg-office', ['secretary', 'staff'], 'baixuemei', '党政综合办公室文书'],
  ['tianye', '田野', 'cg-economy', ['departmentHead'], 'kongdeming', '经济发展办公室主任'],
  ['panting', '潘婷', 'cg-economy', ['staff'], 'tianye', '经济发展办公室科员'],
  ['fangzhiyuan', '方志远', 'cg-social', ['departmentHead'], 'kongdeming', '社会事务办公室主任'],
  ['shilei', '石磊', 'cg-social', ['staff'], 'fangzhiyuan', '社会事务办公室科员'],
];

const toUser =
  (unitId: string) =>
  ([id, name, departmentId, roles, superiorId]: Person): User => ({
    id,
    unitId,
    departmentId,
    name,
    roles,
    superiorId,
    active: true,
  });

/**
 * 示例县人民政府 (县长, three 副县长, 县政府办公室 with 秘书科 and 综合科, seven bureaus each with a
 * head and two or more staff, 县财政局 with its 预算股) and 城关镇人民政府 under it.
 */
export const DEMO_ORG: DemoOrg = {
  units: [
    { id: DEMO_UNIT_ID, name: '示例县人民政府', issuerCode: '示政发' },
    { id: DEMO_TOWN_UNIT_ID, name: '示例县城关镇人民政府', issuerCode: '城政发' },
  ],
  departments: [
    dept('gov', DEMO_UNIT_ID, null, '示例县人民政府', 'wangjianguo', 0),
    dept('office', DEMO_UNIT_ID, 'gov', '县政府办公室', 'liuyang', 10),
    dept('secretariat', DEMO_UNIT_ID, 'office', '秘书科', 'zhaoli', 11),
    dept('general', DEMO_UNIT_ID, 'office', '综合科', 'wutao', 12),
    dept('finance', DEMO_UNIT_ID, 'gov', '县财政局', 'maxiaodong', 20),
    dept('budget', DEMO_UNIT_ID, 'finance', '预算股', 'guomin', 21),
    dept('drc', DEMO_UNIT_ID, 'gov', '县发展和改革局', 'fengjianjun', 30),
    dept('education', DEMO_UNIT_ID, 'gov', '县教育局', 'linhai', 40),
    dept('health', DEMO_UNIT_ID, 'gov', '县卫生健康委员会', 'zhenglijuan', 50),
    dept('transport', DEMO_UNIT_ID, 'gov', '县交通运输局', 'xieguohua', 60),
    dept('emergency', DEMO_UNIT_ID, 'gov', '县应急管理局', 'caogang', 70),
    dept('agri', DEMO_UNIT_ID, 'gov', '县农业农村局', 'xuzhijun', 80),
    dept('cg-gov', DEMO_TOWN_UNIT_ID, null, '城关镇人民政府', 'qianweidong', 0),
    dept('cg-office', DEMO_TOWN_UNIT_ID, 'cg-gov', '党政综合办公室', 'baixuemei', 10),
    dept('cg-economy', DEMO_TOWN_UNIT_ID, 'cg-gov', '经济发展办公室', 'tianye', 20),
    dept('cg-social', DEMO_TOWN_UNIT_ID, 'cg-gov', '社会事务办公室', 'fangzhiyuan', 30),
  ],
  users: [
    ...COUNTY_PEOPLE.map(toUser(DEMO_UNIT_ID)),
    ...TOWN_PEOPLE.map(toUser(DEMO_TOWN_UNIT_ID)),
  ],
};

/** 职务 of every demo user (shown on the login page and in the README). */
export const DEMO_POSITIONS: Readonly<Record<string, string>> = Object.fromEntries(
  [...COUNTY_PEOPLE, ...TOWN_PEOPLE].map((p) => [p[0], p[5]]),
);

/**
 * 机关代字 of departments that issue documents in their own name. The directory model keeps an
 * issuer code per unit only (`Unit.issuerCode`), so 县政府办公室's 示政办发 lives here.
 */
export const DEMO_DEPARTMENT_ISSUER_CODES: Readonly<Record<string, string>> = {
  office: '示政办发',
};

/** 分管: which bureaus each county leader oversees (the 拟办 picks the 分管领导). */
export const DEMO_LEADER_PORTFOLIOS: Readonly<Record<string, readonly string[]>> = {
  liminghua: ['office', 'finance', 'drc'],
  zhangxiuying: ['education', 'health'],
  chenzhiqiang: ['transport', 'emergency', 'agri'],
};

const DAY = 86_400_000;
const CST = 8 * 3_600_000;

/** Midnight (China Standard Time) of the day `days` after `at`'s day. */
function cstMidnight(at: Date, days: number): Date {
  const t = at.getTime() + CST;
  return new Date(t - (t % DAY) - CST + days * DAY);
}

/**
 * The demo delegations (代理), relative to `now`: 陈志强副县长 has 刘洋主任 act for him in 收文
 * for a week up to the day after tomorrow (出差), and 林海局长 had 罗佳 act for him for ten days
 * some weeks ago (外出培训).
 */
export function demoDelegations(now: Date): Delegation[] {
  return [
    {
      id: 'dlg-chenzhiqiang-liuyang',
      unitId: DEMO_UNIT_ID,
      principalId: 'chenzhiqiang',
      deputyId: 'liuyang',
      startsAt: cstMidnight(now, -6),
      endsAt: cstMidnight(now, 2),
      workflows: ['incoming'],
    },
    {
      id: 'dlg-linhai-luojia',
      unitId: DEMO_UNIT_ID,
      principalId: 'linhai',
      deputyId: 'luojia',
      startsAt: cstMidnight(now, -45),
      endsAt: cstMidnight(now, -35),
      workflows: null,
    },
  ];
}

/** Writes the demo organisation and its delegations (relative to `now`) into a store's directory. */
export async function loadDemoOrg(repo: DirectoryRepository, now: Date): Promise<void> {
  for (const unit of DEMO_ORG.units) await repo.putUnit(unit);
  for (const d of DEMO_ORG.departments) await repo.putDepartment(d);
  for (const user of DEMO_ORG.users) await repo.putUser(user);
  for (const d of demoDelegations(now)) await repo.putDelegation(d);
}
