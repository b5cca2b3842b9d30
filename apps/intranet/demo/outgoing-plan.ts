import type { DocumentBlock, DocumentBody, WorkingCalendar } from '@gongwen/core';
import type { PlannedStep } from './incoming-plan';
import { SECRECY_TERMS } from './incoming-texts';
import { DEMO_LEADER_PORTFOLIOS, DEMO_ORG, DEMO_TOWN_UNIT_ID } from './org';
import { createRandom, type Random } from './random';
import type { DemoSeeder, SeedAction } from './seeder';
import { workTime } from './work-time';

/**
 * Where a demo 发文 case is left when the seed ends (the machine's state). The seed stops at
 * 成文 (`sealing`, 待盖章): 盖章 needs a PDF rendered and sealed with the unit's certificate
 * (`sealOutgoingDocument`), and 分发, 回执 and 归档 come after it. The seeding engine has no
 * renderer, sealer or blob store, and a SEAL pointing at a PDF that does not exist would be a
 * lie in the ledger, so no demo case is sealed.
 */
export type OutgoingTarget =
  | 'drafting'
  | 'checking'
  | 'countersigning'
  | 'consolidating'
  | 'rechecking'
  | 'signing'
  | 'finalizing'
  | 'sealing'
  | 'rejected'
  | 'cancelled';

/** A demo 发文 case: its 拟稿 and every event sent to it, in time order. */
export interface OutgoingCasePlan {
  caseId: string;
  title: string;
  drafter: string;
  draftedAt: Date;
  /** The start payload (拟稿). */
  input: Record<string, unknown>;
  steps: PlannedStep[];
  target: OutgoingTarget;
  /** The machine state the case is in after the last step (the target). */
  expectedState: OutgoingTarget;
  /** Things that happened along the way (退回, 撤回, 文号作废 …), for tests and the report. */
  features: string[];
}

