/**
 * The words the demo 收文 are made of: who sends documents to a county government, on what
 * subjects, and what the bureaus write back. Titles are composed as 关于{verb}{subject}的{文种}.
 */

/** A sender of documents (来文单位) and the prefix of its 文号. */
export interface Sender {
  name: string;
  /** 文号 prefix, e.g. 市政办发 → 市政办发〔2026〕45号. */
  code: string;
  direction: '上级来文' | '下级来文' | '平级来文';
}

/** 来文单位 by key. */
export const SENDERS = {
  provGov: { name: '省人民政府办公厅', code: '省政办发', direction: '上级来文' },
  provFinance: { name: '省财政厅', code: '省财预', direction: '上级来文' },
  provDrc: { name: '省发展和改革委员会', code: '省发改投资', direction: '上级来文' },
  provEducation: { name: '省教育厅', code: '省教基', direction: '上级来文' },
  provHealth: { name: '省卫生健康委员会', code: '省卫疾控', direction: '上级来文' },
  provTransport: { name: '省交通运输厅', code: '省交运', direction: '上级来文' },
  provEmergency: { name: '省应急管理厅', code: '省应急', direction: '上级来文' },
  provForestry: { name: '省林业局', code: '省林防', direction: '上级来文' },
  cityGov: { name: '市人民政府', code: '市政发', direction: '上级来文' },
  cityOffice: { name: '市人民政府办公室', code: '市政办发', direction: '上级来文' },
  cityFinance: { name: '市财政局', code: '市财预', direction: '上级来文' },
  cityDrc: { name: '市发展和改革委员会', code: '市发改', direction: '上级来文' },
  cityEducation: { name: '市教育局', code: '市教发', direction: '上级来文' },
  cityHealth: { name: '市卫生健康委员会', code: '市卫健', direction: '上级来文' },
  cityTransport: { name: '市交通运输局', code: '市交发', direction: '上级来文' },
  cityEmergency: { name: '市应急管理局', code: '市应急', direction: '上级来文' },
  cityAgri: { name: '市农业农村局', code: '市农发', direction: '上级来文' },
  cityFire: { name: '市森林防灭火指挥部办公室', code: '市森防办', direction: '上级来文' },
  cityFlood: { name: '市防汛抗旱指挥部办公室', code: '市防指办', direction: '上级来文' },
  cityStats: { name: '市统计局', code: '市统字', direction: '上级来文' },
  townChengguan: { name: '城关镇人民政府', code: '城政', direction: '下级来文' },
  townQingshi: { name: '青石镇人民政府', code: '青政', direction: '下级来文' },
  townLiuhe: { name: '柳河乡人民政府', code: '柳政', direction: '下级来文' },
  neighbour: { name: '邻县人民政府', code: '邻政函', direction: '平级来文' },
  armedForces: { name: '示例县人民武装部', code: '县武', direction: '平级来文' },
  powerSupply: { name: '国网示例县供电公司', code: '示电', direction: '平级来文' },
} as const satisfies Record<string, Sender>;

/** A key of SENDERS. */
export type SenderKey = keyof typeof SENDERS;

/** One subject of a topic: the verbs that go with it, its 文种 and the months it comes up. */
export interface Subject {
  verbs: readonly string[];
  /** `{Y}` is the year received, `{Y+1}` the next one, `{N}` an ordinal (一 … 四),
   * `{Q}` the last full quarter. */
  text: string;
  docTypes: readonly string[];
  /** Months (1–12) the subject is sent in; any month when absent. */
  months?: readonly number[];
  senders: readonly SenderKey[];
}

/** A field of work: which bureau leads, who helps, who reads, and what is written. */
export interface Topic {
  key: string;
  main: string;
  assist: readonly string[];
  circulate: readonly string[];
  keywords: readonly string[];
  subjects: readonly Subject[];
  /** 办理结果 texts; `{S}` is the subject. */
  results: readonly string[];
}

const UPPER_NOTICE = ['通知'] as const;
const DO = ['做好', '切实做好', '认真做好', '进一步做好'] as const;
const STRENGTHEN = ['加强', '进一步加强', '切实加强'] as const;

