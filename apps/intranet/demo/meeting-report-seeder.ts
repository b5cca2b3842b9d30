import { bookMeetingRoom, type DocumentBody, releaseMeetingRooms } from '@gongwen/core';
import { DEMO_UNIT_ID } from './org';
import type { DemoSeeder, DemoSeederContext, SeedAction } from './seeder';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const OFFSET = 8 * HOUR;

/** The demo county's meeting rooms. */
export const DEMO_ROOMS = [
  {
    id: 'room-1',
    name: '第一会议室',
    capacity: 40,
    equipment: ['投影仪', '话筒', '视频会议'],
    location: '政府大楼三楼',
  },
  {
    id: 'room-2',
    name: '第二会议室',
    capacity: 20,
    equipment: ['投影仪', '话筒'],
    location: '政府大楼三楼',
  },
  {
    id: 'room-3',
    name: '常务会议室',
    capacity: 60,
    equipment: ['电子屏', '话筒', '录音设备', '视频会议'],
    location: '政府大楼五楼',
  },
  { id: 'room-4', name: '小会议室', capacity: 10, equipment: ['电子屏'], location: '政府大楼二楼' },
] as const;

const body = (...texts: string[]): DocumentBody => ({
  blocks: texts.map((text, i) =>
    i === 0 && text.startsWith('一、')
      ? { type: 'heading' as const, level: 1 as const, text }
      : { type: 'paragraph' as const, text },
  ),
});

/**
 * The `days`-th working day after (positive) or before (negative) the end of the seeded period,
 * at hh:mm Beijing time; counting working days keeps the order of the script on any weekday.
 */
function workingDayAt(ctx: DemoSeederContext, days: number, hh: number, mm = 0): Date {
  const local = ctx.now.getTime() + OFFSET;
  let midnight = local - (local % DAY) - OFFSET;
  const step = days < 0 ? -DAY : DAY;
  for (let left = Math.abs(days); left > 0; ) {
    midnight += step;
    if (ctx.calendar.isWorkingDay(ctx.calendar.dateOf(new Date(midnight + 12 * HOUR)))) left--;
  }
  return new Date(midnight + hh * HOUR + mm * MINUTE);
}

const iso = (d: Date) => d.toISOString();

/** Builds a case's actions in order, with increasing command ids. */
function caseScript(caseId: string, what: string) {
  const actions: SeedAction[] = [];
  let n = 0;
  const cmd = () => `demo:${caseId}:${n++}`;
  return {
    actions,
    start(at: Date, actorId: string, workflow: string, input: Record<string, unknown>) {
      const id = cmd();
      actions.push({
        at,
        label: `${what} start by ${actorId}`,
        run: ({ engine }) => engine.start({ workflow, actorId, commandId: id, caseId, input }),
      });
    },
    send(at: Date, actorId: string, event: { type: string; [k: string]: unknown }) {
      const id = cmd();
      actions.push({
        at,
        label: `${what} ${event.type} by ${actorId}`,
        run: ({ engine }) => engine.send({ caseId, actorId, commandId: id, event }),
      });
    },
    book(at: Date, actorId: string, roomId: string) {
      const id = cmd();
      actions.push({
        at,
        label: `${what} 预订${roomId} by ${actorId}`,
        run: ({ engine, roomBookings }) =>
          bookMeetingRoom({
            engine,
            roomBookings,
            caseId,
            actorId,
            roomId,
            commandId: id,
          }),
      });
    },
    release(at: Date) {
      actions.push({
        at,
        label: `${what} 释放会议室`,
        run: ({ engine, roomBookings }) =>
          releaseMeetingRooms({ engine, roomBookings, caseId, at }),
      });
    },
  };
}