/** Options of `planOutgoingCases`. */
export interface OutgoingPlanOptions {
  now: Date;
  calendar: WorkingCalendar;
  /** How many cases (default 120). */
  count?: number;
  /** How many days back the first drafts are written (default 120). */
  days?: number;
  /** PRNG seed (default 20261126). */
  seed?: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Share of each end state, per 120. */
const TARGET_SHARES: Record<OutgoingTarget, number> = {
  sealing: 46,
  finalizing: 9,
  signing: 9,
  rechecking: 7,
  consolidating: 9,
  countersigning: 13,
  checking: 8,
  drafting: 9,
  rejected: 5,
  cancelled: 5,
};

/** Days before now within which a case with this end state is drafted. */
const DRAFT_WINDOW: Record<OutgoingTarget, [number, number]> = {
  sealing: [12, 112],
  finalizing: [5, 25],
  signing: [3, 14],
  rechecking: [2, 10],
  consolidating: [2, 16],
  countersigning: [1, 10],
  checking: [0.3, 5],
  drafting: [0.05, 4],
  rejected: [8, 90],
  cancelled: [3, 70],
};

const SECRETARIES = ['zhaoli', 'huangjing', 'zhouting'] as const;
const COUNTY_HEAD = 'wangjianguo';

/** Staff who draft (拟稿) in each department; their 核稿人 is their direct superior. */
const DRAFTERS: Readonly<Record<string, readonly string[]>> = {
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
const COUNTERSIGNERS = [
  'office',
  'finance',
  'drc',
  'education',
  'health',
  'transport',
  'emergency',
  'agri',
] as const;

type Recipient = { unitId: string } | { name: string };
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

/**
 * One kind of document a department drafts: 文种, 标题 (`{Y}` the year, `{Y+1}` the next),
 * 主题词, 分类, and where it goes (`down`: the townships and departments; `up`: a city office;
 * `town`: 城关镇 only; `letter`: one external unit; `public`: no 主送; `congress`: 县人大常委会).
 */
interface Template {
  docType: string;
  dept: string;
  title: string;
  keywords: string[];
  classification: string;
  to: 'down' | 'up' | 'town' | 'letter' | 'public' | 'congress' | 'office';
  /** For `up` and `letter`: the 主送 unit. */
  recipient?: Recipient;
}

const T = (
  docType: string,
  dept: string,
  title: string,
  keywords: string[],
  classification: string,
  to: Template['to'],
  recipient?: Recipient,
): Template => ({
  docType,
  dept,
  title,
  keywords,
  classification,
  to,
  ...(recipient && { recipient }),
});

/** The demo 发文, by 文种 and drafting department. */
const TEMPLATES: readonly Template[] = [
  // 通知
  T('通知', 'health', '关于开展{Y}年爱国卫生月活动的通知', ['爱国卫生'], '卫生健康', 'down'),
  T('通知', 'transport', '关于做好{Y+1}年春运工作的通知', ['春运'], '交通运输', 'down'),
  T('通知', 'finance', '关于加强{Y}年年终财政收支管理的通知', ['年终', '财政收支'], '财政', 'down'),
  T('通知', 'drc', '关于做好{Y}年冬季煤电油气保供工作的通知', ['保供', '冬季'], '发展改革', 'down'),
  T(
    '通知',
    'education',
    '关于开展{Y}年学生资助政策宣传工作的通知',
    ['学生资助', '宣传'],
    '教育',
    'down',
  ),
  T(
    '通知',
    'agri',
    '关于做好{Y}年秋季重大动物疫病防控工作的通知',
    ['动物疫病', '防控'],
    '农业农村',
    'down',
  ),
  T(
    '通知',
    'emergency',
    '关于做好{Y}年冬季安全生产工作的通知',
    ['冬季', '安全生产'],
    '安全生产',
    'down',
  ),
  T(
    '通知',
    'general',
    '关于做好{Y}年度县政府工作报告起草准备工作的通知',
    ['政府工作报告', '起草'],
    '综合',
    'office',
  ),
  T('通知', 'office', '关于印发《示例县人民政府工作规则》的通知', ['工作规则'], '综合', 'down'),
  T(
    '通知',
    'health',
    '关于印发《示例县突发公共卫生事件应急预案》的通知',
    ['应急预案', '公共卫生'],
    '卫生健康',
    'down',
  ),
  T(
    '通知',
    'emergency',
    '关于印发《示例县{Y}年安全生产专项整治实施方案》的通知',
    ['安全生产', '专项整治', '方案'],
    '安全生产',
    'down',
  ),
  T(
    '通知',
    'office',
    '关于做好{Y+1}年元旦春节期间有关工作的通知',
    ['元旦', '春节', '值班'],
    '综合',
    'down',
  ),
  T(
    '通知',
    'emergency',
    '关于做好{Y}年冬春季森林防灭火工作的通知',
    ['森林防火', '冬春季'],
    '应急管理',
    'down',
  ),
  T(
    '通知',
    'transport',
    '关于开展道路交通安全隐患排查整治的通知',
    ['交通安全', '隐患排查'],
    '交通运输',
    'down',
  ),
  T(
    '通知',
    'health',
    '关于做好{Y}年秋冬季传染病防控工作的通知',
    ['传染病', '防控'],
    '卫生健康',
    'down',
  ),
  T(
    '通知',
    'education',
    '关于做好{Y}年秋季学期学校安全工作的通知',
    ['学校安全', '秋季学期'],
    '教育',
    'down',
  ),
  T(
    '通知',
    'agri',
    '关于做好{Y}年秋冬种生产工作的通知',
    ['秋冬种', '农业生产'],
    '农业农村',
    'down',
  ),
  T(
    '通知',
    'finance',
    '关于做好{Y}年度部门决算编报工作的通知',
    ['部门决算', '财政'],
    '财政',
    'down',
  ),
  T('通知', 'budget', '关于编制{Y+1}年县级部门预算的通知', ['部门预算', '编制'], '财政', 'down'),
  T(
    '通知',
    'drc',
    '关于报送{Y+1}年重点项目计划的通知',
    ['重点项目', '投资计划'],
    '发展改革',
    'down',
  ),
  T(
    '通知',
    'general',
    '关于调整县政府领导同志工作分工的通知',
    ['领导分工', '调整'],
    '综合',
    'down',
  ),
  T(
    '通知',
    'office',
    '关于印发《示例县人民政府{Y+1}年重点工作任务分解方案》的通知',
    ['重点工作', '任务分解'],
    '综合',
    'down',
  ),
  T(
    '通知',
    'agri',
    '关于印发《示例县高标准农田建设项目管理办法》的通知',
    ['高标准农田', '项目管理'],
    '农业农村',
    'down',
  ),
  T(
    '通知',
    'emergency',
    '关于开展{Y}年度防灾减灾应急演练的通知',
    ['应急演练', '防灾减灾'],
    '应急管理',
    'down',
  ),
  T(
    '通知',
    'general',
    '关于进一步规范政务信息报送工作的通知',
    ['政务信息', '报送'],
    '综合',
    'office',
  ),
  T(
    '通知',
    'office',
    '关于开展{Y}年度政务公开工作考核的通知',
    ['政务公开', '考核'],
    '综合',
    'office',
  ),
  // 请示
  T(
    '请示',
    'budget',
    '关于申请调整{Y}年县级预算的请示',
    ['预算调整'],
    '财政',
    'up',
    UP_MAIN.cityFinance,
  ),
  T(
    '请示',
    'transport',
    '关于申请将示例县至邻县公路纳入省道规划的请示',
    ['省道规划', '公路'],
    '交通运输',
    'up',
    UP_MAIN.cityTransport,
  ),
  T(
    '请示',
    'education',
    '关于申请建设县第二中学新校区的请示',
    ['新校区', '县第二中学'],
    '教育',
    'up',
    UP_MAIN.city,
  ),
  T(
    '请示',
    'agri',
    '关于申请拨付{Y}年动物防疫补助经费的请示',
    ['动物防疫', '补助经费'],
    '农业农村',
    'up',
    UP_MAIN.cityAgri,
  ),
  T(
    '请示',
    'emergency',
    '关于申请下达{Y}年地质灾害防治资金的请示',
    ['地质灾害', '防治资金'],
    '应急管理',
    'up',
    UP_MAIN.cityEmergency,
  ),
  T(
    '请示',
    'office',
    '关于示例县申报省级全域旅游示范区的请示',
    ['全域旅游', '示范区'],
    '综合',
    'up',
    UP_MAIN.city,
  ),
  T(
    '请示',
    'transport',
    '关于申请拨付{Y}年农村公路养护资金的请示',
    ['农村公路', '养护资金'],
    '交通运输',
    'up',
    UP_MAIN.cityTransport,
  ),
  T(
    '请示',
    'education',
    '关于申请追加义务教育薄弱环节改善资金的请示',
    ['义务教育', '资金'],
    '教育',
    'up',
    UP_MAIN.cityEducation,
  ),
  T(
    '请示',
    'agri',
    '关于申请下达{Y}年高标准农田建设补助资金的请示',
    ['高标准农田', '补助资金'],
    '农业农村',
    'up',
    UP_MAIN.cityAgri,
  ),
  T(
    '请示',
    'drc',
    '关于将示例县工业园区纳入市级重点园区的请示',
    ['工业园区', '重点园区'],
    '发展改革',
    'up',
    UP_MAIN.city,
  ),
  T(
    '请示',
    'health',
    '关于申请县人民医院改扩建项目前期经费的请示',
    ['县人民医院', '改扩建'],
    '卫生健康',
    'up',
    UP_MAIN.cityHealth,
  ),
  T(
    '请示',
    'emergency',
    '关于申请配备森林消防专用车辆的请示',
    ['森林消防', '车辆'],
    '应急管理',
    'up',
    UP_MAIN.cityEmergency,
  ),
  T(
    '请示',
    'finance',
    '关于申请提前下达{Y+1}年转移支付资金的请示',
    ['转移支付', '资金'],
    '财政',
    'up',
    UP_MAIN.cityFinance,
  ),
  // 报告
  T(
    '报告',
    'transport',
    '关于示例县{Y}年农村公路建设情况的报告',
    ['农村公路', '建设'],
    '交通运输',
    'up',
    UP_MAIN.cityTransport,
  ),
  T(
    '报告',
    'finance',
    '关于示例县{Y}年1—10月财政收支情况的报告',
    ['财政收支'],
    '财政',
    'up',
    UP_MAIN.cityFinance,
  ),
  T(
    '报告',
    'emergency',
    '关于示例县汛期安全防范工作情况的报告',
    ['汛期', '安全防范'],
    '应急管理',
    'up',
    UP_MAIN.cityEmergency,
  ),
  T(
    '报告',
    'office',
    '关于示例县落实市政府重点工作任务进展情况的报告',
    ['重点工作', '进展'],
    '综合',
    'up',
    UP_MAIN.cityOffice,
  ),
  T(
    '报告',
    'office',
    '关于示例县{Y}年法治政府建设情况的报告',
    ['法治政府', '年度报告'],
    '综合',
    'up',
    UP_MAIN.city,
  ),
  T(
    '报告',
    'emergency',
    '关于示例县{Y}年安全生产工作情况的报告',
    ['安全生产', '工作情况'],
    '安全生产',
    'up',
    UP_MAIN.cityEmergency,
  ),
  T(
    '报告',
    'agri',
    '关于示例县秋粮收购进展情况的报告',
    ['秋粮', '收购'],
    '农业农村',
    'up',
    UP_MAIN.cityAgri,
  ),
  T(
    '报告',
    'drc',
    '关于示例县{Y}年前三季度经济运行情况的报告',
    ['经济运行', '前三季度'],
    '发展改革',
    'up',
    UP_MAIN.cityOffice,
  ),
  T(
    '报告',
    'health',
    '关于示例县基层医疗卫生服务能力提升工作的报告',
    ['基层医疗', '能力提升'],
    '卫生健康',
    'up',
    UP_MAIN.cityHealth,
  ),
  T(
    '报告',
    'education',
    '关于示例县义务教育优质均衡发展推进情况的报告',
    ['义务教育', '优质均衡'],
    '教育',
    'up',
    UP_MAIN.cityEducation,
  ),
  // 意见
  T(
    '意见',
    'agri',
    '关于加快推进乡村振兴示范村建设的实施意见',
    ['乡村振兴', '示范村'],
    '农业农村',
    'down',
  ),
  T('意见', 'drc', '关于进一步优化营商环境的实施意见', ['营商环境', '优化'], '发展改革', 'down'),
  T(
    '意见',
    'health',
    '关于推进紧密型县域医共体建设的实施意见',
    ['医共体', '县域'],
    '卫生健康',
    'down',
  ),
  // 通报
  T(
    '通报',
    'health',
    '关于{Y}年第三季度医疗质量检查情况的通报',
    ['医疗质量', '检查'],
    '卫生健康',
    'down',
  ),
  T(
    '通报',
    'transport',
    '关于国庆期间道路交通安全工作情况的通报',
    ['国庆', '交通安全'],
    '交通运输',
    'down',
  ),
  T(
    '通报',
    'general',
    '关于{Y}年第三季度政务督查情况的通报',
    ['政务督查', '第三季度'],
    '综合',
    'down',
  ),
  T(
    '通报',
    'emergency',
    '关于近期几起生产安全事故的通报',
    ['生产安全', '事故'],
    '安全生产',
    'down',
  ),
  T(
    '通报',
    'office',
    '关于表扬{Y}年度防汛抗旱工作先进集体和先进个人的通报',
    ['防汛抗旱', '表扬'],
    '综合',
    'down',
  ),
  // 函
  T(
    '函',
    'agri',
    '关于商请支持示例县特色农产品展销活动的函',
    ['农产品', '展销'],
    '农业农村',
    'letter',
    n('邻县人民政府'),
  ),
  T(
    '函',
    'education',
    '关于商请选派骨干教师支教的函',
    ['支教', '骨干教师'],
    '教育',
    'letter',
    UP_MAIN.cityEducation,
  ),
  T(
    '函',
    'transport',
    '关于商请协调国道改线工程用地事宜的函',
    ['国道', '用地'],
    '交通运输',
    'letter',
    n('邻县人民政府'),
  ),
  T(
    '函',
    'drc',
    '关于商请支持工业园区供电线路改造的函',
    ['供电', '线路改造'],
    '发展改革',
    'letter',
    n('国网示例县供电公司'),
  ),
  T(
    '函',
    'office',
    '关于征求《示例县国土空间总体规划》意见的函',
    ['国土空间规划', '征求意见'],
    '综合',
    'letter',
    n('市自然资源和规划局'),
  ),
  T(
    '函',
    'health',
    '关于商请支持县域医共体信息化建设的函',
    ['医共体', '信息化'],
    '卫生健康',
    'letter',
    UP_MAIN.cityHealth,
  ),
  // 批复
  T(
    '批复',
    'transport',
    '关于同意城关镇实施农村公路危桥改造的批复',
    ['危桥改造'],
    '交通运输',
    'town',
  ),
  T('批复', 'education', '关于同意城关镇中心小学扩建的批复', ['中心小学', '扩建'], '教育', 'town'),
  T(
    '批复',
    'general',
    '关于同意城关镇调整部分村级区划的批复',
    ['村级区划', '调整'],
    '综合',
    'town',
  ),
  T(
    '批复',
    'finance',
    '关于城关镇老旧小区改造资金安排的批复',
    ['老旧小区', '改造资金'],
    '财政',
    'town',
  ),
  T(
    '批复',
    'agri',
    '关于同意城关镇实施高标准农田建设项目的批复',
    ['高标准农田', '项目'],
    '农业农村',
    'town',
  ),
  // 决定
  T(
    '决定',
    'office',
    '关于废止和修改部分县政府规范性文件的决定',
    ['规范性文件', '清理'],
    '综合',
    'down',
  ),
  T(
    '决定',
    'emergency',
    '关于表彰{Y}年度安全生产工作先进单位的决定',
    ['安全生产', '表彰'],
    '安全生产',
    'down',
  ),
  // 通告
  T(
    '通告',
    'transport',
    '关于县城区部分道路实施交通管制的通告',
    ['交通管制', '道路'],
    '交通运输',
    'public',
  ),
  T(
    '通告',
    'emergency',
    '关于进入森林防火紧要期的通告',
    ['森林防火', '紧要期'],
    '应急管理',
    'public',
  ),
  // 公告
  T(
    '公告',
    'finance',
    '关于{Y+1}年度县级政府采购集中采购目录的公告',
    ['政府采购', '集中采购目录'],
    '财政',
    'public',
  ),
  T(
    '公告',
    'drc',
    '关于示例县{Y}年重大行政决策事项目录的公告',
    ['重大行政决策', '目录'],
    '发展改革',
    'public',
  ),
  // 纪要
  T('纪要', 'general', '示例县人民政府第{N}次常务会议纪要', ['常务会议', '纪要'], '综合', 'office'),
  T(
    '纪要',
    'office',
    '关于研究县城区停车难问题的专题会议纪要',
    ['停车', '专题会议'],
    '综合',
    'office',
  ),
  // 公报
  T(
    '公报',
    'drc',
    '示例县{Y-1}年国民经济和社会发展统计公报',
    ['统计公报', '国民经济'],
    '发展改革',
    'public',
  ),
  // 议案
  T(
    '议案',
    'office',
    '关于提请审议《示例县{Y+1}年国民经济和社会发展计划》的议案',
    ['发展计划', '审议'],
    '综合',
    'congress',
  ),
  T(
    '议案',
    'finance',
    '关于提请审议示例县{Y}年县级预算调整方案的议案',
    ['预算调整', '审议'],
    '财政',
    'congress',
  ),
  // 命令（令）
  T(
    '命令（令）',
    'emergency',
    '示例县人民政府关于发布森林防火戒严令的命令',
    ['森林防火', '戒严令'],
    '应急管理',
    'public',
  ),
  // 决议
  T(
    '决议',
    'general',
    '示例县人民政府常务会议关于《示例县{Y+1}年民生实事项目》的决议',
    ['民生实事', '决议'],
    '综合',
    'office',
  ),
];

/** How often each 文种 comes up, relative. */
const DOC_TYPE_WEIGHTS: Readonly<Record<string, number>> = {
  通知: 40,
  请示: 14,
  报告: 10,
  意见: 5,
  通报: 5,
  函: 8,
  批复: 5,
  决定: 3,
  通告: 2,
  公告: 2,
  纪要: 4,
  公报: 1,
  议案: 1,
  '命令（令）': 1,
  决议: 1,
};

/** Sections of the body by 文种: 一、 headings, with (一) sub-headings under the second. */
const SECTIONS: Readonly<Record<string, readonly string[]>> = {
  通知: ['一、总体要求', '二、重点任务', '三、工作要求'],
  意见: ['一、指导思想', '二、主要任务', '三、保障措施'],
  决定: ['一、决定事项', '二、有关要求'],
  请示: ['一、基本情况', '二、申请事项'],
  报告: ['一、工作开展情况', '二、存在的主要问题', '三、下一步工作打算'],
  通报: ['一、基本情况', '二、存在的问题', '三、下一步要求'],
  纪要: ['一、会议议定事项', '二、责任分工'],
  函: [],
  批复: [],
  通告: [],
  公告: [],
  公报: ['一、综合', '二、农业', '三、工业和建筑业'],
  议案: [],
  '命令（令）': [],
  决议: [],
};

const TASK_LINES = [
  '各乡镇、各部门要压紧压实主体责任，主要负责同志亲自部署、亲自督促，确保各项任务落到实处。',
  '要建立工作台账，明确责任单位、责任人和完成时限，实行清单化管理、销号式推进。',
  '要加强统筹协调，形成工作合力，对工作中发现的问题及时研究解决。',
  '要严格落实值班值守制度，保持通讯畅通，遇有重大情况第一时间报告。',
  '县政府督查室将适时开展督查，督查结果纳入年度目标考核。',
  '所需经费按现行财政体制分级负担，县财政局做好资金保障。',
];
/** Lines of 请示, 报告 and 函, which state facts and ask rather than assign tasks. */
const REPORT_LINES = [
  '近年来，我县高度重视此项工作，成立了以分管县领导为组长的工作专班，统筹推进各项任务。',
  '经初步测算，项目总投资约1850万元，目前已落实县级配套资金620万元，资金缺口较大。',
  '截至目前，各项工作按计划有序推进，阶段性目标任务已基本完成。',
  '受县级财力所限，仅靠自身力量难以在规定时限内完成建设任务。',
  '下一步，我县将进一步压实责任，加强调度，确保按期完成各项目标任务。',
] as const;
/** Lines of a 批复. */
const APPROVAL_LINES = [
  '原则同意你镇所报方案。请严格按照有关规定组织实施，确保工程质量和资金安全。',
  '同意你镇的意见。所需资金由你镇统筹解决，县级按有关政策给予适当补助。',
] as const;
const SUB_HEADINGS = [
  ['（一）强化组织领导', '（二）突出工作重点', '（三）严格督促检查'],
  ['（一）全面排查摸底', '（二）集中整治攻坚', '（三）巩固提升成效'],
  ['（一）明确目标任务', '（二）完善工作机制', '（三）加强宣传引导'],
] as const;
const REVISIONS = [
  '请各单位于每月5日前将工作进展情况报县政府办公室。',
  '对工作推进不力、问题整改不到位的，将依规依纪严肃追责问责。',
  '要注重总结推广典型经验，以点带面推动工作整体提升。',
  '涉及资金使用的，严格执行财务管理制度，确保专款专用。',
  '各牵头单位要加强对乡镇的业务指导，及时协调解决困难和问题。',
] as const;
const CHECK_OPINIONS = [
  '文稿基本成熟，请相关部门会签。',
  '已修改，请会签后送复核。',
  '同意，请按程序办理。',
  '内容符合实际，文字已作调整，请会签。',
] as const;
const CHECK_RETURNS = [
  '请补充近三年资金使用情况及绩效目标。',
  '文种使用不当，请改为请示并重新组织文稿。',
  '任务分工不够具体，请细化责任单位和完成时限。',
  '请与上级文件精神再核对，补充有关政策依据。',
] as const;
const MEMBER_OPINIONS = [
  '经研究，无修改意见。',
  '建议在保障措施中补充资金保障内容。',
  '建议明确乡镇和部门的职责分工。',
  '建议将完成时限调整为年底前。',
  '无意见，同意发文。',
] as const;
const HEAD_OPINIONS = [
  '同意。',
  '同意发文。',
  '同意承办人意见。',
  '同意，请吸收我局意见后印发。',
  '无修改意见，同意。',
] as const;
const DISAGREE_OPINIONS = [
  '不同意。资金来源表述与县级财力不符，建议删除配套比例的表述后再议。',
  '不同意。涉及我单位职责的内容与“三定”方案不符，请修改后再送会签。',
] as const;
const RECHECK_OPINIONS = [
  '复核无误。',
  '格式规范，复核无误，请领导签发。',
  '已复核，同意报签。',
] as const;
const RECHECK_RETURNS = [
  '附件名称与正文表述不一致，请核对后再送复核。',
  '主送单位有遗漏，请补充后再送复核。',
] as const;
const SIGN_OPINIONS = ['同意印发。', '同意。', '同意，抓紧印发。', '同意报送。'] as const;
const REVISION_REASONS = [
  '请结合县常务会议意见作较大修改，并重新征求财政、发改部门意见。',
  '工作目标过高，请重新测算后修改，修改后再会签。',
] as const;
const REJECT_REASONS = [
  '此事已在县常务会议研究，不再另行发文。',
  '上级尚未明确政策口径，暂缓发文。',
  '内容与已印发的文件重复，不予签发。',
] as const;
const CANCEL_REASONS = ['上级已另行发文，本文不再印发。', '工作安排调整，本稿作废。'] as const;
const VOID_REASONS = [
  '成文时发现文号与已印发文件重复登记，作废重取。',
  '文种调整，原文号作废。',
  '印制前发现发文机关代字有误，原文号作废。',
] as const;

const users = new Map(DEMO_ORG.users.map((u) => [u.id, u]));
const departments = new Map(DEMO_ORG.departments.map((d) => [d.id, d]));

function headOf(id: string): string {
  const head = departments.get(id)?.headUserId;
  if (!head) throw new Error(`demo department ${id} has no head`);
  return head;
}
/** People working in the department itself (not its head). */
function staffOf(id: string): string[] {
  const head = headOf(id);
  return DEMO_ORG.users
    .filter((u) => u.departmentId === id && u.id !== head && u.active)
    .map((u) => u.id);
}
/** 分管领导 of a department (a 股 under its bureau). */
function leaderOf(deptId: string): string {
  const top = deptId === 'budget' ? 'finance' : deptId === 'general' ? 'office' : deptId;
  for (const [leader, portfolio] of Object.entries(DEMO_LEADER_PORTFOLIOS)) {
    if (portfolio.includes(top)) return leader;
  }
  return COUNTY_HEAD;
}
function superiorOf(userId: string): string {
  const s = users.get(userId)?.superiorId;
  if (!s) throw new Error(`demo user ${userId} has no superior`);
  return s;
}
/** The bureau a department belongs to (预算股 → 县财政局, 综合科 → 县政府办公室). */
function bureauOf(deptId: string): string {
  return deptId === 'budget' ? 'finance' : deptId === 'general' ? 'office' : deptId;
}

/** 机关代字 of a document: 县政府办公室 issues 示政办发; 请示/报告 go as 示政, 函 as 示政函. */
function issuerCodeOf(t: Template): string {
  if (t.docType === '函') return '示政函';
  if (t.docType === '请示' || t.docType === '报告' || t.docType === '议案') return '示政';
  if (t.to === 'office' || (t.dept === 'office' && t.docType === '通知' && t.to !== 'down'))
    return '示政办发';
  if (t.docType === '纪要') return '示政办发';
  return '示政发';
}

const heading = (level: 1 | 2, text: string): DocumentBlock => ({ type: 'heading', level, text });
const para = (text: string): DocumentBlock => ({ type: 'paragraph', text });

type Event = PlannedStep['event'];
type CountersignDept = { departmentId: string; memberOpinionTo: 'head' | 'next' };

/** The first paragraph of a body, by 文种; `matter` is the title without 关于 … 的文种. */
function openingOf(docType: string, matter: string): string {
  if (matter.startsWith('印发')) {
    return `现将${matter.slice(2)}印发给你们，请结合实际认真贯彻执行。`;
  }
  switch (docType) {
    case '请示':
      return `为${matter.replace(/^申请/, '争取')}，切实解决实际困难，现将有关事项请示如下：`;
    case '报告':
      return `现将${matter.replace(/^示例县/, '我县')}有关情况报告如下：`;
    case '函':
      return `为推进相关工作，现就${matter.replace(/^商请(协调|支持)?/, '')}有关事项函商如下：`;
    case '批复':
      return `你镇关于${matter.replace(/^(同意)?城关镇/, '')}的请示收悉。经县人民政府研究，批复如下：`;
    case '纪要':
      return '县人民政府召开会议，研究部署近期重点工作。现将会议议定事项纪要如下：';
    case '公报':
      return '过去一年，全县上下坚持稳中求进工作总基调，经济社会保持健康平稳发展。';
    case '命令（令）':
      return '当前已进入森林防火紧要期，为严防森林火灾发生，保护人民群众生命财产安全，县人民政府决定发布森林防火戒严令。';
    case '决议':
      return '县人民政府常务会议审议了民生实事项目安排，会议同意所提项目，并作如下决议：';
    case '议案':
      return `根据《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》有关规定，现提请县人民代表大会常务委员会审议${matter.replace(/^提请审议/, '')}。`;
    case '通告':
    case '公告':
      return `根据有关法律法规规定，现就${matter}有关事项${docType}如下：`;
    default:
      return `为认真贯彻落实上级有关部署，${matter}，结合我县实际，现就有关事项${docType === '通知' ? '通知' : '明确'}如下：`;
  }
}
interface Build {
  steps: PlannedStep[];
  features: string[];
  body: DocumentBody;
}

/**
 * Plans the demo 发文 cases of the `days` before `now`, deterministically from `seed`: drafted
 * by department staff of 示例县人民政府, 核稿 by their direct superior, 会签 by other bureaus
 * (依次 and 同时, heads and the members they pick), 返还, 复核 by the 秘书科, 签发 by the
 * 分管领导 or the 县长, 成文 — in office hours of the calendar, ending in the shares of
 * TARGET_SHARES. Nothing is sent here.
 */
export function planOutgoingCases(options: OutgoingPlanOptions): OutgoingCasePlan[] {
  const { calendar } = options;
  const nowMs = options.now.getTime();
  const count = options.count ?? 120;
  const days = options.days ?? 120;
  const r = createRandom(options.seed ?? 20261126);
  const wt = workTime(calendar);
  const latest = nowMs - 5 * MINUTE;
  const add = (t: number, min: number, max: number) => wt.add(t, r.int(min * 60, max * 60) / 60);

  const total = Object.values(TARGET_SHARES).reduce((s, x) => s + x, 0);
  const targets: OutgoingTarget[] = [];
  for (const [target, share] of Object.entries(TARGET_SHARES) as Array<[OutgoingTarget, number]>) {
    const k = Math.max(1, Math.round((share * count) / total));
    for (let i = 0; i < k; i++) targets.push(target);
  }
  while (targets.length > count) targets.splice(targets.indexOf('sealing'), 1);
  while (targets.length < count) targets.push('sealing');
  const shuffled = r.sample(targets, targets.length);

  // 文种: the first cases take every one of the 15 once, the rest by weight.
  const byType = new Map<string, Template[]>();
  for (const t of TEMPLATES) byType.set(t.docType, [...(byType.get(t.docType) ?? []), t]);
  const usedTitles = new Set<string>();
  const seen = new Map<OutgoingTarget, number>();

  function pickTemplate(i: number): Template {
    const types = [...byType.keys()];
    // a 文种 whose documents are all drafted already is drawn again (a few times)
    let docType = i < types.length ? types[i]! : r.weighted(DOC_TYPE_WEIGHTS);
    for (let k = 0; k < 6 && byType.get(docType)!.every((t) => usedTitles.has(t.title)); k++) {
      docType = r.weighted(DOC_TYPE_WEIGHTS);
    }
    const list = byType.get(docType)!;
    const fresh = list.filter((t) => !usedTitles.has(t.title));
    return r.pick(fresh.length > 0 ? fresh : list);
  }

  function planOne(target: OutgoingTarget, i: number): OutgoingCasePlan {
    const ordinal = (seen.get(target) ?? 0) + 1;
    seen.set(target, ordinal);
    const template = pickTemplate(i);
    usedTitles.add(template.title);
    for (let attempt = 0; attempt < 40; attempt++) {
      const [minAgo, maxAgo] = DRAFT_WINDOW[target];
      const ago = Math.min(days - 3, minAgo + r.next() * (maxAgo - minAgo) + attempt * 2);
      const draftedAt = add(nowMs - ago * DAY, 1, 90);
      if (draftedAt >= latest - 30 * MINUTE) continue;
      const plan = buildCase(target, ordinal, template, draftedAt);
      const last = plan.steps.at(-1)?.at.getTime() ?? draftedAt;
      if (last < latest) return plan;
    }
    throw new Error(
      `could not fit a demo 发文 ending in ${target} before ${options.now.toISOString()}`,
    );
  }

  function makeBody(t: Template, title: string): DocumentBody {
    const lines: readonly string[] =
      t.docType === '批复'
        ? APPROVAL_LINES
        : ['请示', '报告', '函'].includes(t.docType)
          ? REPORT_LINES
          : TASK_LINES;
    const matter = title
      .replace(/^关于/, '')
      .replace(/的(通知|请示|报告|实施意见|意见|通报|函|批复|决定|通告|公告|议案)$/, '');
    const blocks: DocumentBlock[] = [];
    const sections = SECTIONS[t.docType] ?? [];
    blocks.push(para(openingOf(t.docType, matter)));
    const subs = r.pick(SUB_HEADINGS);
    sections.forEach((s, k) => {
      blocks.push(heading(1, s));
      if (k === 1 && r.chance(0.6)) {
        for (const sub of subs.slice(0, r.int(2, 3))) {
          blocks.push(heading(2, sub));
          blocks.push(para(r.pick(lines)));
        }
      } else {
        blocks.push(para(r.pick(lines)));
      }
    });
    if (sections.length === 0) blocks.push(para(r.pick(lines)));
    if (t.docType === '请示') blocks.push(para('妥否，请批示。'));
    if (t.docType === '函') blocks.push(para('请予支持为盼。'));
    if (t.docType === '报告') blocks.push(para('特此报告。'));
    return { blocks };
  }

  function revised(body: DocumentBody): DocumentBody {
    const blocks = [...body.blocks];
    const at = blocks.findLastIndex((b) => b.type === 'paragraph');
    const line = r.pick(REVISIONS);
    const old = blocks[at];
    if (old?.type === 'paragraph' && !old.text.includes(line) && r.chance(0.6)) {
      blocks[at] = para(`${old.text}${line}`);
    } else {
      blocks.splice(at, 0, para(line));
    }
    return { blocks };
  }

  function buildCase(
    target: OutgoingTarget,
    ordinal: number,
    t: Template,
    draftedAt: number,
  ): OutgoingCasePlan {
    const draftDate = calendar.dateOf(new Date(draftedAt));
    const year = Number(draftDate.slice(0, 4));
    const title = t.title
      .replaceAll('{Y+1}', String(year + 1))
      .replaceAll('{Y-1}', String(year - 1))
      .replaceAll('{Y}', String(year))
      .replaceAll('{N}', String(r.int(30, 48)));
    const drafter = r.pick(DRAFTERS[t.dept]!);
    const checker = superiorOf(drafter);
    const urgency = r.weighted({ 普通: 70, 加急: 22, 特急: 8 });
    const secrecy = t.to === 'public' ? '非密' : r.weighted({ 非密: 88, 秘密: 9, 机密: 3 });
    const { main, cc } = recipientsOf(t);
    const b: Build = { steps: [], features: [], body: makeBody(t, title) };
    const input: Record<string, unknown> = {
      draftingDepartment: t.dept,
      issuerCode: issuerCodeOf(t),
      docType: t.docType,
      secrecy,
      ...(secrecy !== '非密' && { secrecyTerm: SECRECY_TERMS[secrecy] }),
      urgency,
      classification: t.classification,
      mainRecipients: main,
      ccRecipients: cc,
      title,
      copies: t.to === 'up' || t.to === 'letter' ? r.int(2, 5) : r.int(20, 60),
      keywords: t.keywords,
      attachments: [],
      body: b.body,
    };
    const push = (at: number, actorId: string, event: Event) => {
      b.steps.push({ at: new Date(at), actorId, event });
    };
    const finish = (): OutgoingCasePlan => ({
      caseId: r.uuid(),
      title,
      drafter,
      draftedAt: new Date(draftedAt),
      input,
      steps: b.steps.sort((x, y) => x.at.getTime() - y.at.getTime()),
      target,
      expectedState: target,
      features: b.features,
    });
    const speed: [number, number] =
      urgency === '特急' ? [20, 240] : urgency === '加急' ? [40, 600] : [60, 1500];
    const next = (from: number) => add(from, speed[0], speed[1]);
    const edit = (at: number, actorId: string, note?: string) => {
      b.body = revised(b.body);
      push(at, actorId, { type: 'EDIT', body: b.body, ...(note !== undefined && { note }) });
    };

    // 拟稿
    let at = draftedAt;
    if (r.chance(0.35)) {
      at = add(at, 30, 600);
      edit(at, drafter, '补充完善');
    }
    if (target === 'drafting') {
      const variant =
        ordinal === 1 ? 'withdrawn' : r.weighted({ fresh: 4, returned: 4, withdrawn: 1 });
      if (variant === 'fresh') return finish();
      at = add(at, 10, 240);
      push(at, drafter, { type: 'SUBMIT' });
      if (variant === 'withdrawn') {
        // 撤回 before the checker acts
        push(add(at, 5, 60), drafter, { type: 'WITHDRAW' });
        b.features.push('submitWithdrawn');
        return finish();
      }
      at = next(at);
      b.features.push('returnedAtCheck');
      push(at, checker, { type: 'RETURN', reason: r.pick(CHECK_RETURNS) });
      if (r.chance(0.5)) edit(add(at, 30, 600), drafter, '按核稿意见修改');
      return finish();
    }
    if (target === 'cancelled') {
      if (r.chance(0.5)) {
        at = add(at, 10, 240);
        push(at, drafter, { type: 'SUBMIT' });
        at = next(at);
        b.features.push('returnedAtCheck');
        push(at, checker, { type: 'RETURN', reason: r.pick(CHECK_RETURNS) });
      }
      at = add(at, 60, 1500);
      push(at, drafter, { type: 'CANCEL', reason: r.pick(CANCEL_REASONS) });
      return finish();
    }

    // 送核稿, 核稿 (sometimes 退回 first)
    at = add(at, 10, 240);
    push(at, drafter, { type: 'SUBMIT' });
    if (r.chance(0.1)) {
      at = next(at);
      b.features.push('returnedAtCheck');
      push(at, checker, { type: 'RETURN', reason: r.pick(CHECK_RETURNS) });
      at = add(at, 60, 1200);
      edit(at, drafter, '按核稿意见修改');
      at = add(at, 5, 60);
      push(at, drafter, { type: 'SUBMIT', note: '已按核稿意见修改，请再审。' });
    }
    if (target === 'checking') {
      if (r.chance(0.3)) edit(next(at), checker, '核稿修改');
      return finish();
    }

    // 核稿: the 会签 plan, the 签发人, sometimes a named 复核人
    const wantsCountersign =
      target === 'countersigning' || (target === 'consolidating' ? r.chance(0.8) : r.chance(0.65));
    const others = COUNTERSIGNERS.filter((d) => d !== bureauOf(t.dept));
    const csDepts = wantsCountersign ? r.sample(others, r.chance(0.35) ? 1 : r.int(2, 3)) : [];
    const plan: { mode: 'sequence' | 'parallel'; departments: CountersignDept[] } = {
      mode: csDepts.length > 1 && r.chance(0.5) ? 'sequence' : 'parallel',
      departments: csDepts.map((departmentId) => ({
        departmentId,
        memberOpinionTo: r.chance(0.75) ? 'head' : 'next',
      })),
    };
    const important =
      t.docType === '议案' ||
      t.docType === '命令（令）' ||
      t.docType === '决定' ||
      t.docType === '公报' ||
      urgency === '特急' ||
      r.chance(0.2);
    const signer = important ? COUNTY_HEAD : leaderOf(t.dept);
    const namedRechecker = r.chance(0.15);
    /** 复核: the named 复核人, else someone of the 秘书科. */
    const rechecker = () => (namedRechecker ? 'zhaoli' : r.pick(SECRETARIES));
    const checkBody = r.chance(0.3);
    if (checkBody) b.body = revised(b.body);
    at = next(at);
    push(at, checker, {
      type: 'CHECK',
      opinion: csDepts.length > 0 ? r.pick(CHECK_OPINIONS) : '同意，请送复核。',
      ...(checkBody && { body: b.body }),
      countersign: plan,
      signer,
      ...(namedRechecker && { rechecker: 'zhaoli' }),
    });

    /** One 会签 round; returns its end and the departments that did not agree. */
    const countersignRound = (
      from: number,
      depts: readonly CountersignDept[],
      mode: 'sequence' | 'parallel',
      mayDisagree: boolean,
      stopEarly: boolean,
    ): { end: number; disagreed: string[] } => {
      const round: PlannedStep[] = [];
      const disagreed: string[] = [];
      let chainFrom = from;
      let end = from;
      for (const d of depts) {
        const dept = d.departmentId;
        const head = headOf(dept);
        const staff = staffOf(dept);
        let t0 = mode === 'sequence' ? chainFrom : from;
        const step = (actorId: string, event: Event) => {
          t0 = next(t0);
          round.push({ at: new Date(t0), actorId, event });
        };
        const agree = !(mayDisagree && r.chance(0.08));
        if (!agree) disagreed.push(dept);
        if (staff.length === 0 || r.chance(0.3)) {
          step(head, {
            type: 'COUNTERSIGN',
            departmentId: dept,
            agree,
            opinion: agree ? r.pick(HEAD_OPINIONS) : r.pick(DISAGREE_OPINIONS),
          });
        } else {
          let member = r.pick(staff);
          step(head, {
            type: 'ASSIGN_MEMBER',
            departmentId: dept,
            memberId: member,
            note: '请提出会签意见。',
          });
          if (staff.length > 1 && r.chance(0.06)) {
            step(head, { type: 'WITHDRAW', departmentId: dept });
            member = r.pick(staff.filter((s) => s !== member));
            step(head, { type: 'ASSIGN_MEMBER', departmentId: dept, memberId: member });
            b.features.push('assignWithdrawn');
          }
          const proposes = r.chance(0.2);
          if (proposes) b.body = revised(b.body);
          step(member, {
            type: 'COUNTERSIGN',
            departmentId: dept,
            agree: d.memberOpinionTo === 'next' ? agree : true,
            opinion:
              d.memberOpinionTo === 'next' && !agree
                ? r.pick(DISAGREE_OPINIONS)
                : r.pick(MEMBER_OPINIONS),
            ...(proposes && { body: b.body }),
          });
          if (proposes) b.features.push('countersignProposal');
          if (d.memberOpinionTo === 'head') {
            step(head, {
              type: 'COUNTERSIGN',
              departmentId: dept,
              agree,
              opinion: agree ? r.pick(HEAD_OPINIONS) : r.pick(DISAGREE_OPINIONS),
            });
          }
        }
        chainFrom = t0;
        end = Math.max(end, t0);
      }
      round.sort((x, y) => x.at.getTime() - y.at.getTime());
      if (stopEarly) {
        const keep = r.int(0, round.length - 1);
        round.splice(keep);
        // a 撤回 may not be the last step kept (the assignment it took back would be lost)
        while (round.at(-1)?.event.type === 'WITHDRAW') round.pop();
      }
      b.steps.push(...round);
      return { end, disagreed };
    };

    // 会签 and 返还
    const consolidateVariant =
      target === 'consolidating'
        ? csDepts.length > 0
          ? r.weighted({ afterCountersign: 5, recheckReturn: 1, revision: 2 })
          : r.weighted({ recheckReturn: 1, revision: 1 })
        : null;
    if (csDepts.length > 0) {
      const first = countersignRound(
        at,
        plan.departments,
        plan.mode,
        target !== 'countersigning',
        target === 'countersigning',
      );
      if (target === 'countersigning') {
        b.features.push(`countersign:${plan.mode}`);
        return finish();
      }
      b.features.push(`countersign:${plan.mode}`);
      at = first.end;
      if (first.disagreed.length > 0 || r.chance(0.06)) {
        // 返还: the drafter takes the opinions in and sends it round again
        at = add(at, 60, 1200);
        edit(at, drafter, '根据会签意见修改');
        if (consolidateVariant === 'afterCountersign' && r.chance(0.3)) return finish();
        const again =
          first.disagreed.length > 0
            ? plan.departments.filter((d) => first.disagreed.includes(d.departmentId))
            : plan.departments;
        at = add(at, 5, 60);
        push(at, drafter, {
          type: 'COUNTERSIGN_AGAIN',
          ...(first.disagreed.length > 0 && {
            countersign: { mode: 'parallel', departments: again },
          }),
          note: '已按会签意见修改，请再次会签。',
        });
        b.features.push('countersignAgain');
        at = countersignRound(
          at,
          again,
          first.disagreed.length > 0 ? 'parallel' : plan.mode,
          false,
          false,
        ).end;
      }
      if (r.chance(0.7)) {
        at = add(at, 30, 900);
        edit(at, drafter, '汇总会签意见');
      }
      if (consolidateVariant === 'afterCountersign') return finish();
      at = add(at, 5, 120);
      push(at, drafter, { type: 'SEND_TO_RECHECK' });
    }
    if (target === 'rechecking') return finish();

    // 复核 (sometimes 退回 to the drafter first)
    const secretary = rechecker();
    if (consolidateVariant === 'recheckReturn' || r.chance(0.06)) {
      at = next(at);
      push(at, secretary, { type: 'RETURN', reason: r.pick(RECHECK_RETURNS) });
      b.features.push('returnedAtRecheck');
      at = add(at, 30, 600);
      edit(at, drafter, '按复核意见修改');
      if (consolidateVariant === 'recheckReturn') return finish();
      at = add(at, 5, 60);
      push(at, drafter, { type: 'SEND_TO_RECHECK', note: '已修改。' });
    }
    at = next(at);
    push(at, secretary, { type: 'RECHECK', opinion: r.pick(RECHECK_OPINIONS) });
    if (target === 'signing') return finish();
    if (target === 'rejected') {
      at = next(at);
      push(at, signer, { type: 'REJECT', reason: r.pick(REJECT_REASONS) });
      return finish();
    }

    // 签发 (sometimes 退回修改 first, then 会签 again)
    if (consolidateVariant === 'revision' || r.chance(0.07)) {
      at = next(at);
      push(at, signer, { type: 'RETURN_FOR_REVISION', reason: r.pick(REVISION_REASONS) });
      b.features.push('returnedForRevision');
      at = add(at, 120, 2400);
      edit(at, drafter, '按签发人意见修改');
      if (consolidateVariant === 'revision') return finish();
      if (csDepts.length > 0) {
        at = add(at, 5, 60);
        // the full plan again (an earlier round may have gone to some departments only)
        push(at, drafter, {
          type: 'COUNTERSIGN_AGAIN',
          countersign: plan,
          note: '按领导意见修改后重新会签。',
        });
        b.features.push('countersignAgain');
        at = countersignRound(at, plan.departments, plan.mode, false, false).end;
      }
      at = add(at, 5, 120);
      push(at, drafter, { type: 'SEND_TO_RECHECK' });
      at = next(at);
      push(at, rechecker(), { type: 'RECHECK', opinion: r.pick(RECHECK_OPINIONS) });
    }
    at = next(at);
    push(at, signer, { type: 'SIGN', opinion: r.pick(SIGN_OPINIONS) });
    const voider = r.pick(SECRETARIES);
    if (target === 'finalizing' && ordinal === 2) {
      // the signer takes 签发 back (its 文号 is voided: 签发已撤回) and signs again
      at = add(at, 10, 120);
      push(at, signer, { type: 'WITHDRAW' });
      at = add(at, 30, 600);
      push(at, signer, { type: 'SIGN', opinion: '同意印发（已修改）。' });
      b.features.push('signWithdrawn');
    }
    if (target === 'finalizing' && ordinal === 4) {
      at = add(at, 30, 600);
      push(at, voider, { type: 'VOID_DOC_NUMBER', reason: VOID_REASONS[1] });
      b.features.push('docNumberVoided');
    }
    if (target === 'finalizing') return finish();

    // 成文/清稿
    at = add(at, 30, 900);
    const manual = r.chance(0.25);
    if (manual) b.body = revised(b.body);
    push(at, r.chance(0.5) ? drafter : r.pick(SECRETARIES), {
      type: 'FINALIZE',
      ...(manual ? { mode: 'manual', body: b.body, note: '手工清稿' } : { mode: 'auto' }),
    });
    if (ordinal === 5) {
      at = add(at, 30, 900);
      push(at, voider, {
        type: 'VOID_DOC_NUMBER',
        reason: VOID_REASONS[0],
      });
      b.features.push('docNumberVoided');
    }
    return finish();
  }

  function recipientsOf(t: Template): { main: Recipient[]; cc: Recipient[] } {
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

  return shuffled.map((target, i) => planOne(target, i));
}

/** The 发文 seeder: about 120 cases from 拟稿 to 成文 (待盖章) in every state before 盖章. */
export function outgoingSeeder(options: { count?: number } = {}): DemoSeeder {
  return {
    name: 'outgoing',
    plan(ctx) {
      const plans = planDemoOutgoing(ctx, options);
      const actions: SeedAction[] = [];
      for (const p of plans) {
        const cmd = (k: number) => `demo:${p.caseId}:${k}`;
        actions.push({
          at: p.draftedAt,
          label: `发文《${p.title}》拟稿 by ${p.drafter}`,
          run: ({ engine }) =>
            engine.start({
              workflow: 'outgoing',
              actorId: p.drafter,
              commandId: cmd(0),
              caseId: p.caseId,
              input: p.input,
            }),
        });
        p.steps.forEach((s, k) => {
          actions.push({
            at: s.at,
            label: `发文《${p.title}》${s.event.type} by ${s.actorId}`,
            run: ({ engine }) =>
              engine.send({
                caseId: p.caseId,
                actorId: s.actorId,
                commandId: cmd(k + 1),
                event: s.event,
              }),
          });
        });
      }
      return { cases: plans.length, actions };
    },
  };
}

/** The 发文 cases the 发文 seeder plays in a context (rebuild them in tests). */
export function planDemoOutgoing(
  ctx: { now: Date; from: Date; calendar: WorkingCalendar; random: Random },
  options: { count?: number } = {},
): OutgoingCasePlan[] {
  return planOutgoingCases({
    now: ctx.now,
    calendar: ctx.calendar,
    days: Math.round((ctx.now.getTime() - ctx.from.getTime()) / DAY),
    seed: ctx.random.int(1, 2 ** 31 - 1),
    ...(options.count !== undefined && { count: options.count }),
  });
}
