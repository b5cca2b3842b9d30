import { createRoomBookings } from '@gongwen/adapters';
import { createPgliteStore } from '@gongwen/adapters/pglite';
import {
  type CaseRecord,
  createChineseCalendar,
  createIncomingWorkflow,
  createOutgoingWorkflow,
  createStoreDirectory,
  createWorkflowEngine,
  DOC_TYPES,
  type DocNumberUse,
  type LedgerRecord,
  outgoingDocNumberHistory,
  type WorkflowEngine,
} from '@gongwen/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOWN_UNIT_ID, DEMO_UNIT_ID } from './org';
import type { OutgoingCasePlan } from './outgoing-case-plan';
import { planOutgoingCases } from './outgoing-plan';
import { outgoingSeeder, planDemoOutgoing } from './outgoing-seeder';
import { seedDemo } from './seed-demo';
import { demoSeederContext } from './seeder';

const NOW = new Date('2026-11-25T03:00:00Z'); // Wednesday 11:00 in 示例县
const calendar = createChineseCalendar();
const clock = { now: () => NOW };

let store: Awaited<ReturnType<typeof createPgliteStore>>;
let engine: WorkflowEngine;
let seeded = 0;
const cases: CaseRecord[] = [];
const ledgers = new Map<string, LedgerRecord[]>();

/** The plan `seedDemo` played, rebuilt from the 发文 seeder's own context. */
const planFor = (): OutgoingCasePlan[] =>
  planDemoOutgoing(demoSeederContext('outgoing', NOW, calendar));

