import { createChineseCalendar, type WorkingCalendar } from '../../calendar/working-calendar.ts';
import { manualClock } from '../../clock.ts';
import { createStoreDirectory } from '../../directory/store-directory.ts';
import { createWorkflowEngine } from '../../engine/engine.ts';
import type { Store } from '../../ports/store.ts';
import type { DocumentBody } from '../shared/document-body.ts';
import { createOutgoingWorkflow, type OutgoingWorkflowOptions } from './definition.ts';
import { loadOutgoingTestOrg, sampleDraft } from './test-org.ts';

type Workflows = Parameters<typeof createWorkflowEngine>[0]['workflows'];

/**
 * An engine running 发文 on a store holding the test organisation (tests only); `alsoRun`
 * adds the workflows 分发 reaches (收文), built on the same calendar.
 */
export async function outgoingHarness(
  store: Store,
  start = '2026-11-25T01:00:00Z',
  options: Omit<OutgoingWorkflowOptions, 'calendar'> = {},
  alsoRun: (calendar: WorkingCalendar) => Workflows = () => [],
) {
  await loadOutgoingTestOrg(store.directory);
  const clock = manualClock(start);
  const calendar = createChineseCalendar();
  const directory = createStoreDirectory(store.directory);
  const workflow = createOutgoingWorkflow({ calendar, ...options });
  const engine = createWorkflowEngine({
    store,
    directory,
    clock,
    calendar,
    workflows: [workflow, ...alsoRun(calendar)],
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
    cmd,
    draft: (actorId = 'xu', overrides: Record<string, unknown> = {}) =>
      engine.start({
        workflow: 'outgoing',
        actorId,
        commandId: cmd(),
        input: sampleDraft(overrides),
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

/** 核稿 with two 会签 departments in parallel (finance: member opinion back to head; education: straight on), 签发 by zhang. */
export const STANDARD_CHECK = {
  type: 'CHECK',
  opinion: '文稿基本成熟，请财政局、教育局会签。',
  countersign: {
    mode: 'parallel',
    departments: [
      { departmentId: 'finance', memberOpinionTo: 'head' },
      { departmentId: 'education', memberOpinionTo: 'next' },
    ],
  },
  signer: 'zhang',
} as const;

type H = Awaited<ReturnType<typeof outgoingHarness>>;

/** A body with one heading and the given paragraphs. */
export const body = (...paras: string[]): DocumentBody => ({
  blocks: [
    { type: 'heading', level: 1, text: '一、总体要求' },
    ...paras.map((text) => ({ type: 'paragraph' as const, text })),
  ],
});

/** Drafts (xu), submits to li, and 核稿 with STANDARD_CHECK (or `check`). */
export async function toCountersign(
  h: H,
  check: { type: string; [k: string]: unknown } = STANDARD_CHECK,
) {
  const { caseId } = await h.draft();
  await h.send(caseId, 'xu', { type: 'SUBMIT' });
  await h.send(caseId, 'li', { ...check });
  return caseId;
}

/** Runs a case to 签发 with no 会签 (复核 by zhou). */
export async function toSigning(h: H) {
  const caseId = await toCountersign(h, { ...STANDARD_CHECK, countersign: undefined });
  await h.send(caseId, 'zhou', { type: 'RECHECK', opinion: '复核无误' });
  return caseId;
}
