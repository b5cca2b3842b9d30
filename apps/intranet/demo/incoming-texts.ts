/**
 * The words the demo 收文 are made of: who sends documents to a county government, on what
 * subjects, and what the bureaus write back. Titles are composed as 关于{verb}{subject}的{文种}.
 * The texts are data (data/incoming-texts.json), read and checked here when the demo loads.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const ZSender = z.object({
  name: z.string().min(1),
  /** 文号 prefix, e.g. 市政办发 → 市政办发〔2026〕45号. */
  code: z.string().min(1),
  direction: z.enum(['上级来文', '下级来文', '平级来文']),
});

/** A sender of documents (来文单位) and the prefix of its 文号. */
export type Sender = z.output<typeof ZSender>;

const ZSubject = z.object({
  verbs: z.array(z.string()).min(1),
  /** `{Y}` is the year received, `{Y+1}` the next one, `{N}` an ordinal (一 … 四),
   * `{Q}` the last full quarter. */
  text: z.string().min(1),
  docTypes: z.array(z.string().min(1)).min(1),
  /** Months (1–12) the subject is sent in; any month when absent. */
  months: z.array(z.number().int().min(1).max(12)).min(1).optional(),
  /** Keys of `senders`. */
  senders: z.array(z.string()).min(1),
});

/** One subject of a topic: the verbs that go with it, its 文种 and the months it comes up. */
export type Subject = z.output<typeof ZSubject>;

const ZTopic = z.object({
  key: z.string().min(1),
  main: z.string().min(1),
  assist: z.array(z.string()),
  circulate: z.array(z.string()),
  keywords: z.array(z.string()),
  subjects: z.array(ZSubject).min(1),
  /** 办理结果 texts; `{S}` is the subject. */
  results: z.array(z.string()).min(1),
});

/** A field of work: which bureau leads, who helps, who reads, and what is written. */
export type Topic = z.output<typeof ZTopic>;

const three = z.tuple([z.string(), z.string(), z.string()]);

const ZIncomingTexts = z
  .object({
    /** 来文单位 by key. */
    senders: z.record(z.string(), ZSender),
    topics: z.array(ZTopic).min(1),
    /** Chinese ordinals for `{N}` (第一批, 第三季度 …). */
    ordinals: z.tuple([z.string(), z.string(), z.string(), z.string()]),
    /** 批示 texts; `{main}` is the leading bureau, `{S}` the subject. */
    instructions: z.array(z.string()).min(1),
    /** 阅件 批示 (documents only to be read and passed round). */
    readOnlyInstructions: z.array(z.string()).min(1),
    /** 退回 reasons, by step (the plan picks some by position). */
    returnReasons: z.object({
      toRegistration: three,
      toProposal: three,
      byHandler: z.array(z.string()).min(1),
      sendBack: z.array(z.string()).min(1),
    }),
    /** 催办 notes of the secretariat. */
    remindNotes: three,
    /** 保密期限 by 密级. */
    secrecyTerms: z.record(z.string(), z.string()),
  })
  .superRefine((texts, ctx) => {
    texts.topics.forEach((topic, t) => {
      topic.subjects.forEach((subject, s) => {
        for (const key of subject.senders) {
          if (!(key in texts.senders)) {
            ctx.addIssue({
              code: 'custom',
              path: ['topics', t, 'subjects', s, 'senders'],
              message: `unknown sender ${key}`,
            });
          }
        }
      });
    });
  });

const texts = ZIncomingTexts.parse(
  JSON.parse(readFileSync(new URL('./data/incoming-texts.json', import.meta.url), 'utf8')),
);

/** 来文单位 by key. */
export const SENDERS: Readonly<Record<string, Sender>> = texts.senders;
/** A key of SENDERS. */
export type SenderKey = string;
/** The topics of the demo 收文. */
export const TOPICS: readonly Topic[] = texts.topics;
/** Chinese ordinals for `{N}` (第一批, 第三季度 …). */
export const ORDINALS = texts.ordinals;
/** 批示 texts; `{main}` is the leading bureau, `{S}` the subject. */
export const INSTRUCTIONS = texts.instructions;
/** 阅件 批示 (documents only to be read and passed round). */
export const READ_ONLY_INSTRUCTIONS = texts.readOnlyInstructions;
/** 退回 reasons, by step. */
export const RETURN_REASONS = texts.returnReasons;
/** 催办 notes of the secretariat. */
export const REMIND_NOTES = texts.remindNotes;
/** 保密期限 by 密级. */
export const SECRECY_TERMS: Readonly<Record<string, string>> = texts.secrecyTerms;
