import { DEMO_ORG, DEMO_POSITIONS } from './org';

/** The one password every demo login shares (the app hashes it; it is never stored in clear). */
export const DEMO_PASSWORD = 'Gongwen@2026';

/** A demo login: username (the user id, in pinyin), password, name and 职务. */
export interface DemoAccount {
  username: string;
  password: string;
  name: string;
  /** 职务, e.g. 县长, 秘书科科员. */
  role: string;
  unitId: string;
}

/** Every active demo user, with the shared demo password. */
export function demoAccounts(): DemoAccount[] {
  return DEMO_ORG.users
    .filter((u) => u.active)
    .map((u) => ({
      username: u.id,
      password: DEMO_PASSWORD,
      name: u.name,
      role: DEMO_POSITIONS[u.id] ?? '工作人员',
      unitId: u.unitId,
    }));
}

/** A login worth trying first, per kind of user, for the README and the login page. */
export interface RecommendedLogin {
  /** What this login shows, in Chinese (县长, 秘书 …). */
  kind: string;
  username: string;
  name: string;
  /** What to try with it. */
  tryThis: string;
}

/** Recommended demo logins, one per kind of user. */
export const DEMO_RECOMMENDED_LOGINS: readonly RecommendedLogin[] = [
  {
    kind: '县长',
    username: 'wangjianguo',
    name: '王建国',
    tryThis: '待办中的批示；全县收文统计',
  },
  {
    kind: '副县长',
    username: 'chenzhiqiang',
    name: '陈志强',
    tryThis: '分管交通、应急、农业农村的批示；出差期间由刘洋主任代理',
  },
  {
    kind: '办公室主任',
    username: 'liuyang',
    name: '刘洋',
    tryThis: '审阅拟办意见；代陈志强副县长批示',
  },
  {
    kind: '秘书',
    username: 'huangjing',
    name: '黄静',
    tryThis: '签收登记、拟办、催办、归档',
  },
  {
    kind: '部门负责人',
    username: 'maxiaodong',
    name: '马晓东',
    tryThis: '县财政局：分派承办人、确认办结、传阅',
  },
  {
    kind: '科员',
    username: 'zhuhongmei',
    name: '朱红梅',
    tryThis: '县财政局：办理、转办、提交办理结果、阅读',
  },
  {
    kind: '管理员',
    username: 'sunhao',
    name: '孙浩',
    tryThis: '组织机构、代理授权、改派待办',
  },
  {
    kind: '乡镇文书',
    username: 'jiangli',
    name: '蒋丽',
    tryThis: '城关镇人民政府：签收县政府下发的公文',
  },
];

/** The recommended logins as a Markdown table (for the README and the first-start banner). */
export function recommendedLoginsMarkdown(): string {
  const rows = DEMO_RECOMMENDED_LOGINS.map(
    (l) =>
      `| ${l.kind} | ${l.name}（${DEMO_POSITIONS[l.username] ?? ''}） | \`${l.username}\` | ${l.tryThis} |`,
  );
  return [
    `所有演示账号的密码均为 \`${DEMO_PASSWORD}\`。`,
    '',
    '| 角色 | 姓名（职务） | 用户名 | 可以试试 |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
