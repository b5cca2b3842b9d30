import type { Delegation } from '@gongwen/core';
import type {
  CaseBuild,
  IncomingCasePlan,
  IncomingPlanOptions,
  IncomingTarget,
  PlannedStep,
  StepTools,
} from './incoming-case-plan';
import { handleDepartment } from './incoming-handling';
import { COUNTY_HEAD, DIRECTOR, leaderCall, SECRETARIES } from './incoming-org';
import { deadlineOf, propose } from './incoming-proposal';
import {
  INSTRUCTIONS,
  ORDINALS,
  READ_ONLY_INSTRUCTIONS,
  REMIND_NOTES,
  RETURN_REASONS,
  SECRECY_TERMS,
  SENDERS,
  type SenderKey,
  TOPICS,
} from './incoming-texts';
import { demoDelegations } from './org';
import { deptName, headOf, staffOf } from './org-people';
import { createRandom } from './random';
import { workTime } from './work-time';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Share of each end state among the cases, per 270. */
const TARGET_SHARES: Record<IncomingTarget, number> = {
  archived: 108,
  completed: 30,
  processing: 64,
  instructing: 22,
  reviewing: 14,
  proposing: 24,
  registering: 8,
};

/** Days before now within which a case with this end state arrives. */
const RECEIVED_WINDOW: Record<IncomingTarget, [number, number]> = {
  archived: [22, 119],
  completed: [8, 70],
  processing: [2, 45],
  instructing: [1, 12],
  reviewing: [0.3, 5],
  proposing: [0.05, 3],
  registering: [0.5, 6],
};

const STATE_OF: Record<IncomingTarget, string> = {
  registering: 'registering',
  proposing: 'proposing',
  reviewing: 'open.reviewing',
  instructing: 'open.instructing',
  processing: 'open.processing',
  completed: 'completed',
  archived: 'archived',
};

/**
 * Plans the demo 收文 cases of the `days` before `now`, deterministically from `seed`: who
 * registers, proposes, instructs, handles and reads each one and when (office hours on the
 * calendar), ending in the shares of TARGET_SHARES. Every step is valid for the 收文 workflow
 * and the demo organisation; nothing is sent here.
 */