/** The topics of the demo 收文. */
export const TOPICS: readonly Topic[] = [
  {
    key: 'forest-fire',
    main: 'emergency',
    assist: ['agri', 'transport'],
    circulate: ['education', 'health'],
    keywords: ['森林防火', '应急'],
    subjects: [
      {
        verbs: DO,
        text: '{Y}年秋冬季森林防火宣传教育工作',
        docTypes: UPPER_NOTICE,
        months: [9, 10, 11],
        senders: ['cityFire', 'cityEmergency'],
      },
      {
        verbs: ['开展'],
        text: '森林防灭火应急演练',
        docTypes: UPPER_NOTICE,
        months: [10, 11],
        senders: ['cityFire', 'provForestry'],
      },
      {
        verbs: [''],
        text: '{Y}年第三季度森林防火工作督查情况',
        docTypes: ['通报'],
        months: [10, 11],
        senders: ['cityFire'],
      },
      {
        verbs: DO,
        text: '{Y}—{Y+1}年冬春季森林防灭火工作',
        docTypes: UPPER_NOTICE,
        months: [10, 11, 12],
        senders: ['cityFire', 'provForestry', 'cityOffice'],
      },
      {
        verbs: ['开展'],
        text: '秋冬季森林火灾隐患排查整治专项行动',
        docTypes: UPPER_NOTICE,
        months: [9, 10, 11],
        senders: ['cityFire', 'cityEmergency'],
      },
      {
        verbs: STRENGTHEN,
        text: '国庆、中秋期间野外火源管控',
        docTypes: UPPER_NOTICE,
        months: [9],
        senders: ['cityFire', 'provForestry'],
      },
    ],
    results: [
      '已组织各乡镇对重点林区开展火灾隐患排查，共排查隐患12处，已全部整改到位。',
      '已制定我县{S}实施方案，落实24小时值班和专业扑火队伍备勤。',
      '已召开全县森林防灭火工作会议进行部署，并在重点路口设立防火检查站8个。',
    ],
  },
  {
    key: 'work-safety',
    main: 'emergency',
    assist: ['transport', 'education'],
    circulate: ['health', 'agri'],
    keywords: ['安全生产', '隐患排查'],
    subjects: [
      {
        verbs: ['开展'],
        text: '危险化学品安全风险集中治理',
        docTypes: UPPER_NOTICE,
        senders: ['provEmergency', 'cityEmergency'],
      },
      {
        verbs: DO,
        text: '岁末年初安全防范工作',
        docTypes: UPPER_NOTICE,
        months: [11, 12],
        senders: ['cityGov', 'cityEmergency'],
      },
      {
        verbs: STRENGTHEN,
        text: '经营性自建房安全隐患排查整治',
        docTypes: UPPER_NOTICE,
        senders: ['cityOffice', 'provEmergency'],
      },
      {
        verbs: ['印发'],
        text: '《示例市安全生产治本攻坚三年行动{Y}年工作要点》',
        docTypes: UPPER_NOTICE,
        senders: ['cityGov', 'cityOffice'],
      },
      {
        verbs: ['开展'],
        text: '{Y}年安全生产大检查',
        docTypes: UPPER_NOTICE,
        senders: ['cityEmergency', 'provEmergency', 'cityOffice'],
      },
      {
        verbs: ['做好', '切实做好'],
        text: '国庆节期间安全生产工作',
        docTypes: UPPER_NOTICE,
        months: [9, 10],
        senders: ['cityEmergency', 'cityOffice'],
      },
      {
        verbs: [''],
        text: '{Y}年第{Q}季度全市安全生产事故情况',
        docTypes: ['通报'],
        senders: ['cityEmergency'],
      },
      {
        verbs: STRENGTHEN,
        text: '城镇燃气安全排查整治',
        docTypes: UPPER_NOTICE,
        senders: ['provEmergency', 'cityGov'],
      },
    ],
    results: [
      '已开展{S}，检查企业46家，发现问题隐患73项，已整改68项，其余限期整改。',
      '已按要求成立工作专班，逐企业落实安全生产主体责任，情况已书面报市应急管理局。',
      '已组织召开专题会议传达学习，并对全县重点行业领域开展督导检查。',
    ],
  },
  {
    key: 'flood',
    main: 'emergency',
    assist: ['agri', 'transport'],
    circulate: ['drc'],
    keywords: ['防汛', '抗旱'],
    subjects: [
      {
        verbs: DO,
        text: '强降雨天气防范应对工作',
        docTypes: UPPER_NOTICE,
        months: [7, 8, 9],
        senders: ['cityFlood', 'provEmergency', 'cityOffice'],
      },
      {
        verbs: ['开展'],
        text: '汛后水毁设施排查修复',
        docTypes: UPPER_NOTICE,
        months: [9, 10],
        senders: ['cityFlood'],
      },
      {
        verbs: DO,
        text: '主汛期防汛抢险救灾工作',
        docTypes: UPPER_NOTICE,
        months: [7, 8],
        senders: ['cityFlood', 'provEmergency'],
      },
      {
        verbs: ['报送'],
        text: '{Y}年汛期灾情损失统计情况',
        docTypes: ['函', '通知'],
        months: [8, 9],
        senders: ['cityFlood'],
      },
    ],
    results: [
      '已落实防汛物资储备和抢险队伍，汛期无人员伤亡。',
      '已汇总全县汛期灾情损失，按时报送市防汛抗旱指挥部办公室。',
    ],
  },
  {
    key: 'budget',
    main: 'finance',
    assist: ['drc'],
    circulate: ['education', 'health', 'transport'],
    keywords: ['预算', '财政'],
    subjects: [
      {
        verbs: DO,
        text: '{Y}年度财政决算编制准备工作',
        docTypes: UPPER_NOTICE,
        months: [10, 11, 12],
        senders: ['cityFinance', 'provFinance'],
      },
      {
        verbs: ['开展'],
        text: '{Y}年度财政资金绩效自评',
        docTypes: UPPER_NOTICE,
        senders: ['cityFinance'],
      },
      {
        verbs: STRENGTHEN,
        text: '行政事业单位国有资产管理',
        docTypes: UPPER_NOTICE,
        senders: ['provFinance', 'cityFinance'],
      },
      {
        verbs: ['申请追加'],
        text: '{Y}年度城乡环境整治经费',
        docTypes: ['请示'],
        senders: ['townChengguan', 'townQingshi', 'townLiuhe'],
      },
      {
        verbs: ['报送'],
        text: '{Y}年度财政预算执行情况',
        docTypes: ['函', '通知'],
        senders: ['cityFinance', 'provFinance'],
      },
      {
        verbs: DO,
        text: '{Y+1}年度部门预算编制工作',
        docTypes: UPPER_NOTICE,
        months: [9, 10, 11],
        senders: ['cityFinance', 'provFinance'],
      },
      {
        verbs: ['加快'],
        text: '{Y}年四季度财政支出进度',
        docTypes: UPPER_NOTICE,
        months: [10, 11],
        senders: ['cityFinance', 'cityOffice'],
      },
      {
        verbs: ['下达'],
        text: '{Y}年第{N}批中央财政衔接推进乡村振兴补助资金',
        docTypes: UPPER_NOTICE,
        senders: ['provFinance', 'cityFinance'],
      },
      {
        verbs: ['申请拨付'],
        text: '{Y}年农村饮水安全工程配套资金',
        docTypes: ['请示'],
        senders: ['townChengguan', 'townQingshi', 'townLiuhe'],
      },
    ],
    results: [
      '已按要求完成{S}相关工作，报表已通过财政一体化系统报送。',
      '经审核，资金已按程序下达各项目单位，并同步做好绩效目标管理。',
      '已会同县发展和改革局研究提出意见，拟在年度预算调整中统筹安排。',
    ],
  },
  {
    key: 'debt',
    main: 'finance',
    assist: ['drc'],
    circulate: [],
    keywords: ['债务', '风险防范'],
    subjects: [
      {
        verbs: ['开展'],
        text: '地方政府债务管理情况自查',
        docTypes: UPPER_NOTICE,
        senders: ['provFinance', 'cityFinance'],
      },
      {
        verbs: DO,
        text: '地方政府债务风险化解工作',
        docTypes: UPPER_NOTICE,
        senders: ['provFinance', 'cityGov'],
      },
      {
        verbs: ['报送'],
        text: '{Y}年第{N}批新增专项债券项目需求',
        docTypes: ['函'],
        senders: ['cityFinance'],
      },
    ],
    results: [
      '已梳理全县政府债务情况，制定化债方案，按时足额偿还到期债务。',
      '已会同县发展和改革局筛选储备项目7个，需求表已报送市财政局。',
    ],
  },
  {
    key: 'investment',
    main: 'drc',
    assist: ['finance'],
    circulate: ['transport', 'agri'],
    keywords: ['项目', '投资'],
    subjects: [
      {
        verbs: ['组织申报'],
        text: '{Y+1}年中央预算内投资项目',
        docTypes: UPPER_NOTICE,
        senders: ['provDrc', 'cityDrc'],
      },
      {
        verbs: DO,
        text: '“十五五”规划纲要编制前期研究工作',
        docTypes: UPPER_NOTICE,
        senders: ['cityDrc', 'cityGov'],
      },
      {
        verbs: ['报送'],
        text: '{Y}年1—10月固定资产投资完成情况',
        docTypes: ['函'],
        months: [11],
        senders: ['cityDrc', 'cityStats'],
      },
      {
        verbs: ['下达'],
        text: '{Y}年第{N}批中央预算内投资计划',
        docTypes: UPPER_NOTICE,
        senders: ['provDrc', 'cityDrc'],
      },
      {
        verbs: DO,
        text: '{Y+1}年重点项目谋划储备工作',
        docTypes: UPPER_NOTICE,
        months: [9, 10, 11],
        senders: ['cityDrc', 'cityOffice'],
      },
      {
        verbs: ['报送'],
        text: '第三季度重点项目建设进展情况',
        docTypes: ['函'],
        months: [9, 10],
        senders: ['cityDrc'],
      },
      {
        verbs: STRENGTHEN,
        text: '重要民生商品价格监测',
        docTypes: UPPER_NOTICE,
        senders: ['provDrc', 'cityDrc'],
      },
    ],
    results: [
      '已组织项目单位按计划推进，资金支付进度已达67%。',
      '已谋划储备重点项目15个，总投资约28.6亿元，项目清单已报送。',
      '已落实价格监测点位和专人，每周按时报送监测数据。',
    ],
  },
  {
    key: 'business',
    main: 'drc',
    assist: ['office'],
    circulate: ['finance'],
    keywords: ['营商环境'],
    subjects: [
      {
        verbs: ['开展'],
        text: '营商环境满意度第三方评估',
        docTypes: UPPER_NOTICE,
        senders: ['cityDrc', 'cityOffice'],
      },
      {
        verbs: DO,
        text: '涉企违规收费专项整治工作',
        docTypes: UPPER_NOTICE,
        senders: ['provDrc', 'cityDrc'],
      },
      {
        verbs: ['印发'],
        text: '《{Y}年优化营商环境重点任务清单》',
        docTypes: UPPER_NOTICE,
        senders: ['cityGov', 'cityOffice'],
      },
      {
        verbs: ['征求'],
        text: '《示例市促进民营经济发展若干措施（征求意见稿）》意见',
        docTypes: ['函'],
        senders: ['cityDrc', 'cityOffice'],
      },
    ],
    results: [
      '已对照任务清单逐项分解落实到责任单位，并建立月调度机制。',
      '已汇总各部门意见建议6条，书面反馈市发展和改革委员会。',
    ],
  },
  {
    key: 'education',
    main: 'education',
    assist: ['finance', 'health'],
    circulate: ['transport'],
    keywords: ['教育', '学校'],
    subjects: [
      {
        verbs: DO,
        text: '{Y}年秋季学期学生资助工作',
        docTypes: UPPER_NOTICE,
        months: [8, 9, 10],
        senders: ['cityEducation', 'provEducation'],
      },
      {
        verbs: ['开展'],
        text: '中小学校食堂食品安全专项检查',
        docTypes: UPPER_NOTICE,
        senders: ['cityEducation', 'cityOffice'],
      },
      {
        verbs: DO,
        text: '暑期防范中小学生溺水工作',
        docTypes: UPPER_NOTICE,
        months: [7, 8],
        senders: ['provEducation', 'cityEducation', 'cityOffice'],
      },
      {
        verbs: ['申请拨付'],
        text: '城关镇中心小学教学楼维修改造资金',
        docTypes: ['请示'],
        senders: ['townChengguan'],
      },
      {
        verbs: DO,
        text: '{Y}年秋季学期开学工作',
        docTypes: UPPER_NOTICE,
        months: [7, 8],
        senders: ['cityEducation', 'provEducation'],
      },
      {
        verbs: STRENGTHEN,
        text: '中小学校园安全管理',
        docTypes: UPPER_NOTICE,
        senders: ['provEducation', 'cityEducation', 'cityOffice'],
      },
      {
        verbs: ['开展'],
        text: '义务教育优质均衡发展督导评估',
        docTypes: UPPER_NOTICE,
        senders: ['provEducation'],
      },
      {
        verbs: ['报送'],
        text: '{Y}年第{Q}季度学生资助资金使用情况',
        docTypes: ['函'],
        senders: ['cityEducation'],
      },
    ],
    results: [
      '已完成全县中小学{S}相关工作，开学工作平稳有序。',
      '已组织开展校园安全隐患排查，检查学校53所，整改问题21项。',
      '已会同县财政局核实资助资金使用情况，报告已报送市教育局。',
    ],
  },
  {
    key: 'health',
    main: 'health',
    assist: ['education'],
    circulate: ['agri'],
    keywords: ['卫生健康', '疾病防控'],
    subjects: [
      {
        verbs: DO,
        text: '流感等呼吸道传染病防控工作',
        docTypes: UPPER_NOTICE,
        months: [10, 11, 12],
        senders: ['cityHealth', 'provHealth'],
      },
      {
        verbs: ['开展'],
        text: '基层医疗卫生机构服务能力评价',
        docTypes: UPPER_NOTICE,
        senders: ['provHealth', 'cityHealth'],
      },
      {
        verbs: STRENGTHEN,
        text: '登革热等蚊媒传染病防控',
        docTypes: UPPER_NOTICE,
        months: [7, 8, 9],
        senders: ['cityHealth'],
      },
      {
        verbs: ['印发'],
        text: '《示例市{Y}年基本公共卫生服务项目实施方案》',
        docTypes: UPPER_NOTICE,
        senders: ['cityHealth', 'cityOffice'],
      },
      {
        verbs: DO,
        text: '秋冬季传染病防控工作',
        docTypes: UPPER_NOTICE,
        months: [9, 10, 11],
        senders: ['cityHealth', 'provHealth'],
      },
      {
        verbs: ['开展'],
        text: '{Y}年爱国卫生月活动',
        docTypes: UPPER_NOTICE,
        senders: ['cityHealth'],
      },
      {
        verbs: ['推进'],
        text: '紧密型县域医疗卫生共同体建设',
        docTypes: UPPER_NOTICE,
        senders: ['provHealth', 'cityGov'],
      },
      {
        verbs: DO,
        text: '高温天气防暑降温工作',
        docTypes: UPPER_NOTICE,
        months: [7, 8],
        senders: ['cityHealth', 'cityOffice'],
      },
    ],
    results: [
      '已制定{S}方案，落实发热门诊和预检分诊制度。',
      '已组织各乡镇卫生院开展专项行动，相关情况已报市卫生健康委员会。',
      '已召开县域医共体建设推进会，明确时间表和责任人。',
    ],
  },
  {
    key: 'transport',
    main: 'transport',
    assist: ['emergency', 'finance'],
    circulate: ['education'],
    keywords: ['交通运输', '道路安全'],
    subjects: [
      {
        verbs: DO,
        text: '国庆假期道路交通安全保障工作',
        docTypes: UPPER_NOTICE,
        months: [9],
        senders: ['cityTransport', 'cityOffice'],
      },
      {
        verbs: ['开展'],
        text: '“四好农村路”示范创建',
        docTypes: UPPER_NOTICE,
        senders: ['provTransport', 'cityTransport'],
      },
      {
        verbs: STRENGTHEN,
        text: '冬季道路交通安全管理',
        docTypes: UPPER_NOTICE,
        months: [11, 12],
        senders: ['cityTransport', 'cityEmergency'],
      },
      {
        verbs: ['商请'],
        text: '协调解决两县交界路段改造衔接问题',
        docTypes: ['函'],
        senders: ['neighbour'],
      },
      {
        verbs: DO,
        text: '{Y+1}年春运准备工作',
        docTypes: UPPER_NOTICE,
        months: [11, 12],
        senders: ['cityTransport', 'provTransport'],
      },
      {
        verbs: STRENGTHEN,
        text: '农村公路养护管理',
        docTypes: UPPER_NOTICE,
        senders: ['provTransport', 'cityTransport'],
      },
      {
        verbs: ['开展'],
        text: '道路运输安全隐患专项整治',
        docTypes: UPPER_NOTICE,
        senders: ['cityTransport', 'cityEmergency'],
      },
      {
        verbs: ['申请拨付'],
        text: '{Y}年农村公路危桥改造资金',
        docTypes: ['请示'],
        senders: ['townQingshi', 'townLiuhe'],
      },
    ],
    results: [
      '已完成全县客运车辆和驾驶员安全排查，落实{S}各项措施。',
      '已组织对农村公路开展巡查养护，整治路面病害3.2公里。',
      '经现场核查，危桥改造项目已纳入明年计划，资金由县财政统筹安排。',
    ],
  },
  {
    key: 'agri',
    main: 'agri',
    assist: ['finance'],
    circulate: ['drc', 'emergency'],
    keywords: ['农业农村', '粮食安全'],
    subjects: [
      {
        verbs: DO,
        text: '{Y}年冬小麦播种工作',
        docTypes: UPPER_NOTICE,
        months: [10, 11],
        senders: ['cityAgri'],
      },
      {
        verbs: STRENGTHEN,
        text: '非洲猪瘟等重大动物疫病防控',
        docTypes: UPPER_NOTICE,
        senders: ['cityAgri', 'provGov'],
      },
      {
        verbs: ['开展'],
        text: '耕地“非农化”“非粮化”问题排查整改',
        docTypes: UPPER_NOTICE,
        senders: ['cityAgri', 'cityGov'],
      },
      {
        verbs: ['申请拨付'],
        text: '{Y}年高标准农田建设项目配套资金',
        docTypes: ['请示'],
        senders: ['townChengguan', 'townLiuhe'],
      },
      {
        verbs: DO,
        text: '{Y}年秋收秋种工作',
        docTypes: UPPER_NOTICE,
        months: [9, 10],
        senders: ['cityAgri', 'cityOffice'],
      },
      {
        verbs: ['加快推进'],
        text: '高标准农田建设',
        docTypes: UPPER_NOTICE,
        senders: ['cityAgri', 'cityGov'],
      },
      {
        verbs: ['开展'],
        text: '农村人居环境整治提升行动',
        docTypes: UPPER_NOTICE,
        senders: ['cityAgri', 'cityOffice'],
      },
      {
        verbs: [''],
        text: '{Y}年村级集体经济发展情况',
        docTypes: ['报告'],
        senders: ['townChengguan'],
      },
    ],
    results: [
      '已完成秋粮收获面积32.5万亩，秋种工作有序推进。',
      '已完成高标准农田建设任务2.1万亩，正在组织竣工验收。',
      '已将相关情况汇总，纳入全县乡村振兴工作年度报告。',
    ],
  },
  {
    key: 'general',
    main: 'office',
    assist: [],
    circulate: ['finance', 'drc', 'education', 'health', 'transport', 'emergency', 'agri'],
    keywords: ['政务', '综合'],
    subjects: [
      {
        verbs: DO,
        text: '{Y}年度政府信息公开工作年度报告编制工作',
        docTypes: UPPER_NOTICE,
        months: [11, 12],
        senders: ['cityOffice'],
      },
      {
        verbs: ['开展'],
        text: '政务服务“好差评”情况核查',
        docTypes: UPPER_NOTICE,
        senders: ['cityOffice', 'provGov'],
      },
      {
        verbs: ['进一步规范'],
        text: '公文处理工作',
        docTypes: UPPER_NOTICE,
        senders: ['cityOffice', 'provGov'],
      },
      {
        verbs: DO,
        text: '{Y}年度重点信访事项化解工作',
        docTypes: UPPER_NOTICE,
        senders: ['cityGov', 'cityOffice'],
      },
      {
        verbs: ['报送'],
        text: '{Y}年政府工作报告重点任务完成情况',
        docTypes: ['函'],
        months: [10, 11],
        senders: ['cityOffice'],
      },
      {
        verbs: DO,
        text: '元旦春节期间走访慰问困难群众工作',
        docTypes: UPPER_NOTICE,
        months: [11, 12],
        senders: ['cityGov', 'cityOffice'],
      },
      {
        verbs: DO,
        text: '{Y}年国庆节、中秋节期间值班值守工作',
        docTypes: UPPER_NOTICE,
        months: [9],
        senders: ['cityOffice', 'provGov'],
      },
      {
        verbs: ['进一步加强'],
        text: '政务公开和政府网站管理',
        docTypes: UPPER_NOTICE,
        senders: ['cityOffice', 'provGov'],
      },
      {
        verbs: [''],
        text: '{Y}年第三季度12345政务服务便民热线办理情况',
        docTypes: ['通报'],
        months: [10, 11],
        senders: ['cityOffice'],
      },
      {
        verbs: ['开展'],
        text: '第五次全国经济普查数据质量抽查',
        docTypes: UPPER_NOTICE,
        senders: ['cityStats'],
      },
      {
        verbs: ['商请'],
        text: '协助做好{Y}年度征兵工作',
        docTypes: ['函'],
        months: [7, 8, 9],
        senders: ['armedForces'],
      },
      {
        verbs: ['商请'],
        text: '支持开展全民国防教育日活动',
        docTypes: ['函'],
        months: [9],
        senders: ['armedForces'],
      },
      {
        verbs: ['征求'],
        text: '《示例市政府投资项目管理办法（征求意见稿）》意见',
        docTypes: ['函'],
        senders: ['cityOffice', 'cityDrc'],
      },
      {
        verbs: ['商请'],
        text: '协助做好民兵整组相关工作',
        docTypes: ['函'],
        senders: ['armedForces'],
      },
      {
        verbs: ['商请'],
        text: '开展跨县域联合执法检查',
        docTypes: ['函'],
        senders: ['neighbour'],
      },
      {
        verbs: DO,
        text: '迎峰度冬电力保供相关工作',
        docTypes: ['函'],
        months: [11, 12],
        senders: ['powerSupply'],
      },
    ],
    results: [
      '已安排带班领导和值班人员，值班表已报市人民政府办公室。',
      '已对照要求完成自查整改，相关情况已书面报告。',
      '已会同相关部门研究，复函意见已报送来文单位。',
    ],
  },
];

