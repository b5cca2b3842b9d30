import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createFsBlobStore } from '@gongwen/adapters/fs-blob-store';
import {
  type CaseRecord,
  type Clock,
  createChineseCalendar,
  createIncomingWorkflow,
  createOutgoingWorkflow,
  createStoreDirectory,
  createWorkflowEngine,
  currentDocNumber,
  type DistributionLine,
  type DocumentBody,
  distributeToUnits,
  INCOMING_STATE_LABELS,
  type LedgerVerification,
  type OfficialDocument,
  OUTGOING_STATE_LABELS,
  outgoingContextOf,
  outgoingDocNumberHistory,
  projectOutgoingLedger,
  type SealVerification,
  type Store,
  sealOutgoingDocument,
  systemClock,
  type WorkflowEngine,
} from '@gongwen/core';
import { createGbt9704Renderer, formatChineseDate, importDocx } from '@gongwen/documents';
import {
  CONSOLIDATED_BODY,
  DRAFT_BODY,
  FINANCE_PROPOSAL,
  REVISED_BODY,
  TITLE,
} from './document-text.ts';
import { COUNTY, EXTERNAL_RECIPIENTS, loadOrganisation, TOWNSHIP } from './organisation.ts';
import { prepareUnitSeal } from './unit-seal.ts';

/** Options of `runOutgoingDocument`. */
export interface RunOptions {
  /** The store to run on (PGlite or PostgreSQL); the caller opens and closes it. */
  store: Store;
  /** Folder for blobs (`blobs/`), the seal material (`seal/`) and the sealed PDF (`发文/`). */
  workDir: string;
  /** The engine's and the sealer's clock (default: the system clock). */
  clock?: Clock;
  /** Where the step-by-step report goes (default: console.log). */
  log?: (line: string) => void;
}

