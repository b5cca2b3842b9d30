import { createRoomBookings } from '@gongwen/adapters';
import { createPgliteStore } from '@gongwen/adapters/pglite';
import {
  type CaseRecord,
  createChineseCalendar,
  createIncomingWorkflow,
  createStoreDirectory,
  createWorkflowEngine,
  type LedgerRecord,
  ROLES,
  TIMER_ACTOR,
  type WorkflowEngine,
} from '@gongwen/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_RECOMMENDED_LOGINS, recommendedLoginsMarkdown } from './accounts';
import { planIncomingCases } from './incoming-plan';
import { incomingSeeder, planDemoIncoming } from './incoming-seeder';
import { DEMO_ORG, DEMO_TOWN_UNIT_ID, DEMO_UNIT_ID, demoDelegations } from './org';
import { DEMO_SEEDERS, type SeedDemoResult, seedDemo } from './seed-demo';
import { demoSeederContext } from './seeder';

const NOW = new Date('2026-11-25T03:00:00Z'); // Wednesday 11:00 in 示例县
const calendar = createChineseCalendar();
const clock = { now: () => NOW };

let store: Awaited<ReturnType<typeof createPgliteStore>>;
let engine: WorkflowEngine;
let result: SeedDemoResult;
let seedMs = 0;
const cases: CaseRecord[] = [];
const ledgers = new Map<string, LedgerRecord[]>();

beforeAll(async () => {
  store = await createPgliteStore({ dataDir: 'memory://' });
  engine = createWorkflowEngine({
    store,
    directory: createStoreDirectory(store.directory),
    clock,
    calendar,
    workflows: [createIncomingWorkflow({ calendar })],
  });
  const started = performance.now();
  const cpu = process.cpuUsage();
  // The 收文 seeder alone: the 发文, 会议 and 报告审批 seeders have their own tests, and all of
  // them together run in the e2e set-up's first start.
  result = await seedDemo(
    { store, engine, clock, calendar, roomBookings: createRoomBookings(store.kysely) },
    { seeders: [incomingSeeder()] },
  );
  const used = process.cpuUsage(cpu);
  seedMs = performance.now() - started;
  console.info(
    `seedDemo: ${result.cases} cases in ${Math.round(seedMs)} ms on PGlite ` +
      `(${Math.round((used.user + used.system) / 1000)} ms CPU)`,
  );
  for (let offset = 0; ; offset += 200) {
    const page = await store.listCases({
      unitId: DEMO_UNIT_ID,
      workflow: 'incoming',
      limit: 200,
      offset,
    });
    cases.push(...page.items);
    if (page.items.length < 200) break;
  }
  for (const c of cases) ledgers.set(c.id, await store.listLedger(c.id));
}, 300_000);

afterAll(() => store?.close());

const all = () => [...ledgers.values()].flat();