export function planIncomingCases(options: IncomingPlanOptions): IncomingCasePlan[] {
  const { calendar } = options;
  const nowMs = options.now.getTime();
  const count = options.count ?? 270;
  const days = options.days ?? 120;
  const r = createRandom(options.seed ?? 20261125);
  const wt = workTime(calendar);
  const delegations = demoDelegations(options.now);
  const latest = nowMs - 5 * MINUTE;

  // Second-level times, so that no two events of the seed share an instant.
  const add = (t: number, min: number, max: number) => wt.add(t, r.int(min * 60, max * 60) / 60);
  const dateOf = (t: number) => calendar.dateOf(new Date(t));

  /** The principal, or their deputy when a delegation covers `t`. */
  const actorFor = (
    principal: string,
    t: number,
    b: CaseBuild,
  ): Pick<PlannedStep, 'actorId' | 'onBehalfOf'> => {
    const d = delegations.find(
      (x) =>
        x.principalId === principal &&
        x.startsAt.getTime() <= t &&
        t < x.endsAt.getTime() &&
        (x.workflows === null || x.workflows.includes('incoming')),
    );
    if (!d) return { actorId: principal };
    b.delegated = true;
    return { actorId: d.deputyId, onBehalfOf: principal };
  };
  /** Deputies of `principal` whose delegation overlaps [from, to]. */
  const deputiesDuring = (principal: string, from: number, to: number) =>
    delegations
      .filter(
        (d: Delegation) =>
          d.principalId === principal && d.startsAt.getTime() < to && d.endsAt.getTime() > from,
      )
      .map((d) => d.deputyId);

  const push = (
    b: CaseBuild,
    at: number,
    who: Pick<PlannedStep, 'actorId' | 'onBehalfOf'>,
    event: PlannedStep['event'],
  ) => {
    b.steps.push({ at: new Date(at), ...who, event });
  };
  const tools: StepTools = { r, add, push, actorFor, deputiesDuring };

  // The end state of every case, spread evenly through the list.
  const total = Object.values(TARGET_SHARES).reduce((s, n) => s + n, 0);
  const targets: IncomingTarget[] = [];
  for (const [target, share] of Object.entries(TARGET_SHARES) as Array<[IncomingTarget, number]>) {
    const n = Math.max(1, Math.round((share * count) / total));
    for (let i = 0; i < n; i++) targets.push(target);
  }
  while (targets.length > count) targets.splice(targets.indexOf('archived'), 1);
  while (targets.length < count) targets.push('archived');
  const shuffled = r.sample(targets, targets.length);

  const subjectsIn = (month: number) =>
    TOPICS.flatMap((topic) =>
      topic.subjects
        .filter((s) => s.months === undefined || s.months.includes(month))
        .map((subject) => ({ topic, subject })),
    );

  function planOne(target: IncomingTarget): IncomingCasePlan {
    for (let attempt = 0; attempt < 40; attempt++) {
      const [minAgo, maxAgo] = RECEIVED_WINDOW[target];
      const ago = Math.min(days - 0.5, minAgo + r.next() * (maxAgo - minAgo) + attempt * 2);
      const receivedAt = add(nowMs - ago * DAY, 1, 90);
      if (receivedAt >= latest - 30 * MINUTE) continue;
      const plan = buildCase(target, receivedAt);
      const last = plan.steps.at(-1)?.at.getTime() ?? receivedAt;
      if (last < latest) return plan;
    }
    throw new Error(
      `could not fit a demo case ending in ${target} before ${options.now.toISOString()}`,
    );
  }

  function buildCase(target: IncomingTarget, receivedAt: number): IncomingCasePlan {
    const b: CaseBuild = { steps: [], returned: false, delegated: false };
    const received = dateOf(receivedAt);
    const year = Number(received.slice(0, 4));
    const month = Number(received.slice(5, 7));
    const { topic, subject } = r.pick(subjectsIn(month));
    const subjectText = subject.text
      .replaceAll('{Y+1}', String(year + 1))
      .replaceAll('{Y}', String(year))
      .replaceAll('{N}', r.pick(ORDINALS))
      .replaceAll('{Q}', ORDINALS[Math.max(0, Math.floor((month - 1) / 3) - 1)]!);
    const docType = r.pick(subject.docTypes);
    const senderKey: SenderKey = r.pick(subject.senders);
    const sender = SENDERS[senderKey]!;
    const own = `关于${r.pick(subject.verbs)}${subjectText}的${docType}`;
    // A city office often passes on a province's document: 关于转发《省…关于…的通知》的通知.
    const province = subject.senders.filter((k) => k.startsWith('prov'));
    const title =
      sender.code.startsWith('市') && docType === '通知' && province.length > 0 && r.chance(0.25)
        ? `关于转发《${SENDERS[r.pick(province)]!.name}${own}》的通知`
        : own;
    const urgency = r.weighted({ 普通: 64, 加急: 26, 特急: 10 });
    const secrecy = r.weighted({ 非密: 85, 秘密: 10, 机密: 4, 绝密: 1 });
    const registration: Record<string, unknown> = {
      title,
      senderUnit: sender.name,
      senderDocNumber: `${sender.code}〔${year}〕${r.int(3, 186)}号`,
      receivedDate: received,
      writtenDate: dateOf(receivedAt - r.int(1, 8) * DAY),
      docType,
      classificationCode: '',
      keywords: [...topic.keywords],
      secrecy,
      ...(secrecy !== '非密' && { secrecyTerm: SECRECY_TERMS[secrecy] }),
      urgency,
      headType:
        docType === '函' ? (r.chance(0.5) ? '白头' : '红头') : r.chance(0.92) ? '红头' : '白头',
      direction: sender.direction,
      copies: sender.direction === '上级来文' ? r.int(1, 3) : 1,
      pages: r.int(2, 24),
      attachments: [],
    };
    const registrar = r.weighted({ huangjing: 45, zhouting: 45, zhaoli: 10 });
    const proposer = r.weighted({ zhaoli: 50, huangjing: 25, zhouting: 25 });
    let t = receivedAt;
    let deadlineAt: string | null = null;
    let supervise = false;
    const finish = (): IncomingCasePlan => ({
      caseId: r.uuid(),
      title,
      registrar,
      receivedAt: new Date(receivedAt),
      input: firstInput,
      steps: b.steps.sort((x, y) => x.at.getTime() - y.at.getTime()),
      target,
      expectedState: STATE_OF[target],
      deadlineAt,
      supervise,
      returned: b.returned,
      delegated: b.delegated,
    });

    /** 催办 by the secretariat on a case past its deadline (or sometimes before). */
    function remindIfLate() {
      if (deadlineAt === null) return;
      const last = Math.max(...b.steps.map((s) => s.at.getTime()));
      const late = Date.parse(deadlineAt) < latest;
      if (!(late ? r.chance(0.5) : r.chance(0.08))) return;
      const at = add(late ? Math.max(last, Date.parse(deadlineAt)) : last, 30, 600);
      if (at >= latest) return;
      push(
        b,
        at,
        { actorId: r.pick(SECRETARIES) },
        {
          type: 'REMIND',
          note: late ? r.pick(REMIND_NOTES) : REMIND_NOTES[0],
        },
      );
    }

    /** A handling department's chain up to `stage`; returns the time of its last step. */

    /** A 传阅 department: the head picks readers (finance may pass it to 预算股), they read. */
    function circulate(dept: string, from: number, partial: boolean, leaveUnread: boolean): number {
      if (leaveUnread && r.chance(0.3)) return from; // nobody picked readers yet
      const head = headOf(dept);
      const pool = staffOf(dept);
      const readers = r.sample(pool, r.int(1, Math.min(2, pool.length)));
      const forward = dept === 'finance' && r.chance(0.3) ? ['budget'] : [];
      const pickAt = add(from, 60, 1440);
      push(b, pickAt, actorFor(head, pickAt, b), {
        type: 'PICK_READERS',
        departmentId: dept,
        readers,
        forwardTo: forward,
      });
      let last = pickAt;
      const reads: Array<[string, string]> = readers.map((u) => [dept, u]);
      for (const sub of forward) {
        const subAt = add(pickAt, 60, 1440);
        const subReaders = r.sample(staffOf(sub), 1);
        push(b, subAt, actorFor(headOf(sub), subAt, b), {
          type: 'PICK_READERS',
          departmentId: sub,
          readers: subReaders,
          forwardTo: [],
        });
        last = Math.max(last, subAt);
        for (const u of subReaders) reads.push([sub, u]);
      }
      const unread = leaveUnread ? r.int(1, reads.length) : partial ? r.int(0, reads.length) : 0;
      const kept = r.sample(reads, reads.length - unread);
      for (const [d, u] of kept) {
        const at = add(d === dept ? pickAt : last, 60, 2400);
        push(
          b,
          at,
          { actorId: u },
          {
            type: 'READ',
            departmentId: d,
            ...(r.chance(0.2) && { opinion: '已阅。' }),
          },
        );
        last = Math.max(last, at);
      }
      return last;
    }

    // 签收登记, possibly wrong and sent back by 拟办 (退回修改登记).
    let firstInput = registration;
    if (target === 'registering' || r.chance(0.04)) {
      const wrongPages = r.chance(0.5);
      firstInput = wrongPages
        ? { ...registration, pages: (registration.pages as number) + r.int(1, 3) }
        : {
            ...registration,
            senderDocNumber: String(registration.senderDocNumber).replace(
              /(\d+)号$/,
              (_, n: string) => `${Number(n) + 10}号`,
            ),
          };
      t = add(t, 20, 300);
      b.returned = true;
      push(
        b,
        t,
        { actorId: proposer },
        {
          type: 'RETURN',
          reason: RETURN_REASONS.toRegistration[wrongPages ? 1 : 0],
        },
      );
      if (target === 'registering') return finish();
      t = add(t, 30, 480);
      push(b, t, { actorId: registrar }, { type: 'AMEND_REGISTRATION', ...registration });
    }
    const returnedToProposal = target === 'proposing' && r.chance(0.35);
    if (target === 'proposing' && !returnedToProposal) return finish();

    // 拟办
    const readOnly = docType === '通报' || (topic.circulate.length > 0 && r.chance(0.06));
    const { proposal, deadlineDays } = propose(r, topic, readOnly, urgency);
    supervise = proposal.supervise;
    t = add(t, 10, 600);
    if (deadlineDays !== null) {
      proposal.deadline = calendar.dateOf(calendar.addWorkingDays(new Date(t), deadlineDays));
    }
    deadlineAt = deadlineOf(calendar, proposal, t);
    push(b, t, { actorId: proposer }, { type: 'PROPOSE', ...proposal });

    if (returnedToProposal) {
      t = add(t, 30, 600);
      b.returned = true;
      push(
        b,
        t,
        { actorId: DIRECTOR },
        { type: 'RETURN', reason: r.pick(RETURN_REASONS.toProposal) },
      );
      return finish();
    }
    if (target === 'reviewing') return finish();

    // 审阅
    let inForce = proposal;
    const review = r.weighted({ accept: 84, change: 10, return: 6 });
    if (review === 'return') {
      t = add(t, 30, 600);
      b.returned = true;
      push(b, t, { actorId: DIRECTOR }, { type: 'RETURN', reason: RETURN_REASONS.toProposal[2] });
      t = add(t, 60, 900);
      deadlineAt = deadlineOf(calendar, proposal, t);
      push(b, t, { actorId: proposer }, { type: 'PROPOSE', ...proposal });
    }
    t = add(t, 30, 720);
    if (review === 'change') {
      const leaders = inForce.leaders.includes(COUNTY_HEAD)
        ? inForce.leaders
        : [COUNTY_HEAD, ...inForce.leaders];
      inForce = {
        ...inForce,
        leaders,
        leaderMode: 'sequence',
        opinion: `${inForce.opinion}建议请${leaderCall(COUNTY_HEAD)}一并阅示。`,
        deadline: dateOf(Date.parse(deadlineAt)),
      };
      push(
        b,
        t,
        { actorId: DIRECTOR },
        {
          type: 'REVIEW',
          decision: 'change',
          opinion: `此件请${leaderCall(COUNTY_HEAD)}一并阅示。`,
          proposal: inForce,
        },
      );
    } else {
      push(
        b,
        t,
        { actorId: DIRECTOR },
        {
          type: 'REVIEW',
          decision: 'accept',
          ...(r.chance(0.5) && { opinion: '同意拟办意见。' }),
        },
      );
    }

    // 批示
    const mainName = inForce.mainDepartment ? deptName(inForce.mainDepartment) : '相关部门';
    const opinionFor = () =>
      (readOnly ? r.pick(READ_ONLY_INSTRUCTIONS) : r.pick(INSTRUCTIONS))
        .replaceAll('{main}', mainName)
        .replaceAll('{S}', subjectText);
    const involved = new Set([
      ...(inForce.mainDepartment ? [inForce.mainDepartment] : []),
      ...inForce.assistDepartments,
    ]);
    const leaderReturns =
      target !== 'instructing' &&
      inForce.leaderMode === 'sequence' &&
      inForce.leaders.length >= 2 &&
      r.chance(0.08);
    const instruct = (from: number, stopAfter: number) => {
      let last = from;
      let added: string[] = [];
      inForce.leaders.forEach((leader, i) => {
        const at = add(inForce.leaderMode === 'sequence' ? last : from, 60, 1500);
        if (i >= stopAfter) return;
        const addFinance =
          !readOnly && !involved.has('finance') && added.length === 0 && r.chance(0.06);
        if (addFinance) added = ['finance'];
        push(b, at, actorFor(leader, at, b), {
          type: 'INSTRUCT',
          opinion: addFinance ? `${opinionFor()}请县财政局一并研究经费保障。` : opinionFor(),
          ...(addFinance && { addAssistDepartments: ['finance'] }),
        });
        last = Math.max(last, at);
      });
      return { last, added };
    };
    if (leaderReturns) {
      const first = inForce.leaders[0]!;
      const at1 = add(t, 60, 1500);
      push(b, at1, actorFor(first, at1, b), { type: 'INSTRUCT', opinion: opinionFor() });
      const second = inForce.leaders[1]!;
      t = add(at1, 60, 900);
      b.returned = true;
      push(b, t, actorFor(second, t, b), { type: 'RETURN', reason: RETURN_REASONS.toProposal[1] });
      t = add(t, 60, 900);
      const again = { ...inForce, opinion: `${inForce.opinion}（已补充县财政局意见）` };
      push(b, t, { actorId: proposer }, { type: 'PROPOSE', ...again });
      if (again.deadline === undefined) deadlineAt = deadlineOf(calendar, again, t);
      t = add(t, 30, 600);
      push(b, t, { actorId: DIRECTOR }, { type: 'REVIEW', decision: 'accept', opinion: '同意。' });
    }
    if (target === 'instructing') {
      instruct(t, r.int(0, inForce.leaders.length - 1));
      remindIfLate();
      return finish();
    }
    const { last: dispatchAt, added } = instruct(t, inForce.leaders.length);

    // 承办 and 传阅, each department on its own from the dispatch
    const handling = [...involved, ...added];
    const processing = target === 'processing';
    let lastDone = dispatchAt;
    handling.forEach((dept, i) => {
      const stage = !processing
        ? 'done'
        : i === 0
          ? r.weighted({ assign: 2, handle: 5, confirm: 2 })
          : r.weighted({ assign: 1, handle: 2, confirm: 1, done: 3 });
      lastDone = Math.max(
        lastDone,
        handleDepartment(tools, b, { topic, subjectText, urgency }, dept, dispatchAt, stage),
      );
    });
    const circulation = inForce.circulateDepartments;
    const mustLeaveUnread = processing && handling.length === 0;
    // Reading may go on after 办结, but a 阅件 is only 办结 once everyone has read it.
    const partial =
      handling.length > 0 && (processing || (target === 'completed' && r.chance(0.3)));
    let lastRead = dispatchAt;
    circulation.forEach((dept, i) => {
      const leaveUnread = mustLeaveUnread && i === circulation.length - 1;
      lastRead = Math.max(lastRead, circulate(dept, dispatchAt, partial, leaveUnread));
    });

    if (processing) {
      remindIfLate();
      return finish();
    }
    if (target === 'completed') return finish();
    const archiveAt = add(Math.max(lastDone, lastRead), 240, 3000);
    push(
      b,
      archiveAt,
      { actorId: r.pick(['huangjing', 'zhouting']) },
      {
        type: 'ARCHIVE',
        note: '已整理归档',
        archiveCode: '',
      },
    );
    return finish();
  }

  const plans = shuffled.map(planOne);

  // 档号 in the order the cases were archived.
  const archives = plans
    .flatMap((p) => p.steps.filter((s) => s.event.type === 'ARCHIVE').map((s) => ({ p, s })))
    .sort((x, y) => x.s.at.getTime() - y.s.at.getTime());
  const perYear = new Map<string, number>();
  for (const { p, s } of archives) {
    const yearOf = calendar.dateOf(s.at).slice(0, 4);
    const n = (perYear.get(yearOf) ?? 0) + 1;
    perYear.set(yearOf, n);
    const permanent = ['省人民政府办公厅', '市人民政府'].includes(String(p.input.senderUnit));
    s.event.archiveCode = `J012-WS·${yearOf}-${permanent ? 'Y' : 'D30'}-${String(n).padStart(4, '0')}`;
  }
  return plans;
}
