/**
 * The words the demo 发文 are made of: the documents each department drafts and the phrases of
 * bodies, opinions and reasons. The texts are data (data/outgoing-texts.json), read and
 * checked here when the demo loads.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const ZRecipient = z.union([
  z.object({ unitId: z.string().min(1) }).strict(),
  z.object({ name: z.string().min(1) }).strict(),
]);

/** A 主送/抄送: a unit of the directory or a name. */
export type Recipient = z.output<typeof ZRecipient>;

const ZTemplate = z.object({
  docType: z.string().min(1),
  dept: z.string().min(1),
  title: z.string().min(1),
  keywords: z.array(z.string().min(1)).min(1),
  classification: z.string().min(1),
  to: z.enum(['down', 'up', 'town', 'letter', 'public', 'congress', 'office']),
  /** For `up` and `letter`: the 主送 unit. */
  recipient: ZRecipient.optional(),
});

/**
 * One kind of document a department drafts: 文种, 标题 (`{Y}` the year, `{Y+1}` the next),
 * 主题词, 分类, and where it goes (`down`: the townships and departments; `up`: a city office;
 * `town`: 城关镇 only; `letter`: one external unit; `public`: no 主送; `congress`: 县人大常委会).
 */
export type Template = z.output<typeof ZTemplate>;

const lines = z.array(z.string().min(1)).min(1);

const ZOutgoingTexts = z
  .object({
    /** The demo 发文, by 文种 and drafting department. */
    templates: z.array(ZTemplate).min(1),
    /** How often each 文种 comes up, relative. */
    docTypeWeights: z.record(z.string(), z.number().positive()),
    /** Sections of the body by 文种: 一、 headings, with (一) sub-headings under the second. */
    sections: z.record(z.string(), z.array(z.string())),
    taskLines: lines,
    /** Lines of 请示, 报告 and 函, which state facts and ask rather than assign tasks. */
    reportLines: lines,
    /** Lines of a 批复. */
    approvalLines: lines,
    subHeadings: z.array(lines).min(1),
    revisions: lines,
    checkOpinions: lines,
    checkReturns: lines,
    memberOpinions: lines,
    headOpinions: lines,
    disagreeOpinions: lines,
    recheckOpinions: lines,
    recheckReturns: lines,
    signOpinions: lines,
    revisionReasons: lines,
    rejectReasons: lines,
    cancelReasons: lines,
    /** 文号 voids; the plan takes the first two by position. */
    voidReasons: z.tuple([z.string(), z.string()], z.string()),
  })
  .superRefine((texts, ctx) => {
    texts.templates.forEach((t, i) => {
      if (!(t.docType in texts.docTypeWeights)) {
        ctx.addIssue({
          code: 'custom',
          path: ['templates', i, 'docType'],
          message: `no weight for 文种 ${t.docType}`,
        });
      }
    });
  });

const texts = ZOutgoingTexts.parse(
  JSON.parse(readFileSync(new URL('./data/outgoing-texts.json', import.meta.url), 'utf8')),
);

export const TEMPLATES: readonly Template[] = texts.templates;
export const DOC_TYPE_WEIGHTS: Readonly<Record<string, number>> = texts.docTypeWeights;
export const SECTIONS: Readonly<Record<string, readonly string[]>> = texts.sections;
export const {
  taskLines: TASK_LINES,
  reportLines: REPORT_LINES,
  approvalLines: APPROVAL_LINES,
  subHeadings: SUB_HEADINGS,
  revisions: REVISIONS,
  checkOpinions: CHECK_OPINIONS,
  checkReturns: CHECK_RETURNS,
  memberOpinions: MEMBER_OPINIONS,
  headOpinions: HEAD_OPINIONS,
  disagreeOpinions: DISAGREE_OPINIONS,
  recheckOpinions: RECHECK_OPINIONS,
  recheckReturns: RECHECK_RETURNS,
  signOpinions: SIGN_OPINIONS,
  revisionReasons: REVISION_REASONS,
  rejectReasons: REJECT_REASONS,
  cancelReasons: CANCEL_REASONS,
  voidReasons: VOID_REASONS,
} = texts;