/** What one run produced. */
export interface RunResult {
  engine: WorkflowEngine;
  caseId: string;
  docNumber: string;
  /** The body importDocx read back from the drafter's .docx, and what it warned about. */
  imported: { body: DocumentBody; warnings: string[] };
  /** The sealed PDF, exported under `workDir/发文/`, and its blob key. */
  sealedPdf: { path: string; blobKey: string; pageCount: number };
  /** `Sealer.verify` of the stored sealed PDF. */
  verification: SealVerification[];
  deliveries: DistributionLine[];
  /** The 收文 case the distribution created in 城关镇. */
  incoming: CaseRecord;
  ledger: LedgerVerification;
  /** Milliseconds spent on the drafter's .docx, on 盖章 (LibreOffice + seal) and in total. */
  timings: { docx: number; seal: number; total: number };
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** The seal's PIN for this demo; a real service asks the holder for it at every sealing. */
const PIN = '246810';

/**
 * Runs one 发文 of 示例县人民政府 from 拟稿 to 归档 with the real components: the drafter's Word
 * file read by importDocx, 核稿, 会签 of two departments (one through a member), 返还 and a
 * second round, 复核, 签发 returned once for revision, the 文号, 自动清稿, 盖章 (GB/T 9704 PDF
 * through LibreOffice, sealed with the unit's electronic seal), 分发 to a township on the
 * platform (a 收文 case appears there) and two external units (回执 recorded by the
 * secretariat), and 归档.
 */
export async function runOutgoingDocument(options: RunOptions): Promise<RunResult> {
  const started = performance.now();
  const { store, workDir } = options;
  const clock = options.clock ?? systemClock;
  const log = options.log ?? console.log;

  // ---- The embedding: directory, engine, blob store, renderer and seal ----
  await loadOrganisation(store.directory);
  const calendar = createChineseCalendar();
  const directory = createStoreDirectory(store.directory);
  const engine = createWorkflowEngine({
    store,
    directory,
    clock,
    calendar,
    // 收文 is needed too: 分发 starts a 收文 case in every recipient unit on the platform.
    workflows: [createOutgoingWorkflow({ calendar }), createIncomingWorkflow({ calendar })],
  });
  const blobs = createFsBlobStore({ dir: join(workDir, 'blobs') });
  // One LibreOffice at a time; a busy machine may need more than the default 60 s.
  const renderer = createGbt9704Renderer({ concurrency: 1, timeoutMs: 180_000 });
  const seal = await prepareUnitSeal({
    dir: join(workDir, 'seal'),
    unit: COUNTY,
    creditCode: '11330100000000001X',
    holders: ['wang'],
    pin: PIN,
    clock,
  });

  const nameOf = async (id: string) => (await directory.getUser(id))?.name ?? id;
  const names = async (ids: readonly string[]) => (await Promise.all(ids.map(nameOf))).join('、');
  const showCase = async (caseId: string) => {
    const c = await engine.case(caseId);
    const labels = c.workflow === 'incoming' ? INCOMING_STATE_LABELS : OUTGOING_STATE_LABELS;
    const todo = await Promise.all(
      c.assignments.map(async (a) => `${a.label}（${await names(a.candidates)}）`),
    );
    log(`    → ${labels[c.state] ?? c.state}${todo.length ? `，待办：${todo.join('；')}` : ''}`);
    return c;
  };
  const step = async (
    caseId: string,
    actorId: string,
    event: { type: string; [k: string]: unknown },
    what: string,
  ) => {
    await engine.send({ caseId, actorId, commandId: randomUUID(), event });
    log(`  ${await nameOf(actorId)}${what}`);
    return showCase(caseId);
  };

  log(`【准备】${COUNTY.name}、${TOWNSHIP.name}的部门和人员已载入通讯录`);
  log(
    seal.issued
      ? `【准备】已签发单位 CA 和“${COUNTY.name}”电子公章证书（${seal.dir}）`
      : `【准备】已载入“${COUNTY.name}”电子公章证书（${seal.dir}）`,
  );

  // ---- 拟稿: the drafter wrote the text in Word; the platform reads the .docx ----
  let t = performance.now();
  const wordDraft: OfficialDocument = {
    issuerMark: `${COUNTY.name}文件`,
    title: TITLE,
    mainRecipients: `${TOWNSHIP.name}，${EXTERNAL_RECIPIENTS.main}`,
    body: DRAFT_BODY,
    signatureName: COUNTY.name,
    date: clock.now(),
    printer: `${COUNTY.name}办公室`,
    printDate: clock.now(),
  };
  const docx = await renderer.renderDocx(wordDraft);
  const imported = await importDocx(docx);
  const original = await blobs.put(docx, { contentType: DOCX, name: `${TITLE}（拟稿）.docx` });
  const docxMs = performance.now() - t;
  const count = (type: string) => imported.body.blocks.filter((b) => b.type === type).length;
  log('【拟稿】');
  log(
    `  徐科员上传 Word 拟稿（${(docx.byteLength / 1024).toFixed(1)} KB），识别出 ${count('heading')} 个标题、${count('paragraph')} 个段落、${count('table')} 个表格${imported.warnings.length ? `；提示：${imported.warnings.join('；')}` : ''}`,
  );
  const { caseId } = await engine.start({
    workflow: 'outgoing',
    actorId: 'xu',
    commandId: randomUUID(),
    input: {
      draftingDepartment: 'office',
      issuerCode: COUNTY.issuerCode,
      docType: '通知',
      secrecy: '非密',
      urgency: '加急',
      classification: '安全生产',
      mainRecipients: [{ unitId: TOWNSHIP.id }, { name: EXTERNAL_RECIPIENTS.main }],
      ccRecipients: [{ name: EXTERNAL_RECIPIENTS.cc }],
      title: TITLE,
      copies: 40,
      keywords: ['安全生产', '节日'],
      attachments: [],
      body: imported.body,
      importedFrom: { blobId: original.key, name: original.name },
    },
  });
  log(`  徐科员拟稿《${TITLE}》`);
  await showCase(caseId);
  await step(caseId, 'xu', { type: 'SUBMIT' }, '送核稿');

  // ---- 核稿: two 会签 departments in parallel, 签发 by the county head ----
  log('【核稿】');
  await step(
    caseId,
    'li',
    {
      type: 'CHECK',
      opinion: '文稿基本成熟，请县财政局、县应急管理局会签。',
      countersign: {
        mode: 'parallel',
        departments: [
          { departmentId: 'finance', memberOpinionTo: 'head' },
          { departmentId: 'emergency', memberOpinionTo: 'next' },
        ],
      },
      signer: 'zhang',
    },
    '核稿：请县财政局、县应急管理局会签，拟请张县长签发',
  );

  // ---- 会签: 县财政局 through a member (whose opinion goes back to the head) ----
  log('【会签】');
  await step(
    caseId,
    'zhao',
    { type: 'ASSIGN_MEMBER', departmentId: 'finance', memberId: 'qian' },
    '指定预算股钱股长办理会签',
  );
  await step(
    caseId,
    'qian',
    {
      type: 'COUNTERSIGN',
      departmentId: 'finance',
      opinion: '建议明确隐患整治经费来源。',
      body: FINANCE_PROPOSAL,
    },
    '提出会签意见“建议明确隐患整治经费来源。”并附修改稿',
  );
  await step(
    caseId,
    'zhao',
    { type: 'COUNTERSIGN', departmentId: 'finance', opinion: '同意钱股长意见。' },
    '审核后签署县财政局会签意见',
  );
  await step(
    caseId,
    'he',
    { type: 'COUNTERSIGN', departmentId: 'emergency', opinion: '同意。' },
    '签署县应急管理局会签意见',
  );

  // ---- 返还: the drafter takes the proposal in and sends it round once more ----
  log('【返还】');
  await step(
    caseId,
    'xu',
    { type: 'EDIT', body: CONSOLIDATED_BODY, note: '采纳县财政局意见' },
    '整理会签意见，保存修改稿',
  );
  await step(
    caseId,
    'xu',
    { type: 'COUNTERSIGN_AGAIN', note: '请再次会签修改稿' },
    '送原会签部门再次会签',
  );
  await step(
    caseId,
    'zhao',
    { type: 'COUNTERSIGN', departmentId: 'finance', opinion: '同意。' },
    '再次会签：同意',
  );
  await step(
    caseId,
    'he',
    { type: 'COUNTERSIGN', departmentId: 'emergency', opinion: '同意。' },
    '再次会签：同意',
  );
  await step(caseId, 'xu', { type: 'SEND_TO_RECHECK' }, '送复核');

  // ---- 复核 and 签发, returned once for revision ----
  log('【复核】');
  await step(caseId, 'zhou', { type: 'RECHECK', opinion: '复核无误，请张县长签发。' }, '复核');
  log('【签发】');
  await step(
    caseId,
    'zhang',
    { type: 'RETURN_FOR_REVISION', reason: '请补充突发事件应急处置和信息报送的要求。' },
    '退回修改：请补充突发事件应急处置和信息报送的要求',
  );
  await step(
    caseId,
    'xu',
    { type: 'EDIT', body: REVISED_BODY, note: '按张县长意见补充应急处置要求' },
    '按签发意见修改正文',
  );
  await step(
    caseId,
    'xu',
    {
      type: 'COUNTERSIGN_AGAIN',
      countersign: {
        mode: 'sequence',
        departments: [{ departmentId: 'emergency', memberOpinionTo: 'next' }],
      },
      note: '补充内容涉及应急处置，请县应急管理局会签',
    },
    '只送县应急管理局会签补充内容',
  );
  await step(
    caseId,
    'he',
    { type: 'COUNTERSIGN', departmentId: 'emergency', opinion: '同意。' },
    '会签：同意',
  );
  await step(caseId, 'xu', { type: 'SEND_TO_RECHECK' }, '送复核');
  await step(caseId, 'zhou', { type: 'RECHECK', opinion: '复核无误。' }, '复核');
  const signed = await step(
    caseId,
    'zhang',
    { type: 'SIGN', opinion: '同意印发。' },
    '签发：同意印发',
  );
  const number = currentDocNumber(outgoingContextOf(signed));
  if (!number) throw new Error('签发后没有取得文号');
  const { docNumber } = number;
  log(`  取得文号：${docNumber}`);

  // ---- 成文 (自动清稿): the signed version is the final text ----
  log('【成文】');
  const finalized = await step(
    caseId,
    'zhou',
    { type: 'FINALIZE', mode: 'auto' },
    '自动清稿，签发稿即成文稿',
  );
  const writtenAt = outgoingContextOf(finalized).finalized?.at;
  log(`  成文日期：${writtenAt ? formatChineseDate(new Date(writtenAt)) : '—'}`);

  // ---- 盖章: GB/T 9704 PDF through LibreOffice, sealed with the unit's seal ----
  log('【盖章】');
  t = performance.now();
  const sealed = await sealOutgoingDocument({
    engine,
    directory,
    renderer,
    sealer: seal.sealer,
    blobs,
    caseId,
    actorId: 'wang',
    commandId: `seal-${caseId}`,
    sealId: seal.sealId,
    pin: seal.pin,
    printDate: clock.now(),
  });
  const sealMs = performance.now() - t;
  const pdf = await blobs.get(sealed.seal.pdfBlobKey);
  const exportDir = join(workDir, '发文');
  await mkdir(exportDir, { recursive: true });
  const pdfPath = join(exportDir, `${docNumber}.pdf`);
  await writeFile(pdfPath, pdf);
  log(
    `  王科长加盖“${sealed.seal.signerName}”电子公章：共 ${sealed.seal.pageCount} 页，证书序列号 ${sealed.seal.certificateSerial}（排版和盖章用时 ${(sealMs / 1000).toFixed(1)} 秒）`,
  );
  for (const e of seal.log) {
    log(
      `  用印登记：${await nameOf(e.actorId)}，${e.outcome === 'sealed' ? '已用印' : `被拒绝（${e.reason}）`}，盖章前 SHA-256 ${e.inputSha256.slice(0, 12)}…，盖章后 ${e.outputSha256?.slice(0, 12) ?? '—'}…`,
    );
  }
  log(`  盖章后的 PDF：${pdfPath}`);
  await showCase(caseId);
  const verification = await seal.sealer.verify(pdf);
  for (const v of verification) {
    log(
      `  验章：${v.valid ? '有效' : '无效'}，签章单位“${v.signerName}”，${v.intact ? '文件未被篡改' : '文件已被改动'}，${v.trusted ? '证书可信' : '证书不可信'}${v.problems.length ? `；${v.problems.join('；')}` : ''}`,
    );
  }
  if (verification.length === 0) log('  验章：文件中没有印章');

  // ---- 分发: 城关镇 on the platform gets a 收文 case; the other two are external ----
  log('【分发】');
  const { deliveries } = await distributeToUnits({
    engine,
    directory,
    caseId,
    actorId: 'wang',
    calendar,
    clock,
    // a 县政府 document is 上级来文 for the township
    directionOf: () => '上级来文',
  });
  const dc = outgoingContextOf(await engine.case(caseId));
  const recipientName = (key: string) => {
    const r = dc.recipients.find((x) => x.key === key)?.recipient;
    return r && 'name' in r ? r.name : null;
  };
  for (const d of deliveries) {
    if (d.unitId) {
      const unit = await directory.getUnit(d.unitId);
      log(`  经平台送${unit?.name}：${await nameOf(d.registeredBy ?? '')}已签收登记`);
    } else log(`  ${d.method}送${recipientName(d.recipient)}，待回执`);
  }
  await showCase(caseId);
  const platform = deliveries.find((d) => d.unitId === TOWNSHIP.id);
  if (!platform?.incomingCaseId) throw new Error('分发后城关镇没有收文');
  const incoming = await engine.case(platform.incomingCaseId, {
    actorId: platform.registeredBy ?? '',
  });
  log(
    `  ${TOWNSHIP.name}收文：《${incoming.title}》，来文字号 ${String(incoming.fields.senderDocNumber)}`,
  );
  await showCase(incoming.id);

  // ---- 回执 of the external units, recorded by the secretariat ----
  log('【回执】');
  const receivers = ['刘收发', '陈收发'];
  for (const [i, d] of deliveries.filter((x) => x.unitId === null).entries()) {
    await step(
      caseId,
      'zhou',
      { type: 'RECORD_RECEIPT', recipient: d.recipient, receivedBy: receivers[i] ?? '收发员' },
      `登记${recipientName(d.recipient)}回执（签收人：${receivers[i] ?? '收发员'}）`,
    );
  }

  // ---- 存档 ----
  log('【存档】');
  const archiveCode = `WS·${number.year}·Y·${String(number.serial).padStart(4, '0')}`;
  await step(caseId, 'wang', { type: 'ARCHIVE', archiveCode }, `归档，档号 ${archiveCode}`);

  // ---- What the record says: 台帐, 文号 history, hash chain ----
  log('【流程台帐】');
  const row = projectOutgoingLedger(await engine.case(caseId), await engine.ledger(caseId));
  const when = (d: Date | undefined) => (d ? formatChineseDate(d) : '—');
  log(
    `  文号 ${row.docNumber}；拟稿 ${await nameOf(row.drafter)}；核稿 ${await nameOf(row.check?.by ?? '')}；签发 ${await nameOf(row.signing?.by ?? '')}（${when(row.signing?.at)}，“${row.signing?.opinion ?? ''}”）`,
  );
  const departmentName = async (id: string) => (await directory.getDepartment(id))?.name ?? id;
  const lines = await Promise.all(
    row.countersign.map(async (l) => `第${l.round}轮${await departmentName(l.departmentId)}`),
  );
  log(`  会签：${lines.join('、')}；退回修改 ${row.returns.length} 次`);
  log(
    `  盖章 ${row.seal?.signerName ?? '—'}（${await nameOf(row.seal?.by ?? '')}，证书 ${row.seal?.certificateSerial ?? '—'}）`,
  );
  for (const d of row.distribution) {
    const unitName = d.incomingCaseId ? TOWNSHIP.name : recipientName(d.recipient);
    const by = d.incomingCaseId ? await nameOf(d.receivedBy ?? '') : d.receivedBy;
    log(
      `  分发 ${unitName}（${d.method}），回执：${by ?? '未回'}（${when(d.receivedAt ?? undefined)}）`,
    );
  }
  const history = await outgoingDocNumberHistory({
    store,
    unitId: COUNTY.id,
    issuerCode: number.issuerCode,
    year: number.year,
  });
  log(
    `  ${number.issuerCode}〔${number.year}〕文号使用记录：${history.entries.map((e) => `${e.docNumber}${e.status === 'voided' ? '（作废）' : ''}《${e.caseTitle}》`).join('；')}`,
  );
  const ledger = await engine.verifyLedger(caseId);
  log(
    `  台帐哈希链校验：${ledger.ok ? `通过（${ledger.entries} 条）` : `未通过 ${JSON.stringify(ledger.problems)}`}`,
  );
  const total = performance.now() - started;
  const sealValid = verification.length > 0 && verification.every((v) => v.valid);
  log(`文号：${docNumber}`);
  log(`盖章 PDF：${pdfPath}`);
  log(
    `验章结果：${sealValid ? '有效' : '无效'}（签章单位：${verification.map((v) => v.signerName).join('、') || '无'}）`,
  );
  return {
    engine,
    caseId,
    docNumber,
    imported,
    sealedPdf: { path: pdfPath, blobKey: sealed.seal.pdfBlobKey, pageCount: sealed.seal.pageCount },
    verification,
    deliveries,
    incoming,
    ledger,
    timings: { docx: docxMs, seal: sealMs, total },
  };
}
