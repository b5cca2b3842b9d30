import type { PetitionContext } from './context.ts';
import { petitionersOf } from './privacy.ts';

/** The kinds of written notice (告知书) a 信访 case produces. */
export type PetitionNoticeKind = 'accept' | 'decline' | 'transfer' | 'extension';

/** A 告知书 as text blocks, for a renderer (PDF on the intranet, later) or a plain print. */
export interface PetitionNotice {
  kind: PetitionNoticeKind;
  /** 不予受理告知书 … */
  title: string;
  /** 文书编号, e.g. 示信〔2026〕15号 */
  number: string | null;
  /** 王建民： (the petitioners, or the representatives of a 集体访) */
  addressee: string;
  paragraphs: string[];
  /** 落款单位 */
  issuer: string;
  /** 2026年12月2日 */
  date: string;
}

const TITLES: Record<PetitionNoticeKind, string> = {
  accept: '信访事项受理告知书',
  decline: '信访事项不予受理告知书',
  transfer: '信访事项转送告知书',
  extension: '信访事项延期办理告知书',
};

function dayZh(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * The 告知书 of a case (pure): who it is addressed to and what it says, from the recorded
 * decision. Throws when the case has no such decision yet.
 */
export function petitionNotice(
  ctx: PetitionContext,
  kind: PetitionNoticeKind,
  args: { issuer: string },
): PetitionNotice {
  const r = ctx.registration;
  const names =
    r.channel === 'visit' && r.representatives.length > 0
      ? r.representatives
      : petitionersOf(r).map((p) => p.name);
  const addressee = `${names.join('、')}${r.channel === 'visit' && r.headcount > names.length ? '等' : ''}：`;
  const when = `${dayZh(ctx.receivedOn)}${r.channel === 'letter' ? '来信' : '来访'}`;
  const matter = `您（们）于${when}反映的“${r.summary}”信访事项`;
  const d = ctx.decision;
  const paragraphs: string[] = [];
  let date: string;
  if (kind === 'extension') {
    const ext = ctx.extensions.findLast((e) => e.status === 'approved');
    if (!ext || !ctx.handleBy) throw new Error('petitionNotice: no approved 延期');
    paragraphs.push(
      `${matter}，因${ext.reason}，经批准，办理期限延长${ext.days}日，至${dayZh(ctx.handleBy.date)}。`,
      '特此告知。',
    );
    date = ext.notice?.issuedOn ?? ext.decidedAt?.slice(0, 10) ?? '';
  } else {
    const expected = { accept: 'accepted', decline: 'declined', transfer: 'transferred' }[kind];
    if (!d || d.kind !== expected) throw new Error(`petitionNotice: the case was not ${expected}`);
    if (kind === 'accept') {
      paragraphs.push(
        `${matter}，经审查，依照《信访工作条例》的规定，本机关决定予以受理。`,
        `本机关将自受理之日起60日内办结并书面答复；情况复杂的，经批准可以适当延长办理期限，延长期限不超过30日，并告知延期理由。`,
      );
    } else if (kind === 'decline') {
      paragraphs.push(
        `${matter}，经审查，${d.reason ?? ''}，依照《信访工作条例》的规定，本机关决定不予受理。`,
        '特此告知。',
      );
    } else {
      paragraphs.push(
        `${matter}，经审查，不属于本机关职责范围，依照《信访工作条例》的规定，已转送${d.toUnit ?? ''}处理。${d.reason ? d.reason : ''}`,
        '请您（们）与该机关联系。特此告知。',
      );
    }
    date = d.notice?.issuedOn ?? d.on;
  }
  return {
    kind,
    title: TITLES[kind],
    number: ctx.serialNo,
    addressee,
    paragraphs,
    issuer: args.issuer,
    date: date ? dayZh(date) : '',
  };
}

/** The 告知书 as plain text (title, number, addressee, paragraphs, issuer and date). */
export function petitionNoticeText(n: PetitionNotice): string {
  return [
    n.title,
    n.number ?? '',
    '',
    n.addressee,
    ...n.paragraphs.map((p) => `　　${p}`),
    '',
    n.issuer,
    n.date,
  ].join('\n');
}