function planMeetings(ctx: DemoSeederContext): { cases: number; actions: SeedAction[] } {
  const actions: SeedAction[] = [];
  const at = (days: number, hh: number, mm = 0) => workingDayAt(ctx, days, hh, mm);

  // the rooms, through the RoomBookings port
  actions.push({
    at: new Date(ctx.from.getTime() + HOUR),
    label: '会议室登记',
    run: async ({ roomBookings }) => {
      for (const r of DEMO_ROOMS)
        await roomBookings.putRoom({
          ...r,
          equipment: [...r.equipment],
          unitId: DEMO_UNIT_ID,
          active: true,
        });
    },
  });

  // 1. a held 常务会: topics, agenda, approval, replies (a deputy), sign-in, minutes returned once,
  //    archived; one resolution done, one overdue, one open
  {
    const s = caseScript('demo-meeting-1', '常务会');
    const start = at(-24, 15);
    s.start(at(-32, 9, 30), 'yangfan', 'meeting', {
      title: '县政府第十二次常务会议',
      type: '常务会',
      description: '研究2027年县级财政预算草案和秋季学校安全工作。',
      start: iso(start),
      end: iso(new Date(start.getTime() + 2 * HOUR)),
      participants: {
        users: ['liminghua', 'zhangxiuying', 'chenzhiqiang', 'liuyang'],
        departments: ['finance', 'education'],
      },
      topicDepartments: ['finance', 'education'],
      approverId: 'wangjianguo',
      remindBeforeMinutes: 60,
    });
    s.send(at(-31, 10), 'maxiaodong', {
      type: 'SUBMIT_TOPICS',
      departmentId: 'finance',
      topics: [
        {
          title: '关于2027年县级财政预算草案的汇报',
          summary: '预算总体安排和重点支出。',
          materials: [],
          presenterId: 'maxiaodong',
        },
      ],
    });
    s.send(at(-31, 14), 'linhai', {
      type: 'SUBMIT_TOPICS',
      departmentId: 'education',
      topics: [{ title: '关于秋季学期校园安全工作的汇报', summary: '', materials: [] }],
    });
    s.send(at(-30, 9), 'yangfan', { type: 'SET_AGENDA', order: ['t1', 't2'], ownTopics: [] });
    s.book(at(-30, 9, 10), 'yangfan', 'room-3');
    s.send(at(-30, 9, 20), 'yangfan', { type: 'SUBMIT_PLAN', note: '请审定' });
    s.send(at(-29, 10), 'wangjianguo', { type: 'APPROVE', opinion: '同意' });
    s.send(at(-28, 9), 'liminghua', { type: 'REPLY', answer: 'attend' });
    s.send(at(-28, 9, 30), 'zhangxiuying', { type: 'REPLY', answer: 'attend' });
    s.send(at(-28, 10), 'chenzhiqiang', {
      type: 'REPLY',
      answer: 'leave',
      reason: '赴市里参加防汛工作会议',
    });
    s.send(at(-28, 11), 'liuyang', {
      type: 'REPLY',
      answer: 'delegate',
      deputyId: 'yangfan',
      reason: '另有公务',
    });
    s.send(at(-27, 9), 'maxiaodong', {
      type: 'REPLY',
      answer: 'attend',
      departmentId: 'finance',
      attendeeIds: ['maxiaodong', 'guomin'],
    });
    s.send(at(-27, 10), 'linhai', { type: 'REPLY', answer: 'attend', departmentId: 'education' });
    for (const [u, m] of [
      ['liminghua', 40],
      ['zhangxiuying', 45],
      ['maxiaodong', 50],
      ['guomin', 50],
      ['linhai', 55],
    ] as const)
      s.send(new Date(start.getTime() - (60 - m) * MINUTE), u, { type: 'SIGN_IN' });
    s.send(new Date(start.getTime() + 5 * MINUTE), 'yangfan', {
      type: 'SIGN_IN',
      userId: 'yangfan',
    });
    s.send(new Date(start.getTime() + 10 * MINUTE), 'yangfan', { type: 'CLOSE_ATTENDANCE' });
    const minutes = {
      type: 'DRAFT_MINUTES',
      body: body(
        '一、会议议定事项',
        '会议听取了县财政局关于2027年县级财政预算草案的汇报，原则同意预算草案，由县财政局按会议意见修改后提请县人大常委会审议。',
        '会议听取了县教育局关于秋季学期校园安全工作的汇报，要求全面开展校园安全隐患排查。',
      ),
      resolutions: [
        {
          title: '修改完善2027年预算草案',
          detail: '按会议意见修改后报县政府',
          ownerDepartmentId: 'finance',
          deadlineWorkingDays: 5,
        },
        {
          title: '开展校园安全隐患排查',
          detail: '全县中小学全覆盖',
          ownerDepartmentId: 'education',
          deadlineWorkingDays: 10,
        },
        {
          title: '研究学校食堂财政补助办法',
          detail: '',
          ownerDepartmentId: 'finance',
          deadlineWorkingDays: 40,
        },
      ],
    };
    s.send(at(-23, 10), 'yangfan', minutes);
    s.send(at(-22, 9), 'liuyang', { type: 'RETURN_MINUTES', reason: '第二项请写明排查的完成时限' });
    s.send(at(-22, 15), 'yangfan', {
      ...minutes,
      body: body(
        '一、会议议定事项',
        '会议听取了县财政局关于2027年县级财政预算草案的汇报，原则同意预算草案，由县财政局按会议意见修改后提请县人大常委会审议。',
        '会议听取了县教育局关于秋季学期校园安全工作的汇报，要求十个工作日内完成全县中小学校园安全隐患排查。',
      ),
    });
    s.send(at(-21, 10), 'liuyang', { type: 'APPROVE_MINUTES', opinion: '已校对' });
    s.send(at(-20, 9), 'zhaoli', { type: 'ARCHIVE', archiveCode: 'HY-2026-012' });
    s.send(at(-18, 16), 'maxiaodong', {
      type: 'COMPLETE_RESOLUTION',
      resolutionId: 'r1',
      result: '预算草案已修改并报县政府',
    });
    s.send(at(-12, 10), 'linhai', {
      type: 'REPORT_PROGRESS',
      resolutionId: 'r2',
      note: '已完成城区学校排查，乡镇学校正在进行',
    });
    actions.push(...s.actions);
  }

  // 2. an approved 办公会 coming up: notice sent, some replies, a leave, non-repliers
  {
    const s = caseScript('demo-meeting-2', '办公会');
    const start = at(3, 9);
    s.start(at(-4, 10), 'wutao', 'meeting', {
      title: '县政府办公室第四季度工作会议',
      type: '办公会',
      description: '通报第四季度重点工作进展，部署年终工作。',
      start: iso(start),
      end: iso(new Date(start.getTime() + 90 * MINUTE)),
      participants: {
        users: ['liuyang', 'zhaoli', 'huangjing', 'zhouting', 'xulei', 'sunhao'],
        departments: [],
      },
      topicDepartments: [],
      approverId: 'liminghua',
      remindBeforeMinutes: 60,
    });
    s.send(at(-4, 10, 30), 'wutao', {
      type: 'SET_AGENDA',
      order: [],
      ownTopics: [
        { title: '第四季度重点工作进展通报', summary: '', materials: [] },
        { title: '年终考核工作安排', summary: '', materials: [] },
      ],
    });
    s.book(at(-4, 10, 40), 'wutao', 'room-2');
    s.send(at(-4, 11), 'wutao', { type: 'SUBMIT_PLAN' });
    s.send(at(-3, 9), 'liminghua', { type: 'APPROVE', opinion: '同意，请办公室全体人员参加' });
    s.send(at(-2, 10), 'zhaoli', { type: 'REPLY', answer: 'attend' });
    s.send(at(-2, 11), 'huangjing', { type: 'REPLY', answer: 'leave', reason: '年休假' });
    s.send(at(-1, 9), 'xulei', { type: 'REPLY', answer: 'attend' });
    actions.push(...s.actions);
  }

  // 3. a 专题会 waiting for approval
  {
    const s = caseScript('demo-meeting-3', '专题会');
    const start = at(5, 14, 30);
    s.start(at(-2, 15), 'fengjianjun', 'meeting', {
      title: '重点项目建设推进专题会',
      type: '专题会',
      description: '协调解决重点项目用地、资金问题。',
      start: iso(start),
      end: iso(new Date(start.getTime() + 2 * HOUR)),
      participants: { users: ['chenzhiqiang', 'xieguohua', 'maxiaodong'], departments: ['drc'] },
      topicDepartments: [],
      approverId: 'chenzhiqiang',
      remindBeforeMinutes: 120,
    });
    s.send(at(-2, 15, 20), 'fengjianjun', {
      type: 'SET_AGENDA',
      order: [],
      ownTopics: [{ title: '重点项目建设进展及存在问题', summary: '', materials: [] }],
    });
    s.book(at(-2, 15, 30), 'fengjianjun', 'room-1');
    s.send(at(-1, 9, 30), 'fengjianjun', { type: 'SUBMIT_PLAN', note: '请陈副县长审定' });
    actions.push(...s.actions);
  }

  // 4. a 专题会 collecting topics
  {
    const s = caseScript('demo-meeting-4', '议题征集');
    const start = at(8, 9);
    s.start(at(-1, 16), 'yangfan', 'meeting', {
      title: '冬季安全生产工作专题会',
      type: '专题会',
      description: '',
      start: iso(start),
      end: iso(new Date(start.getTime() + 2 * HOUR)),
      participants: { users: ['chenzhiqiang'], departments: ['emergency', 'transport', 'agri'] },
      topicDepartments: ['emergency', 'transport'],
      approverId: 'chenzhiqiang',
      remindBeforeMinutes: 60,
    });
    actions.push(...s.actions);
  }

  // 5. a cancelled 办公会 (its room given back)
  {
    const s = caseScript('demo-meeting-5', '取消的会议');
    const start = at(-9, 10);
    s.start(at(-15, 9), 'wutao', 'meeting', {
      title: '政务信息工作座谈会',
      type: '其他',
      description: '',
      start: iso(start),
      end: iso(new Date(start.getTime() + HOUR)),
      participants: { users: ['zhaoli', 'zhouting'], departments: [] },
      topicDepartments: [],
      approverId: 'liminghua',
      remindBeforeMinutes: 60,
    });
    s.book(at(-15, 9, 10), 'wutao', 'room-4');
    s.send(at(-14, 9), 'wutao', { type: 'CANCEL', reason: '与全市会议时间冲突，另行安排' });
    s.release(at(-14, 9, 1));
    actions.push(...s.actions);
  }
  return { cases: 5, actions };
}