describe('demo organisation', () => {
  it('has at least 30 people in the county government and every role', async () => {
    const county = await store.directory.listUsers({ unitId: DEMO_UNIT_ID });
    expect(county.length).toBeGreaterThanOrEqual(30);
    for (const role of Object.keys(ROLES)) {
      expect(county.filter((u) => u.roles.includes(role)).length, role).toBeGreaterThan(0);
    }
    expect(new Set(county.filter((u) => u.roles.includes('leader')).map((u) => u.name))).toEqual(
      new Set(['王建国', '李明华', '张秀英', '陈志强']),
    );
    expect(county.filter((u) => u.roles.includes('officeDirector')).map((u) => u.name)).toEqual([
      '刘洋',
    ]);
    const town = await store.directory.listUsers({ unitId: DEMO_TOWN_UNIT_ID });
    for (const role of ['leader', 'officeDirector', 'secretary', 'departmentHead']) {
      expect(
        town.some((u) => u.roles.includes(role)),
        `城关镇 ${role}`,
      ).toBe(true);
    }
    const units = await Promise.all(DEMO_ORG.units.map((u) => store.directory.getUnit(u.id)));
    expect(units.map((u) => [u?.name, u?.issuerCode])).toEqual([
      ['示例县人民政府', '示政发'],
      ['示例县城关镇人民政府', '城政发'],
    ]);
  });

  it('gives every department a head from inside it and at least two people under the head', () => {
    for (const d of DEMO_ORG.departments) {
      const head = DEMO_ORG.users.find((u) => u.id === d.headUserId);
      expect(head?.departmentId, d.name).toBe(d.id);
      expect(head?.unitId, d.name).toBe(d.unitId);
      const bureau = d.parentId === 'gov' && !['office'].includes(d.id);
      if (bureau) {
        const staff = DEMO_ORG.users.filter(
          (u) =>
            u.id !== head?.id &&
            (u.departmentId === d.id ||
              DEMO_ORG.departments.some((s) => s.parentId === d.id && s.id === u.departmentId)),
        );
        expect(staff.length, d.name).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('chains every county person through direct superiors to the 县长, without cycles', () => {
    const byId = new Map(DEMO_ORG.users.map((u) => [u.id, u]));
    for (const u of DEMO_ORG.users.filter((x) => x.unitId === DEMO_UNIT_ID)) {
      const seen = new Set<string>();
      let at = u;
      while (at.superiorId !== null) {
        expect(seen.has(at.id), `cycle at ${at.id}`).toBe(false);
        seen.add(at.id);
        const next = byId.get(at.superiorId);
        expect(next?.unitId, `${at.id} → ${at.superiorId}`).toBe(DEMO_UNIT_ID);
        at = next!;
      }
      expect(at.id, u.id).toBe('wangjianguo');
    }
    // staff → head → 分管副县长 → 县长
    expect(byId.get('zhuhongmei')?.superiorId).toBe('maxiaodong');
    expect(byId.get('maxiaodong')?.superiorId).toBe('liminghua');
    expect(byId.get('liminghua')?.superiorId).toBe('wangjianguo');
  });

  it('stores the delegations relative to now, one of them in force', async () => {
    const stored = await store.directory.listDelegations(DEMO_UNIT_ID);
    expect(stored.map((d) => d.id).sort()).toEqual(
      demoDelegations(NOW)
        .map((d) => d.id)
        .sort(),
    );
    expect(await store.directory.delegationsOfDeputy('liuyang', NOW)).toEqual([
      expect.objectContaining({ principalId: 'chenzhiqiang', workflows: ['incoming'] }),
    ]);
    expect(await store.directory.delegationsOfDeputy('luojia', NOW)).toEqual([]);
  });
});

describe('demo accounts', () => {
  it('gives every person a pinyin login with the shared demo password', () => {
    expect(result.accounts).toHaveLength(DEMO_ORG.users.length);
    expect(new Set(result.accounts.map((a) => a.username)).size).toBe(result.accounts.length);
    for (const a of result.accounts) {
      expect(a.username).toMatch(/^[a-z]+$/);
      expect(a.password).toBe(DEMO_PASSWORD);
      expect(a.name).toMatch(/^[\u4e00-\u9fa5]{2,3}$/);
      expect(a.role).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(result.accounts.find((a) => a.username === 'wangjianguo')).toMatchObject({
      name: '王建国',
      role: '县长',
    });
  });

  it('renders the recommended logins as a Markdown table for the README', () => {
    const md = recommendedLoginsMarkdown();
    expect(md).toContain(`密码均为 \`${DEMO_PASSWORD}\``);
    expect(md).toContain('| 县长 | 王建国（县长） | `wangjianguo` |');
    expect(md.split('\n').filter((l) => l.startsWith('| ') && l.includes('`'))).toHaveLength(
      DEMO_RECOMMENDED_LOGINS.length,
    );
  });

  it('recommends real logins whose person fits the kind', () => {
    const byId = new Map(DEMO_ORG.users.map((u) => [u.id, u]));
    const roleOf: Record<string, string> = {
      县长: 'leader',
      副县长: 'leader',
      办公室主任: 'officeDirector',
      秘书: 'secretary',
      部门负责人: 'departmentHead',
      科员: 'staff',
      管理员: 'admin',
      乡镇文书: 'secretary',
    };
    for (const r of DEMO_RECOMMENDED_LOGINS) {
      const u = byId.get(r.username);
      expect(u?.name, r.username).toBe(r.name);
      expect(u?.roles, r.kind).toContain(roleOf[r.kind]);
    }
  });
});

describe('demo 收文 cases', () => {
  it('seeds at least 250 cases over the last four months, all in the past', () => {
    expect(result).toMatchObject({ skipped: false });
    expect(result.cases).toBeGreaterThanOrEqual(250);
    expect(cases).toHaveLength(result.cases);
    const created = cases.map((c) => c.createdAt.getTime());
    expect(Math.max(...created)).toBeLessThan(NOW.getTime());
    expect((NOW.getTime() - Math.min(...created)) / 86_400_000).toBeGreaterThan(100);
    const updated = cases.map((c) => c.updatedAt.getTime());
    expect(Math.max(...updated)).toBeLessThanOrEqual(NOW.getTime());
  });

  it('covers every state of the 收文 machine, each case where its plan left it', () => {
    const counts = new Map<string, number>();
    for (const c of cases) counts.set(c.state, (counts.get(c.state) ?? 0) + 1);
    for (const state of [
      'registering',
      'proposing',
      'open.reviewing',
      'open.instructing',
      'open.processing',
      'completed',
      'archived',
    ]) {
      expect(counts.get(state) ?? 0, state).toBeGreaterThanOrEqual(
        state === 'registering' ? 3 : 10,
      );
    }
    const plans = new Map(planFor().map((p) => [p.caseId, p]));
    for (const c of cases) expect(c.state, c.title).toBe(plans.get(c.id)?.expectedState);
    expect(cases.filter((c) => c.status === 'done').every((c) => c.state === 'archived')).toBe(
      true,
    );
  });

  it('has realistic titles and registrations with every 紧急程度 and 密级', () => {
    for (const c of cases) {
      expect(c.title).toMatch(/^关于.+的(通知|函|请示|报告|通报)$/);
      expect(c.fields.serialNo).toMatch(/^收(白)?〔2026〕\d{4}$/);
      expect(c.fields.senderDocNumber).toMatch(/〔2026〕\d+号$/);
    }
    const values = (key: string) => new Set(cases.map((c) => c.fields[key]));
    expect(values('urgency')).toEqual(new Set(['特急', '加急', '普通']));
    expect(values('secrecy')).toEqual(new Set(['非密', '秘密', '机密', '绝密']));
    expect(values('headType')).toEqual(new Set(['红头', '白头']));
    expect(values('direction')).toEqual(new Set(['上级来文', '下级来文', '平级来文']));
    expect(new Set(cases.map((c) => c.title)).size).toBeGreaterThanOrEqual(100);
    expect(values('senderUnit').size).toBeGreaterThan(15);
  });

  it('numbers the registrations gaplessly, in the order they arrived', async () => {
    for (const head of ['红头', '白头'] as const) {
      const mine = cases
        .filter((c) => c.fields.headType === head)
        .sort(
          (a, b) =>
            a.createdAt.getTime() - b.createdAt.getTime() ||
            String(a.fields.serialNo).localeCompare(String(b.fields.serialNo)),
        );
      const prefix = head === '白头' ? '收白' : '收';
      expect(mine.map((c) => c.fields.serialNo)).toEqual(
        mine.map((_, i) => `${prefix}〔2026〕${String(i + 1).padStart(4, '0')}`),
      );
      expect(await store.currentSerial(DEMO_UNIT_ID, `收文:${head}:2026`)).toBe(mine.length);
    }
  });

  it('leaves some cases overdue, in the 待办 of the people who hold them', async () => {
    const open = cases.filter((c) => c.state.startsWith('open.'));
    const overdue = open.filter(
      (c) => typeof c.fields.deadline === 'string' && Date.parse(c.fields.deadline) < NOW.getTime(),
    );
    expect(overdue.length).toBeGreaterThanOrEqual(10);
    const holders = new Set(overdue.flatMap((c) => c.assignments.flatMap((a) => a.candidates)));
    let overdueItems = 0;
    for (const actorId of holders) {
      overdueItems += (await engine.inbox({ actorId, overdue: true, limit: 200 })).total;
    }
    expect(overdueItems).toBeGreaterThanOrEqual(overdue.length);
  });

  it('has 催办: automatic reminders by the timer and reminders by the secretariat', () => {
    const reminded = cases.filter((c) => Number(c.fields.reminderCount) > 0);
    expect(reminded.length).toBeGreaterThanOrEqual(10);
    const entries = all();
    expect(
      entries.filter((e) => e.event === 'DEADLINE_REMIND' && e.actorId === TIMER_ACTOR).length,
    ).toBeGreaterThanOrEqual(10);
    expect(entries.filter((e) => e.event === 'REMIND').length).toBeGreaterThanOrEqual(5);
    // open reminded cases show a highlighted 催办 task
    expect(
      reminded.some(
        (c) => c.state.startsWith('open.') && c.assignments.some((a) => a.kind === 'remind'),
      ),
    ).toBe(true);
  });

  it('sends back, takes back and deputises along the way', () => {
    const events = new Map<string, number>();
    for (const e of all()) events.set(e.event, (events.get(e.event) ?? 0) + 1);
    for (const type of [
      'PROPOSE',
      'REVIEW',
      'INSTRUCT',
      'ASSIGN',
      'HAND_DOWN',
      'SUBMIT_RESULT',
      'CONFIRM',
      'PICK_READERS',
      'READ',
      'ARCHIVE',
      'RETURN',
      'AMEND_REGISTRATION',
      'SEND_BACK',
    ]) {
      expect(events.get(type) ?? 0, type).toBeGreaterThan(0);
    }
    const deputised = all().filter((e) => e.onBehalfOf !== null);
    expect(new Set(deputised.map((e) => `${e.actorId}→${e.onBehalfOf}`))).toEqual(
      new Set(['liuyang→chenzhiqiang', 'luojia→linhai']),
    );
    const changed = all().filter((e) => e.event === 'REVIEW' && e.fields.decision === 'change');
    expect(changed.length).toBeGreaterThan(0);
  });

  it('archives with 档号 in archiving order', () => {
    const archives = all()
      .filter((e) => e.event === 'ARCHIVE')
      .sort((a, b) => a.at.getTime() - b.at.getTime());
    expect(archives.length).toBe(cases.filter((c) => c.state === 'archived').length);
    expect(archives.map((e) => Number(String(e.fields.archiveCode).slice(-4)))).toEqual(
      archives.map((_, i) => i + 1),
    );
    expect(String(archives[0]?.fields.archiveCode)).toMatch(/^J012-WS·2026-(Y|D30)-0001$/);
  });

  it('keeps every ledger chain intact (sample) and in time order', async () => {
    const sample = cases.filter((_, i) => i % 9 === 0);
    for (const c of sample) {
      const v = await engine.verifyLedger(c.id);
      expect(v.problems, c.title).toEqual([]);
      expect(v.ok).toBe(true);
    }
    for (const [id, entries] of ledgers) {
      const times = entries.map((e) => e.at.getTime());
      expect(times, id).toEqual([...times].sort((a, b) => a - b));
    }
  });

  it('shows the work to the people in the demo: 批示 for the 县长, 代理 for the office director', async () => {
    const county = await engine.inbox({ actorId: 'wangjianguo', limit: 50 });
    expect(county.items.some((i) => i.task.key.startsWith('instruct:'))).toBe(true);
    const secretary = await engine.inbox({ actorId: 'huangjing', limit: 200 });
    expect(secretary.items.some((i) => i.task.key.startsWith('propose:'))).toBe(true);
    expect(secretary.items.some((i) => i.task.key === 'archive')).toBe(true);
    const deputy = await engine.inbox({ actorId: 'liuyang', limit: 200 });
    expect(deputy.items.some((i) => i.principalId === 'chenzhiqiang')).toBe(true);
  });

  it('does not seed twice into the same store', async () => {
    const again = await seedDemo(
      { store, engine, clock, calendar, roomBookings: createRoomBookings(store.kysely) },
      { seeders: [incomingSeeder()] },
    );
    expect(again).toMatchObject({ cases: 0, skipped: true });
    expect(again.accounts).toEqual(result.accounts);
    expect((await store.listCases({ unitId: DEMO_UNIT_ID, limit: 1, offset: 0 })).total).toBe(
      cases.length,
    );
  });
});

describe('demo plan', () => {
  it('is deterministic: the same seed and now give the same cases', () => {
    const a = planFor();
    const b = planFor();
    expect(b.map((p) => p.title)).toEqual(a.map((p) => p.title));
    expect(b).toEqual(a);
    const other = planIncomingCases({ now: NOW, calendar, seed: 7 });
    expect(other.map((p) => p.title)).not.toEqual(a.map((p) => p.title));
  });

  it('plans every step in office hours of working days', () => {
    for (const p of planFor()) {
      for (const at of [p.receivedAt, ...p.steps.map((s) => s.at)]) {
        const local = new Date(at.getTime() + 8 * 3_600_000);
        const minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
        expect(calendar.isWorkingDay(calendar.dateOf(at)), at.toISOString()).toBe(true);
        expect(minutes).toBeGreaterThanOrEqual(8 * 60 + 30);
        expect(minutes).toBeLessThan(17 * 60 + 30);
      }
    }
  });

  it('leaves room for more seeders (发文 comes next)', () => {
    expect(DEMO_SEEDERS.map((s) => s.name)).toContain('incoming');
  });
});

/** The plan `seedDemo` played, rebuilt from the 收文 seeder's own context. */
function planFor() {
  return planDemoIncoming(demoSeederContext('incoming', NOW, calendar));
}