/** Chinese ordinals for `{N}` (第一批, 第三季度 …). */
export const ORDINALS = ['一', '二', '三', '四'] as const;

/** 批示 texts; `{main}` is the leading bureau, `{S}` the subject. */
export const INSTRUCTIONS = [
  '请{main}认真研究落实。',
  '同意拟办意见。',
  '阅。请{main}按要求抓好落实，确保按时完成。',
  '请{main}牵头，会同相关部门抓紧办理，按时报送。',
  '高度重视，周密部署，确保{S}各项措施落实到位。',
  '同意。请{main}主要负责同志亲自过问，办理情况及时报告。',
  '请按文件要求抓好落实，重要情况及时报告。',
] as const;

/** 阅件 批示 (documents only to be read and passed round). */
export const READ_ONLY_INSTRUCTIONS = [
  '已阅。',
  '阅。请相关部门认真学习。',
  '阅，请传阅。',
] as const;

/** 退回 reasons, by step. */
export const RETURN_REASONS = {
  toRegistration: [
    '来文字号登记有误，请核对原件后重新登记。',
    '页数与原件不符，请重新核对登记。',
    '来文单位登记有误，请更正。',
  ],
  toProposal: [
    '主办部门不妥，请重新拟办。',
    '请补充县财政局意见后再报。',
    '此件涉及多个部门，请明确牵头单位后重新拟办。',
  ],
  byHandler: ['该事项不属本人职责范围，请重新安排。', '本人近期外出学习，请另行安排。'],
  sendBack: ['数据不完整，请补充后重新报送。', '办理结果表述不清，请修改完善。'],
} as const;

/** 催办 notes of the secretariat. */
export const REMIND_NOTES = [
  '请抓紧办理，于本周五前报送办理结果。',
  '该件已超过办理时限，请尽快办结。',
  '市政府办来电催问，请今日内报送。',
] as const;

/** 保密期限 by 密级. */
export const SECRECY_TERMS: Readonly<Record<string, string>> = {
  秘密: '10年',
  机密: '20年',
  绝密: '30年',
};
