import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INCOMING_LEDGER_COLUMNS } from '~/lib/ledger-columns';
import { ZLedgerQuery } from '~/lib/schemas/ledger';
import { contextForUserId } from '~/server/api/context';
import {
  attachmentDisposition,
  exportLedgerXlsx,
  ledgerExportFileName,
} from '~/server/services/ledger/export-ledger';
import {
  driveIncomingScenario,
  driveOutgoingCase,
  type IncomingScenario,
} from '~/server/services/ledger/testing-scenario';
import { callerFor, createTestApp, type TestApp } from '~/server/testing/test-app';

let app: TestApp;
let ids: IncomingScenario;
let outgoingId: string;

beforeAll(async () => {
  app = await createTestApp({ accounts: false });
  ids = await driveIncomingScenario(app);
  outgoingId = await driveOutgoingCase(app);
});
afterAll(async () => {
  await app?.close();
});

const list = (userId: string, extra: Record<string, unknown> = {}) =>
  callerFor(app, userId).ledger.list({ workflow: 'incoming', ...extra });

describe('ledger.list', () => {
  it('shows a leader the whole unit ledger with the projected columns', async () => {
    const page = await list('zhang');
    expect(page.total).toBe(3);
    expect(page.scope).toBe('all');
    const a = page.items.find((l) => l.caseId === ids.a);
    expect(a?.cells).toMatchObject({
      serialNo: '收〔2026〕0001',
      senderUnit: '市财政局',
      title: '关于做好2027年度预算编制工作的通知',
      proposal: expect.stringContaining('周文秘：拟请张县长阅示，县财政局办理。'),
      review: expect.stringContaining('【同意拟办】李主任'),
      instructions: expect.stringContaining('张县长：请财政局研究落实'),
      handling: expect.stringMatching(
        /^县财政局（主办）；承办人：钱股长→孙科员；结果：已完成预算编制（2026-11-30 10:01）；办结：2026-11-30 10:02$/,
      ),
      reminderCount: '0',
      completedAt: '2026-11-30 10:02',
      state: '已办结',
    });
    expect(page.items.find((l) => l.caseId === ids.b)?.overdue).toBe(true);
    expect(page.items.find((l) => l.caseId === ids.c)?.cells.state).toBe('待拟办');
  });

  it('shows a staff member only the cases they took part in, and not the steps above them', async () => {
    const page = await list('sun');
    expect(page.scope).toBe('downward');
    expect(page.items.map((l) => l.caseId)).toEqual([ids.a]);
    expect(page.total).toBe(1);
    const cells = page.items[0]?.cells;
    expect(cells?.proposal).toBe('');
    expect(cells?.instructions).toBe('');
    expect(cells?.handling).toContain('承办人：孙科员；结果：已完成预算编制');
    expect(cells?.handling).not.toContain('钱股长');
    // a department head sees his own department's case and the people below him
    const zhao = await list('zhao');
    expect(zhao.items.map((l) => l.caseId)).toEqual([ids.a]);
    expect(zhao.items[0]?.cells.handling).toContain('钱股长→孙科员');
    // a user of another unit sees nothing of this unit
    expect((await list('outsider')).total).toBe(0);
  });

  it('filters in SQL and pages', async () => {
    expect((await list('zhang', { departmentId: 'finance' })).items.map((l) => l.caseId)).toEqual([
      ids.a,
    ]);
    expect((await list('zhang', { state: 'proposing' })).items.map((l) => l.caseId)).toEqual([
      ids.c,
    ]);
    expect((await list('zhang', { urgency: '加急' })).items.map((l) => l.caseId)).toEqual([ids.a]);
    expect((await list('zhang', { secrecy: '秘密' })).items.map((l) => l.caseId)).toEqual([ids.b]);
    expect((await list('zhang', { search: '安全生产' })).items.map((l) => l.caseId)).toEqual([
      ids.b,
    ]);
    expect((await list('zhang', { search: '收〔2026〕0003' })).items.map((l) => l.caseId)).toEqual([
      ids.c,
    ]);
    expect(
      (await list('zhang', { period: { from: new Date('2026-11-26T00:00:00+08:00') } })).total,
    ).toBe(0);
    const p1 = await list('zhang', { pageSize: 2, page: 1 });
    const p2 = await list('zhang', { pageSize: 2, page: 2 });
    expect(p1.total).toBe(3);
    expect(p1.items).toHaveLength(2);
    expect(p2.items.map((l) => l.caseId)).toEqual([ids.a]); // newest first
  });

  it('refuses bad input with a Chinese message', async () => {
    await expect(
      callerFor(app, 'zhang').ledger.list({ workflow: 'bogus' as 'incoming' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('请选择收文台帐或发文台帐'),
    });
    await expect(list('zhang', { pageSize: 500 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('每页最多 100 条'),
    });
    await expect(
      list('zhang', { period: { from: new Date('2026-12-01'), to: new Date('2026-11-01') } }),
    ).rejects.toMatchObject({ message: expect.stringContaining('结束日期不能早于开始日期') });
    await expect(callerFor(app, null).ledger.list({ workflow: 'incoming' })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: '请先登录',
    });
  });
});

describe('发文台帐', () => {
  it('projects 文号, 拟稿, 核稿, 复核 and 签发 with names and times', async () => {
    const page = await list('zhang', { workflow: 'outgoing' });
    expect(page.items.map((l) => l.caseId)).toEqual([outgoingId]);
    expect(page.items[0]?.cells).toMatchObject({
      docNumber: expect.stringMatching(/^示政发〔2026〕\d+号$/),
      title: '关于报送2027年度部门预算的通知',
      docType: '通知',
      draftingDepartment: '预算股',
      drafter: '孙科员',
      check: expect.stringMatching(/^钱股长：文稿可行，请复核。（2026-12-02 10:0\d）$/),
      recheck: expect.stringContaining('周文秘：格式规范。'),
      signer: '张县长',
      signOpinion: '同意印发',
      signedAt: expect.stringMatching(/^2026-12-02 10:0\d$/),
      state: '待成文',
    });
    // the drafter sees their own 发文; a member of another department does not
    expect((await list('sun', { workflow: 'outgoing' })).total).toBe(1);
    expect((await list('wang', { workflow: 'outgoing' })).total).toBe(1); // secretariat: all
    expect((await list('outsider', { workflow: 'outgoing' })).total).toBe(0);
    expect((await list('zhang', { workflow: 'outgoing', departmentId: 'budget' })).total).toBe(1);
    expect((await list('zhang', { workflow: 'outgoing', departmentId: 'finance' })).total).toBe(0);
  });
});

describe('ledger.flowStatistics', () => {
  it('lists every node with 定义处理人, 实际处理人, 签收时间 and 处理时间', async () => {
    const flow = await callerFor(app, 'zhang').ledger.flowStatistics({ caseId: ids.a });
    expect(flow.scope).toBe('all');
    const nodes = flow.rows.map((r) => [r.node, r.actualHandler]);
    expect(nodes[0]?.[1]).toBe('周文秘');
    expect(flow.rows.find((r) => r.actualHandler === '张县长')?.definedHandlers).toEqual([
      '张县长',
    ]);
    expect(flow.rows.find((r) => r.actualHandler === '孙科员')?.doneAt).toEqual(
      new Date('2026-11-30T02:01:00Z'),
    );
    expect(flow.rows.every((r) => r.arrivedAt instanceof Date)).toBe(true);
  });

  it('shows a staff member only their own nodes and refuses cases they have no part in', async () => {
    const mine = await callerFor(app, 'sun').ledger.flowStatistics({ caseId: ids.a });
    expect(mine.scope).toBe('downward');
    expect(mine.rows.length).toBeGreaterThan(0);
    expect(
      mine.rows.every((r) => r.definedHandlers.includes('孙科员') || r.actualHandler === '孙科员'),
    ).toBe(true);
    await expect(
      callerFor(app, 'sun').ledger.flowStatistics({ caseId: ids.b }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: '您无权查看此办件的流程统计',
    });
    await expect(
      callerFor(app, 'zhang').ledger.flowStatistics({ caseId: 'nope' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: '办件不存在',
    });
    await expect(
      callerFor(app, 'zhang').ledger.flowStatistics({ caseId: '' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('请指定办件'),
    });
  });
});

async function exportAs(userId: string, query: Record<string, unknown>) {
  const ctx = await contextForUserId(app, userId);
  if (!ctx.user) throw new Error('no user');
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => out.on('end', resolve));
  const rows = await exportLedgerXlsx(app, ctx.user, ZLedgerQuery.parse(query), out);
  await done;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no worksheet');
  const values = (r: number) => (ws.getRow(r).values as unknown[]).slice(1);
  return { rows, ws, values };
}

describe('ledger export (.xlsx)', () => {
  it('parses back with the header, the rows, widths and a frozen header', async () => {
    const { rows, ws, values } = await exportAs('zhang', { workflow: 'incoming' });
    expect(rows).toBe(3);
    expect(ws.name).toBe('收文台帐');
    expect(values(1)).toEqual(INCOMING_LEDGER_COLUMNS.map((c) => c.title));
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.getColumn(4).width).toBe(34);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.actualRowCount).toBe(4);
    const serials = [2, 3, 4].map((r) => ws.getRow(r).getCell(1).value);
    expect(serials).toEqual(['收〔2026〕0003', '收〔2026〕0002', '收〔2026〕0001']);
    const a = values(4);
    expect(a[3]).toBe('关于做好2027年度预算编制工作的通知');
    expect(a[11]).toBe(0); // 催办次数 as a number
    expect(a[12]).toBe('2026-11-30 10:02');
  });

  it('applies the same filters and visibility as the page', async () => {
    const staff = await exportAs('sun', { workflow: 'incoming' });
    expect(staff.rows).toBe(1);
    expect(staff.values(2)[0]).toBe('收〔2026〕0001');
    const filtered = await exportAs('zhang', { workflow: 'incoming', secrecy: '秘密' });
    expect(filtered.rows).toBe(1);
    expect(filtered.values(2)[3]).toBe('关于开展安全生产大检查的通知');
  });

  it('names the file in Chinese through RFC 5987', () => {
    expect(ledgerExportFileName(app, 'incoming')).toBe('收文台帐-2026-12-02.xlsx');
    expect(attachmentDisposition('收文台帐-2026-12-02.xlsx', 'ledger-incoming.xlsx')).toBe(
      `attachment; filename="ledger-incoming.xlsx"; filename*=UTF-8''%E6%94%B6%E6%96%87%E5%8F%B0%E5%B8%90-2026-12-02.xlsx`,
    );
  });
});
