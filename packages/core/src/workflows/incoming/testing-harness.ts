import { createChineseCalendar } from '../../calendar/working-calendar.ts';
import { manualClock } from '../../clock.ts';
import { createStoreDirectory } from '../../directory/store-directory.ts';
import { createWorkflowEngine } from '../../engine/engine.ts';
import type { Store } from '../../ports/store.ts';
import { loadTestOrg } from '../shared/test-org.ts';
import { createIncomingWorkflow } from './definition.ts';

/** A realistic registration payload. */
export function sampleRegistration(overrides: Record<string, unknown> = {}) {
  return {
    title: '关于做好2027年度预算编制工作的通知',
    senderUnit: '市财政局',
    senderDocNumber: '市财预〔2026〕88号',
    receivedDate: '2026-11-25',
    writtenDate: '2026-11-20',
    docType: '通知',
    classificationCode: 'CZ-01',
    keywords: ['预算', '编制'],
    secrecy: '非密',
    urgency: '加急',
    headType: '红头',
    direction: '上级来文',
    copies: 2,
    pages: 6,
    attachments: [{ blobId: 'blob-1', name: '预算表.xlsx' }],
    ...overrides,
  };
}

/**
 * An engine running the 收文 workflow on a store holding the test organisation (tests only).
 * `userCacheMs` is passed to the engine (default: the engine's 1 s user cache).
 */
export async function incomingHarness(
  store: Store,
  start = '2026-11-25T01:00:00Z',
  options: { userCacheMs?: number } = {},
) {
  await loadTestOrg(store.directory);
  const clock = manualClock(start);
  const calendar = createChineseCalendar();
  const directory = createStoreDirectory(store.directory);
  const workflow = createIncomingWorkflow({ calendar });
  const engine = createWorkflowEngine({
    store,
    directory,
    clock,
    calendar,
    workflows: [workflow],
    ...options,
  });
  let n = 0;
  const cmd = () => `cmd-${++n}-${Math.random().toString(36).slice(2)}`;
  return {
    store,
    clock,
    calendar,
    directory,
    engine,
    workflow,
    register: (actorId = 'zhou', overrides: Record<string, unknown> = {}) =>
      engine.start({
        workflow: 'incoming',
        actorId,
        commandId: cmd(),
        input: sampleRegistration(overrides),
      }),
    send: (
      caseId: string,
      actorId: string,
      event: { type: string; [k: string]: unknown },
      extra: { onBehalfOf?: string } = {},
    ) => engine.send({ caseId, actorId, commandId: cmd(), event, ...extra }),
    /** Open task keys of a case, sorted. */
    openKeys: async (caseId: string) =>
      (await engine.case(caseId)).assignments.map((a) => a.key).sort(),
  };
}

/** The proposal most tests use: two leaders in sequence, 主办 finance, 协办 education, 传阅 agri. */
export const STANDARD_PROPOSAL = {
  type: 'PROPOSE',
  opinion: '拟请张县长、陈副县长阅示，县财政局牵头办理，县教育局配合，县农业农村局传阅。',
  leaders: ['zhang', 'chen'],
  leaderMode: 'sequence',
  mainDepartment: 'finance',
  assistDepartments: ['education'],
  circulateDepartments: ['agri'],
  supervise: true,
} as const;

/** A 收文 test engine. */
export type IncomingHarness = Awaited<ReturnType<typeof incomingHarness>>;

/** Registers a case and takes it through 拟办 (`proposal`), 审阅 and every leader's 批示; its id. */
export async function toProcessing(
  h: IncomingHarness,
  proposal: Record<string, unknown> = STANDARD_PROPOSAL,
) {
  const { caseId } = await h.register();
  await h.send(caseId, 'zhou', { ...STANDARD_PROPOSAL, ...proposal });
  await h.send(caseId, 'li', { type: 'REVIEW', decision: 'accept' });
  for (const leader of (proposal.leaders as string[] | undefined) ?? ['zhang', 'chen'])
    await h.send(caseId, leader, { type: 'INSTRUCT', opinion: `${leader}同意` });
  return caseId;
}