function planReports(ctx: DemoSeederContext): { cases: number; actions: SeedAction[] } {
  const actions: SeedAction[] = [];
  const at = (days: number, hh: number, mm = 0) => workingDayAt(ctx, days, hh, mm);
  const report = (
    kind: string,
    title: string,
    text: string,
    approvers: string[],
    mode: string,
    parallelRule = 'all',
  ) => ({
    kind,
    title,
    body: body(text, '妥否，请批示。'),
    attachments: [],
    approvers,
    mode,
    parallelRule,
  });

  // 1. approved in sequence
  {
    const s = caseScript('demo-report-1', '请示（已批准）');
    s.start(
      at(-40, 9),
      'hexue',
      'report',
      report(
        '请示',
        '关于购置预算股办公设备的请示',
        '因工作需要，拟购置台式计算机2台、打印机1台，所需经费从部门预算中列支。',
        ['guomin', 'maxiaodong'],
        'sequence',
      ),
    );
    s.send(at(-40, 9, 10), 'hexue', { type: 'SUBMIT' });
    s.send(at(-40, 14), 'guomin', { type: 'APPROVE', opinion: '同意' });
    s.send(at(-39, 10), 'maxiaodong', { type: 'APPROVE', opinion: '同意购置' });
    actions.push(...s.actions);
  }
  // 2. parallel "all must approve": returned once, resubmitted, one approval pending
  {
    const s = caseScript('demo-report-2', '申请（会签中）');
    s.start(
      at(-6, 9),
      'xulei',
      'report',
      report(
        '申请',
        '关于举办全县政务信息培训班的申请',
        '拟于下月举办全县政务信息培训班一期，培训120人，经费约3万元。',
        ['wutao', 'liuyang', 'maxiaodong'],
        'parallel',
        'all',
      ),
    );
    s.send(at(-6, 9, 15), 'xulei', { type: 'SUBMIT', note: '请各位领导审批' });
    s.send(at(-6, 11), 'wutao', { type: 'APPROVE', opinion: '同意' });
    s.send(at(-5, 10), 'maxiaodong', { type: 'RETURN', reason: '请补充经费明细表' });
    s.send(at(-4, 15), 'xulei', { type: 'RESUBMIT', note: '已补充经费明细', restartAll: false });
    s.send(at(-3, 10), 'maxiaodong', { type: 'APPROVE', opinion: '经费可从培训费中列支' });
    actions.push(...s.actions);
  }
  // 3. returned, with the author
  {
    const s = caseScript('demo-report-3', '报告（退回修改）');
    s.start(
      at(-3, 14),
      'luojia',
      'report',
      report(
        '报告',
        '关于秋季学期校园安全检查情况的报告',
        '按照县政府统一部署，县教育局对全县中小学开展了校园安全检查。',
        ['linhai', 'zhangxiuying'],
        'sequence',
      ),
    );
    s.send(at(-3, 14, 30), 'luojia', { type: 'SUBMIT' });
    s.send(at(-2, 9, 30), 'linhai', { type: 'RETURN', reason: '请补充整改措施和时限' });
    actions.push(...s.actions);
  }
  // 4. rejected
  {
    const s = caseScript('demo-report-4', '请示（未获同意）');
    s.start(
      at(-20, 10),
      'yuanye',
      'report',
      report(
        '请示',
        '关于增配应急指挥车的请示',
        '为提升应急响应能力，拟增配应急指挥车1辆。',
        ['caogang', 'chenzhiqiang'],
        'sequence',
      ),
    );
    s.send(at(-20, 10, 10), 'yuanye', { type: 'SUBMIT' });
    s.send(at(-19, 9), 'caogang', { type: 'APPROVE', opinion: '同意，报陈副县长' });
    s.send(at(-17, 16), 'chenzhiqiang', {
      type: 'REJECT',
      reason: '今年车辆编制已满，明年统筹考虑',
    });
    actions.push(...s.actions);
  }
  // 5. "any one" in parallel, still with both approvers
  {
    const s = caseScript('demo-report-5', '申请（审批中）');
    s.start(
      at(-1, 10),
      'liangchen',
      'report',
      report(
        '申请',
        '关于参加全省卫生健康信息化培训的申请',
        '拟派2人参加全省卫生健康信息化培训，为期3天。',
        ['zhenglijuan', 'zhangxiuying'],
        'parallel',
        'any',
      ),
    );
    s.send(at(-1, 10, 5), 'liangchen', { type: 'SUBMIT' });
    actions.push(...s.actions);
  }
  return { cases: 5, actions };
}

/** The 会议 and 报告审批 seeder: rooms, meetings in every stage and reports in every state. */
export function meetingReportSeeder(): DemoSeeder {
  return {
    name: 'meeting-report',
    plan(ctx) {
      const m = planMeetings(ctx);
      const r = planReports(ctx);
      return { cases: m.cases + r.cases, actions: [...m.actions, ...r.actions] };
    },
  };
}