beforeAll(async () => {
  store = await createPgliteStore({ dataDir: 'memory://' });
  engine = createWorkflowEngine({
    store,
    directory: createStoreDirectory(store.directory),
    clock,
    calendar,
    workflows: [createIncomingWorkflow({ calendar }), createOutgoingWorkflow({ calendar })],
  });
  const started = performance.now();
  const result = await seedDemo(
    { store, engine, clock, calendar, roomBookings: createRoomBookings(store.kysely) },
    { seeders: [outgoingSeeder()] },
  );
  seeded = result.cases;
  console.info(`seedDemo (发文): ${seeded} cases in ${Math.round(performance.now() - started)} ms`);
  for (let offset = 0; ; offset += 200) {
    const page = await store.listCases({
      unitId: DEMO_UNIT_ID,
      workflow: 'outgoing',
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

describe('demo 发文 plan', () => {
  it('is deterministic: the same seed and now give the same cases', () => {
    const a = planFor();
    expect(planFor()).toEqual(a);
    const other = planOutgoingCases({ now: NOW, calendar, seed: 7 });
    expect(other.map((p) => p.title)).not.toEqual(a.map((p) => p.title));
  });

  it('plans every step in office hours of working days, before now', () => {
    for (const p of planFor()) {
      for (const at of [p.draftedAt, ...p.steps.map((s) => s.at)]) {
        const local = new Date(at.getTime() + 8 * 3_600_000);
        const minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
        expect(calendar.isWorkingDay(calendar.dateOf(at)), at.toISOString()).toBe(true);
        expect(minutes).toBeGreaterThanOrEqual(8 * 60 + 30);
        expect(minutes).toBeLessThan(17 * 60 + 30);
        expect(at.getTime()).toBeLessThan(NOW.getTime());
      }
    }
  });
});

describe('demo 发文 cases', () => {
  it('seeds at least 100 cases, each in the state its plan left it, over every state before 盖章', () => {
    expect(seeded).toBeGreaterThanOrEqual(100);
    expect(cases).toHaveLength(seeded);
    const counts = new Map<string, number>();
    for (const c of cases) counts.set(c.state, (counts.get(c.state) ?? 0) + 1);
    expect(new Set(counts.keys())).toEqual(
      new Set([
        'drafting',
        'checking',
        'countersigning',
        'consolidating',
        'rechecking',
        'signing',
        'finalizing',
        'sealing',
        'rejected',
        'cancelled',
      ]),
    );
    const plans = new Map(planFor().map((p) => [p.caseId, p]));
    for (const c of cases) expect(c.state, c.title).toBe(plans.get(c.id)?.expectedState);
    // no case is sealed: the seed has no renderer or sealer (see OutgoingTarget)
    expect(cases.every((c) => c.fields.sealedPdf === null)).toBe(true);
  });

  it('has every 文种, 密级 and 紧急程度, and sends to 城关镇 and external units', () => {
    const values = (key: string) => new Set(cases.map((c) => c.fields[key]));
    expect(values('docType')).toEqual(new Set(DOC_TYPES));
    expect(values('urgency')).toEqual(new Set(['特急', '加急', '普通']));
    expect(values('secrecy')).toEqual(new Set(['非密', '秘密', '机密']));
    const recipients = cases.flatMap((c) => [
      ...(c.fields.mainRecipients as Array<Record<string, string>>),
      ...(c.fields.ccRecipients as Array<Record<string, string>>),
    ]);
    expect(recipients.some((r) => r.unitId === DEMO_TOWN_UNIT_ID)).toBe(true);
    expect(recipients.some((r) => r.name === '市人民政府办公室')).toBe(true);
    expect(new Set(cases.map((c) => c.title)).size).toBeGreaterThanOrEqual(50);
  });

  it('goes through 核稿, 会签 (依次 and 同时, with members), 返还, 复核, 签发 and the returns', () => {
    const events = new Map<string, number>();
    for (const e of all()) events.set(e.event, (events.get(e.event) ?? 0) + 1);
    for (const type of [
      'EDIT',
      'SUBMIT',
      'CHECK',
      'RETURN',
      'WITHDRAW',
      'ASSIGN_MEMBER',
      'COUNTERSIGN',
      'COUNTERSIGN_AGAIN',
      'SEND_TO_RECHECK',
      'RECHECK',
      'SIGN',
      'REJECT',
      'RETURN_FOR_REVISION',
      'FINALIZE',
      'VOID_DOC_NUMBER',
      'CANCEL',
    ]) {
      expect(events.get(type) ?? 0, type).toBeGreaterThan(0);
    }
    const modes = all()
      .filter((e) => e.event === 'CHECK')
      .map((e) => (e.fields.countersign as { mode: string; departments: unknown[] }) ?? null)
      .filter((p) => p !== null && p.departments.length > 0)
      .map((p) => p.mode);
    expect(new Set(modes)).toEqual(new Set(['sequence', 'parallel']));
    expect(all().some((e) => e.event === 'COUNTERSIGN' && e.fields.agree === false)).toBe(true);
  });

  it('numbers 文号 gaplessly per 机关代字 and year, except the documented voids', async () => {
    const uses = cases.flatMap((c) => c.fields.docNumbers as DocNumberUse[]);
    const scopes = new Map<string, DocNumberUse[]>();
    for (const u of uses) scopes.set(u.scope, [...(scopes.get(u.scope) ?? []), u]);
    expect(scopes.size).toBeGreaterThanOrEqual(3);
    for (const [scope, list] of scopes) {
      const serials = list.map((u) => u.serial).sort((a, b) => a - b);
      expect(serials, scope).toEqual(serials.map((_, i) => i + 1));
      expect(await store.currentSerial(DEMO_UNIT_ID, scope)).toBe(serials.length);
    }
    const voided = uses.filter((u) => u.voidedAt !== null);
    expect(voided.length).toBeGreaterThanOrEqual(2);
    expect(voided.every((u) => (u.voidReason ?? '').length > 0)).toBe(true);
    expect(voided.map((u) => u.voidReason)).toContain('签发已撤回');
    // every case past 签发 holds exactly one valid 文号
    for (const c of cases.filter((x) => ['finalizing', 'sealing'].includes(x.state))) {
      expect(typeof c.fields.docNumber, c.title).toBe('string');
    }
    const h = await outgoingDocNumberHistory({
      store,
      unitId: DEMO_UNIT_ID,
      issuerCode: '示政发',
      year: 2026,
    });
    expect(h.missing).toEqual([]);
    expect(h.entries.length).toBe(h.lastSerial);
  });

  it('keeps every ledger chain intact (sample) and in time order', async () => {
    for (const c of cases.filter((_, i) => i % 8 === 0)) {
      const v = await engine.verifyLedger(c.id);
      expect(v.problems, c.title).toEqual([]);
      expect(v.ok).toBe(true);
    }
    for (const [id, entries] of ledgers) {
      const times = entries.map((e) => e.at.getTime());
      expect(times, id).toEqual([...times].sort((a, b) => a - b));
    }
  });
});
