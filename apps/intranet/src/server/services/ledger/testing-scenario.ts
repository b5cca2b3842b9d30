import type { TestApp } from '~/server/testing/test-app';

/** The case ids of `driveIncomingScenario`. */
export interface IncomingScenario {
  a: string;
  b: string;
  c: string;
}

/**
 * Three 收文 cases of the sample organisation, driven through the engine (tests only),
 * registered on Wednesday 2026-11-25 from 09:01, every step one minute after the one before:
 * A — 县财政局 主办, handed down by 钱股长 to 孙科员, result at Monday 11-30 10:01, confirmed
 *     (办结) at 10:02: 3 working days;
 * B — 县政府办公室 主办 (秘密), deadline 11-26, assigned to 王秘书, still open;
 * C — only registered (待拟办).
 * Leaves the clock at Wednesday 2026-12-02 10:00 (B overdue).
 */
export async function driveIncomingScenario(app: TestApp): Promise<IncomingScenario> {
  let n = 0;
  const cmd = () => `scenario-${++n}`;
  const send = async (
    caseId: string,
    actorId: string,
    event: { type: string; [k: string]: unknown },
  ) => {
    app.clock.advance(60_000);
    await app.engine.send({ caseId, actorId, commandId: cmd(), event });
  };
  const start = async (title: string, extra: Record<string, unknown> = {}) => {
    app.clock.advance(60_000);
    const input = {
      title,
      senderUnit: '市财政局',
      senderDocNumber: `市财预〔2026〕${80 + n}号`,
      receivedDate: '2026-11-25',
      docType: '通知',
      headType: '红头',
      direction: '上级来文',
      copies: 1,
      pages: 3,
      ...extra,
    };
    return (
      await app.engine.start({ workflow: 'incoming', actorId: 'zhou', commandId: cmd(), input })
    ).caseId;
  };
  const a = await start('关于做好2027年度预算编制工作的通知', { urgency: '加急' });
  const b = await start('关于开展安全生产大检查的通知', { secrecy: '秘密', secrecyTerm: '1年' });
  const c = await start('关于召开全县农业工作会议的通知');

  await send(a, 'zhou', {
    type: 'PROPOSE',
    opinion: '拟请张县长阅示，县财政局办理。',
    leaders: ['zhang'],
    leaderMode: 'sequence',
    mainDepartment: 'finance',
  });
  await send(a, 'li', { type: 'REVIEW', decision: 'accept' });
  await send(a, 'zhang', { type: 'INSTRUCT', opinion: '请财政局研究落实' });
  await send(a, 'zhao', { type: 'ASSIGN', departmentId: 'finance', handlerId: 'qian' });
  await send(a, 'qian', { type: 'HAND_DOWN', departmentId: 'finance', handlerId: 'sun' });

  await send(b, 'zhou', {
    type: 'PROPOSE',
    opinion: '拟请张县长阅示，县政府办公室办理。',
    leaders: ['zhang'],
    leaderMode: 'sequence',
    mainDepartment: 'office',
    deadline: '2026-11-26',
  });
  await send(b, 'li', { type: 'REVIEW', decision: 'accept' });
  await send(b, 'zhang', { type: 'INSTRUCT', opinion: '请办公室抓紧办理' });
  await send(b, 'li', { type: 'ASSIGN', departmentId: 'office', handlerId: 'wang' });

  app.clock.set(new Date('2026-11-30T02:00:00Z')); // Monday 10:00
  await send(a, 'sun', {
    type: 'SUBMIT_RESULT',
    departmentId: 'finance',
    result: '已完成预算编制',
    attachments: [],
  });
  await send(a, 'zhao', { type: 'CONFIRM', departmentId: 'finance' });
  app.clock.set(new Date('2026-12-02T02:00:00Z')); // Wednesday
  return { a, b, c };
}

/**
 * One 发文 case of the sample organisation (tests only): drafted by 孙科员 for 预算股, 核稿 by
 * 钱股长 (no 会签, 签发人 张县长), 复核 by 周文秘, 签发 by 张县长 — so it holds a 文号 and waits
 * for 成文. Every step one minute after the one before.
 */
export async function driveOutgoingCase(app: TestApp): Promise<string> {
  let n = 0;
  const cmd = () => `outgoing-scenario-${++n}`;
  app.clock.advance(60_000);
  const { caseId } = await app.engine.start({
    workflow: 'outgoing',
    actorId: 'sun',
    commandId: cmd(),
    input: {
      draftingDepartment: 'budget',
      issuerCode: '示政发',
      docType: '通知',
      secrecy: '非密',
      urgency: '普通',
      classification: '综合',
      mainRecipients: [{ name: '市财政局' }],
      ccRecipients: [],
      title: '关于报送2027年度部门预算的通知',
      copies: 10,
      keywords: ['预算'],
      attachments: [],
      body: { blocks: [{ type: 'paragraph', text: '请各部门按时报送2027年度部门预算。' }] },
    },
  });
  const send = async (actorId: string, event: { type: string; [k: string]: unknown }) => {
    app.clock.advance(60_000);
    await app.engine.send({ caseId, actorId, commandId: cmd(), event });
  };
  await send('sun', { type: 'SUBMIT' });
  await send('qian', { type: 'CHECK', opinion: '文稿可行，请复核。', signer: 'zhang' });
  await send('zhou', { type: 'RECHECK', opinion: '格式规范。' });
  await send('zhang', { type: 'SIGN', opinion: '同意印发' });
  return caseId;
}
