import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../memory/memory-store.ts';
import { buildIncomingArchiveRecord } from './archive-record.ts';
import { assertIncomingEvent, checkIncomingEvent } from './org-checks.ts';
import { incomingHarness, STANDARD_PROPOSAL } from './testing-harness.ts';

describe('收文 organisation checks (checkIncomingEvent, as the engine runs them)', () => {
  it('accepts the right head, handler, readers and directly subordinate departments', async () => {
    const h = await incomingHarness(createMemoryStore());
    const check = (
      actorId: string,
      event: { type: string; [k: string]: unknown },
      onBehalfOf?: string,
    ) =>
      checkIncomingEvent({
        directory: h.directory,
        unitId: 'demo',
        actorId,
        ...(onBehalfOf ? { onBehalfOf } : {}),
        event,
      });
    expect(await check('zhou', STANDARD_PROPOSAL)).toEqual([]);
    expect(
      await check('zhao', { type: 'ASSIGN', departmentId: 'finance', handlerId: 'sun' }),
    ).toEqual([]);
    expect(
      await check('zhao', { type: 'PICK_READERS', departmentId: 'finance', readers: [] }),
    ).toEqual([]);
    // a head of another department
    expect(
      await check('he', { type: 'ASSIGN', departmentId: 'finance', handlerId: 'sun' }),
    ).toEqual([{ kind: 'actor', message: '只有县财政局负责人可以办理此步骤' }]);
    // a deputy acting for the head passes when the principal is named
    expect(await check('xu', { type: 'CONFIRM', departmentId: 'finance' }, 'zhao')).toEqual([]);
    // a handler from outside the department's subtree
    expect(
      await check('zhao', { type: 'ASSIGN', departmentId: 'finance', handlerId: 'lu' }),
    ).toEqual([{ kind: 'payload', message: '承办人须为县财政局或其下属科室人员' }]);
    // readers from another department
    expect(
      await check('he', {
        type: 'PICK_READERS',
        departmentId: 'education',
        readers: ['lu', 'sun'],
      }),
    ).toEqual([{ kind: 'payload', message: '阅读人须为县教育局人员：sun' }]);
    // 传阅 never skips a level: 预算股 sits under 县财政局
    expect(await check('zhou', { ...STANDARD_PROPOSAL, circulateDepartments: ['budget'] })).toEqual(
      [{ kind: 'payload', message: '传阅不能越级：预算股不是直属部门' }],
    );
    expect(
      await check('zhang', { type: 'INSTRUCT', opinion: 'x', addCirculateDepartments: ['nope'] }),
    ).toEqual([{ kind: 'payload', message: '传阅部门“nope”不存在' }]);
    expect(
      await check('zhao', {
        type: 'PICK_READERS',
        departmentId: 'finance',
        readers: [],
        forwardTo: ['budget', 'education'],
      }),
    ).toEqual([{ kind: 'payload', message: '只能转给县财政局的直属下级部门：县教育局' }]);
    expect(
      await check('zhang', { type: 'INSTRUCT', opinion: 'x', addAssistDepartments: ['x'] }),
    ).toEqual([{ kind: 'payload', message: '承办部门“x”不存在' }]);
    expect(await check('zhou', { ...STANDARD_PROPOSAL, leaders: ['zhang', 'zhao'] })).toEqual([
      { kind: 'payload', message: '批示人须为本单位领导：zhao' },
    ]);
    await expect(
      assertIncomingEvent({
        directory: h.directory,
        unitId: 'demo',
        actorId: 'he',
        event: { type: 'CONFIRM', departmentId: 'finance' },
      }),
    ).rejects.toMatchObject({ code: 'NOT_PERMITTED' });
    await expect(
      assertIncomingEvent({
        directory: h.directory,
        unitId: 'demo',
        actorId: 'zhou',
        event: { ...STANDARD_PROPOSAL, circulateDepartments: ['budget'] },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('收文 archive record', () => {
  it('carries the header, the 台帐 row, the 流程统计 and the whole hashed trace', async () => {
    const h = await incomingHarness(createMemoryStore());
    const { caseId } = await h.register();
    await h.send(caseId, 'zhou', {
      ...STANDARD_PROPOSAL,
      leaders: ['zhang'],
      mainDepartment: undefined,
      assistDepartments: [],
      circulateDepartments: ['finance'],
    });
    h.clock.advance(60_000);
    await h.send(caseId, 'li', { type: 'REVIEW', decision: 'accept' });
    h.clock.advance(60_000);
    await h.send(caseId, 'zhang', { type: 'INSTRUCT', opinion: '阅' });
    const notYet = await h.engine.case(caseId);
    expect(() => buildIncomingArchiveRecord({ caseRecord: notYet, ledger: [], tasks: [] })).toThrow(
      '收文尚未归档',
    );
    h.clock.advance(60_000);
    await h.send(caseId, 'zhao', { type: 'PICK_READERS', departmentId: 'finance', readers: [] });
    h.clock.advance(60_000);
    await h.send(caseId, 'zhou', { type: 'ARCHIVE', archiveCode: 'A-1' });
    const caseRecord = await h.engine.case(caseId);
    const record = buildIncomingArchiveRecord({
      caseRecord,
      ledger: await h.engine.ledger(caseId),
      tasks: await h.engine.tasks(caseId),
    });
    expect(record).toMatchObject({
      caseId,
      serialNo: '收〔2026〕0001',
      header: { senderUnit: '市财政局', archivedAt: expect.any(String) },
      verification: { ok: true, entries: 6 },
      ledgerHead: caseRecord.ledgerHead,
    });
    expect(record.trace.map((e) => e.event)).toEqual([
      'start',
      'PROPOSE',
      'REVIEW',
      'INSTRUCT',
      'PICK_READERS',
      'ARCHIVE',
    ]);
    expect(record.trace.at(-1)!.fields).toMatchObject({ archiveCode: 'A-1' });
    expect(record.flow.map((l) => l.node)).toEqual([
      '拟办',
      '审阅',
      '批示',
      '传阅：指定阅读人',
      '归档',
    ]);
  });
});
