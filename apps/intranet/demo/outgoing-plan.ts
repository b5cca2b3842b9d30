import type { DocumentBody } from '@gongwen/core';
import type { PlannedStep } from './incoming-case-plan';
import { SECRECY_TERMS } from './incoming-texts';
import { headOf, staffOf } from './org-people';
import { makeBody, revised } from './outgoing-body';
import type { OutgoingCasePlan, OutgoingPlanOptions, OutgoingTarget } from './outgoing-case-plan';
import {
  bureauOf,
  COUNTERSIGNERS,
  COUNTY_HEAD,
  DRAFTERS,
  issuerCodeOf,
  leaderOf,
  recipientsOf,
  SECRETARIES,
  superiorOf,
} from './outgoing-org';
import {
  CANCEL_REASONS,
  CHECK_OPINIONS,
  CHECK_RETURNS,
  DISAGREE_OPINIONS,
  DOC_TYPE_WEIGHTS,
  HEAD_OPINIONS,
  MEMBER_OPINIONS,
  RECHECK_OPINIONS,
  RECHECK_RETURNS,
  REJECT_REASONS,
  REVISION_REASONS,
  SIGN_OPINIONS,
  TEMPLATES,
  type Template,
  VOID_REASONS,
} from './outgoing-texts';
import { createRandom } from './random';
import { workTime } from './work-time';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Share of each end state, per 120. */
const TARGET_SHARES: Record<OutgoingTarget, number> = {
  sealing: 46,
  finalizing: 9,
  signing: 9,
  rechecking: 7,
  consolidating: 9,
  countersigning: 13,
  checking: 8,
  drafting: 9,
  rejected: 5,
  cancelled: 5,
};

/** Days before now within which a case with this end state is drafted. */
const DRAFT_WINDOW: Record<OutgoingTarget, [number, number]> = {
  sealing: [12, 112],
  finalizing: [5, 25],
  signing: [3, 14],
  rechecking: [2, 10],
  consolidating: [2, 16],
  countersigning: [1, 10],
  checking: [0.3, 5],
  drafting: [0.05, 4],
  rejected: [8, 90],
  cancelled: [3, 70],
};

type Event = PlannedStep['event'];
type CountersignDept = { departmentId: string; memberOpinionTo: 'head' | 'next' };

interface Build {
  steps: PlannedStep[];
  features: string[];
  body: DocumentBody;
}

/**
 * Plans the demo 发文 cases of the `days` before `now`, deterministically from `seed`: drafted
 * by department staff of 示例县人民政府, 核稿 by their direct superior, 会签 by other bureaus
 * (依次 and 同时, heads and the members they pick), 返还, 复核 by the 秘书科, 签发 by the
 * 分管领导 or the 县长, 成文 — in office hours of the calendar, ending in the shares of
 * TARGET_SHARES. Nothing is sent here.
 */
export function planOutgoingCases(options: OutgoingPlanOptions): OutgoingCasePlan[] {
  const { calendar } = options;
  const nowMs = options.now.getTime();
  const count = options.count ?? 120;
  const days = options.days ?? 120;
  const r = createRandom(options.seed ?? 20261126);
  const wt = workTime(calendar);
  const latest = nowMs - 5 * MINUTE;
  const add = (t: number, min: number, max: number) => wt.add(t, r.int(min * 60, max * 60) / 60);

  const total = Object.values(TARGET_SHARES).reduce((s, x) => s + x, 0);
  const targets: OutgoingTarget[] = [];
  for (const [target, share] of Object.entries(TARGET_SHARES) as Array<[OutgoingTarget, number]>) {
    const k = Math.max(1, Math.round((share * count) / total));
    for (let i = 0; i < k; i++) targets.push(target);
  }
  while (targets.length > count) targets.splice(targets.indexOf('sealing'), 1);
  while (targets.length < count) targets.push('sealing');
  const shuffled = r.sample(targets, targets.length);

  // 文种: the first cases take every one of the 15 once, the rest by weight.
  const byType = new Map<string, Template[]>();
  for (const t of TEMPLATES) byType.set(t.docType, [...(byType.get(t.docType) ?? []), t]);
  const usedTitles = new Set<string>();
  const seen = new Map<OutgoingTarget, number>();

  function pickTemplate(i: number): Template {
    const types = [...byType.keys()];
    // a 文种 whose documents are all drafted already is drawn again (a few times)
    let docType = i < types.length ? types[i]! : r.weighted(DOC_TYPE_WEIGHTS);
    for (let k = 0; k < 6 && byType.get(docType)!.every((t) => usedTitles.has(t.title)); k++) {
      docType = r.weighted(DOC_TYPE_WEIGHTS);
    }
    const list = byType.get(docType)!;
    const fresh = list.filter((t) => !usedTitles.has(t.title));
    return r.pick(fresh.length > 0 ? fresh : list);
  }

  function planOne(target: OutgoingTarget, i: number): OutgoingCasePlan {
    const ordinal = (seen.get(target) ?? 0) + 1;
    seen.set(target, ordinal);
    const template = pickTemplate(i);
    usedTitles.add(template.title);
    for (let attempt = 0; attempt < 40; attempt++) {
      const [minAgo, maxAgo] = DRAFT_WINDOW[target];
      const ago = Math.min(days - 3, minAgo + r.next() * (maxAgo - minAgo) + attempt * 2);
      const draftedAt = add(nowMs - ago * DAY, 1, 90);
      if (draftedAt >= latest - 30 * MINUTE) continue;
      const plan = buildCase(target, ordinal, template, draftedAt);
      const last = plan.steps.at(-1)?.at.getTime() ?? draftedAt;
      if (last < latest) return plan;
    }
    throw new Error(
      `could not fit a demo 发文 ending in ${target} before ${options.now.toISOString()}`,
    );
  }

  function buildCase(
    target: OutgoingTarget,
    ordinal: number,
    t: Template,
    draftedAt: number,
  ): OutgoingCasePlan {
    const draftDate = calendar.dateOf(new Date(draftedAt));
    const year = Number(draftDate.slice(0, 4));
    const title = t.title
      .replaceAll('{Y+1}', String(year + 1))
      .replaceAll('{Y-1}', String(year - 1))
      .replaceAll('{Y}', String(year))
      .replaceAll('{N}', String(r.int(30, 48)));
    const drafter = r.pick(DRAFTERS[t.dept]!);
    const checker = superiorOf(drafter);
    const urgency = r.weighted({ 普通: 70, 加急: 22, 特急: 8 });
    const secrecy = t.to === 'public' ? '非密' : r.weighted({ 非密: 88, 秘密: 9, 机密: 3 });
    const { main, cc } = recipientsOf(r, t);
    const b: Build = { steps: [], features: [], body: makeBody(r, t, title) };
    const input: Record<string, unknown> = {
      draftingDepartment: t.dept,
      issuerCode: issuerCodeOf(t),
      docType: t.docType,
      secrecy,
      ...(secrecy !== '非密' && { secrecyTerm: SECRECY_TERMS[secrecy] }),
      urgency,
      classification: t.classification,
      mainRecipients: main,
      ccRecipients: cc,
      title,
      copies: t.to === 'up' || t.to === 'letter' ? r.int(2, 5) : r.int(20, 60),
      keywords: t.keywords,
      attachments: [],
      body: b.body,
    };
    const push = (at: number, actorId: string, event: Event) => {
      b.steps.push({ at: new Date(at), actorId, event });
    };
    const finish = (): OutgoingCasePlan => ({
      caseId: r.uuid(),
      title,
      drafter,
      draftedAt: new Date(draftedAt),
      input,
      steps: b.steps.sort((x, y) => x.at.getTime() - y.at.getTime()),
      target,
      expectedState: target,
      features: b.features,
    });
    const speed: [number, number] =
      urgency === '特急' ? [20, 240] : urgency === '加急' ? [40, 600] : [60, 1500];
    const next = (from: number) => add(from, speed[0], speed[1]);
    const edit = (at: number, actorId: string, note?: string) => {
      b.body = revised(r, b.body);
      push(at, actorId, { type: 'EDIT', body: b.body, ...(note !== undefined && { note }) });
    };

    // 拟稿
    let at = draftedAt;
    if (r.chance(0.35)) {
      at = add(at, 30, 600);
      edit(at, drafter, '补充完善');
    }
    if (target === 'drafting') {
      const variant =
        ordinal === 1 ? 'withdrawn' : r.weighted({ fresh: 4, returned: 4, withdrawn: 1 });
      if (variant === 'fresh') return finish();
      at = add(at, 10, 240);
      push(at, drafter, { type: 'SUBMIT' });
      if (variant === 'withdrawn') {
        // 撤回 before the checker acts
        push(add(at, 5, 60), drafter, { type: 'WITHDRAW' });
        b.features.push('submitWithdrawn');
        return finish();
      }
      at = next(at);
      b.features.push('returnedAtCheck');
      push(at, checker, { type: 'RETURN', reason: r.pick(CHECK_RETURNS) });
      if (r.chance(0.5)) edit(add(at, 30, 600), drafter, '按核稿意见修改');
      return finish();
    }
    if (target === 'cancelled') {
      if (r.chance(0.5)) {
        at = add(at, 10, 240);
        push(at, drafter, { type: 'SUBMIT' });
        at = next(at);
        b.features.push('returnedAtCheck');
        push(at, checker, { type: 'RETURN', reason: r.pick(CHECK_RETURNS) });
      }
      at = add(at, 60, 1500);
      push(at, drafter, { type: 'CANCEL', reason: r.pick(CANCEL_REASONS) });
      return finish();
    }

    // 送核稿, 核稿 (sometimes 退回 first)
    at = add(at, 10, 240);
    push(at, drafter, { type: 'SUBMIT' });
    if (r.chance(0.1)) {
      at = next(at);
      b.features.push('returnedAtCheck');
      push(at, checker, { type: 'RETURN', reason: r.pick(CHECK_RETURNS) });
      at = add(at, 60, 1200);
      edit(at, drafter, '按核稿意见修改');
      at = add(at, 5, 60);
      push(at, drafter, { type: 'SUBMIT', note: '已按核稿意见修改，请再审。' });
    }
    if (target === 'checking') {
      if (r.chance(0.3)) edit(next(at), checker, '核稿修改');
      return finish();
    }

    // 核稿: the 会签 plan, the 签发人, sometimes a named 复核人
    const wantsCountersign =
      target === 'countersigning' || (target === 'consolidating' ? r.chance(0.8) : r.chance(0.65));
    const others = COUNTERSIGNERS.filter((d) => d !== bureauOf(t.dept));
    const csDepts = wantsCountersign ? r.sample(others, r.chance(0.35) ? 1 : r.int(2, 3)) : [];
    const plan: { mode: 'sequence' | 'parallel'; departments: CountersignDept[] } = {
      mode: csDepts.length > 1 && r.chance(0.5) ? 'sequence' : 'parallel',
      departments: csDepts.map((departmentId) => ({
        departmentId,
        memberOpinionTo: r.chance(0.75) ? 'head' : 'next',
      })),
    };
    const important =
      t.docType === '议案' ||
      t.docType === '命令（令）' ||
      t.docType === '决定' ||
      t.docType === '公报' ||
      urgency === '特急' ||
      r.chance(0.2);
    const signer = important ? COUNTY_HEAD : leaderOf(t.dept);
    const namedRechecker = r.chance(0.15);
    /** 复核: the named 复核人, else someone of the 秘书科. */
    const rechecker = () => (namedRechecker ? 'zhaoli' : r.pick(SECRETARIES));
    const checkBody = r.chance(0.3);
    if (checkBody) b.body = revised(r, b.body);
    at = next(at);
    push(at, checker, {
      type: 'CHECK',
      opinion: csDepts.length > 0 ? r.pick(CHECK_OPINIONS) : '同意，请送复核。',
      ...(checkBody && { body: b.body }),
      countersign: plan,
      signer,
      ...(namedRechecker && { rechecker: 'zhaoli' }),
    });

    /** One 会签 round; returns its end and the departments that did not agree. */
    const countersignRound = (
      from: number,
      depts: readonly CountersignDept[],
      mode: 'sequence' | 'parallel',
      mayDisagree: boolean,
      stopEarly: boolean,
    ): { end: number; disagreed: string[] } => {
      const round: PlannedStep[] = [];
      const disagreed: string[] = [];
      let chainFrom = from;
      let end = from;
      for (const d of depts) {
        const dept = d.departmentId;
        const head = headOf(dept);
        const staff = staffOf(dept);
        let t0 = mode === 'sequence' ? chainFrom : from;
        const step = (actorId: string, event: Event) => {
          t0 = next(t0);
          round.push({ at: new Date(t0), actorId, event });
        };
        const agree = !(mayDisagree && r.chance(0.08));
        if (!agree) disagreed.push(dept);
        if (staff.length === 0 || r.chance(0.3)) {
          step(head, {
            type: 'COUNTERSIGN',
            departmentId: dept,
            agree,
            opinion: agree ? r.pick(HEAD_OPINIONS) : r.pick(DISAGREE_OPINIONS),
          });
        } else {
          let member = r.pick(staff);
          step(head, {
            type: 'ASSIGN_MEMBER',
            departmentId: dept,
            memberId: member,
            note: '请提出会签意见。',
          });
          if (staff.length > 1 && r.chance(0.06)) {
            step(head, { type: 'WITHDRAW', departmentId: dept });
            member = r.pick(staff.filter((s) => s !== member));
            step(head, { type: 'ASSIGN_MEMBER', departmentId: dept, memberId: member });
            b.features.push('assignWithdrawn');
          }
          const proposes = r.chance(0.2);
          if (proposes) b.body = revised(r, b.body);
          step(member, {
            type: 'COUNTERSIGN',
            departmentId: dept,
            agree: d.memberOpinionTo === 'next' ? agree : true,
            opinion:
              d.memberOpinionTo === 'next' && !agree
                ? r.pick(DISAGREE_OPINIONS)
                : r.pick(MEMBER_OPINIONS),
            ...(proposes && { body: b.body }),
          });
          if (proposes) b.features.push('countersignProposal');
          if (d.memberOpinionTo === 'head') {
            step(head, {
              type: 'COUNTERSIGN',
              departmentId: dept,
              agree,
              opinion: agree ? r.pick(HEAD_OPINIONS) : r.pick(DISAGREE_OPINIONS),
            });
          }
        }
        chainFrom = t0;
        end = Math.max(end, t0);
      }
      round.sort((x, y) => x.at.getTime() - y.at.getTime());
      if (stopEarly) {
        const keep = r.int(0, round.length - 1);
        round.splice(keep);
        // a 撤回 may not be the last step kept (the assignment it took back would be lost)
        while (round.at(-1)?.event.type === 'WITHDRAW') round.pop();
      }
      b.steps.push(...round);
      return { end, disagreed };
    };

    // 会签 and 返还
    const consolidateVariant =
      target === 'consolidating'
        ? csDepts.length > 0
          ? r.weighted({ afterCountersign: 5, recheckReturn: 1, revision: 2 })
          : r.weighted({ recheckReturn: 1, revision: 1 })
        : null;
    if (csDepts.length > 0) {
      const first = countersignRound(
        at,
        plan.departments,
        plan.mode,
        target !== 'countersigning',
        target === 'countersigning',
      );
      if (target === 'countersigning') {
        b.features.push(`countersign:${plan.mode}`);
        return finish();
      }
      b.features.push(`countersign:${plan.mode}`);
      at = first.end;
      if (first.disagreed.length > 0 || r.chance(0.06)) {
        // 返还: the drafter takes the opinions in and sends it round again
        at = add(at, 60, 1200);
        edit(at, drafter, '根据会签意见修改');
        if (consolidateVariant === 'afterCountersign' && r.chance(0.3)) return finish();
        const again =
          first.disagreed.length > 0
            ? plan.departments.filter((d) => first.disagreed.includes(d.departmentId))
            : plan.departments;
        at = add(at, 5, 60);
        push(at, drafter, {
          type: 'COUNTERSIGN_AGAIN',
          ...(first.disagreed.length > 0 && {
            countersign: { mode: 'parallel', departments: again },
          }),
          note: '已按会签意见修改，请再次会签。',
        });
        b.features.push('countersignAgain');
        at = countersignRound(
          at,
          again,
          first.disagreed.length > 0 ? 'parallel' : plan.mode,
          false,
          false,
        ).end;
      }
      if (r.chance(0.7)) {
        at = add(at, 30, 900);
        edit(at, drafter, '汇总会签意见');
      }
      if (consolidateVariant === 'afterCountersign') return finish();
      at = add(at, 5, 120);
      push(at, drafter, { type: 'SEND_TO_RECHECK' });
    }
    if (target === 'rechecking') return finish();

    // 复核 (sometimes 退回 to the drafter first)
    const secretary = rechecker();
    if (consolidateVariant === 'recheckReturn' || r.chance(0.06)) {
      at = next(at);
      push(at, secretary, { type: 'RETURN', reason: r.pick(RECHECK_RETURNS) });
      b.features.push('returnedAtRecheck');
      at = add(at, 30, 600);
      edit(at, drafter, '按复核意见修改');
      if (consolidateVariant === 'recheckReturn') return finish();
      at = add(at, 5, 60);
      push(at, drafter, { type: 'SEND_TO_RECHECK', note: '已修改。' });
    }
    at = next(at);
    push(at, secretary, { type: 'RECHECK', opinion: r.pick(RECHECK_OPINIONS) });
    if (target === 'signing') return finish();
    if (target === 'rejected') {
      at = next(at);
      push(at, signer, { type: 'REJECT', reason: r.pick(REJECT_REASONS) });
      return finish();
    }

    // 签发 (sometimes 退回修改 first, then 会签 again)
    if (consolidateVariant === 'revision' || r.chance(0.07)) {
      at = next(at);
      push(at, signer, { type: 'RETURN_FOR_REVISION', reason: r.pick(REVISION_REASONS) });
      b.features.push('returnedForRevision');
      at = add(at, 120, 2400);
      edit(at, drafter, '按签发人意见修改');
      if (consolidateVariant === 'revision') return finish();
      if (csDepts.length > 0) {
        at = add(at, 5, 60);
        // the full plan again (an earlier round may have gone to some departments only)
        push(at, drafter, {
          type: 'COUNTERSIGN_AGAIN',
          countersign: plan,
          note: '按领导意见修改后重新会签。',
        });
        b.features.push('countersignAgain');
        at = countersignRound(at, plan.departments, plan.mode, false, false).end;
      }
      at = add(at, 5, 120);
      push(at, drafter, { type: 'SEND_TO_RECHECK' });
      at = next(at);
      push(at, rechecker(), { type: 'RECHECK', opinion: r.pick(RECHECK_OPINIONS) });
    }
    at = next(at);
    push(at, signer, { type: 'SIGN', opinion: r.pick(SIGN_OPINIONS) });
    const voider = r.pick(SECRETARIES);
    if (target === 'finalizing' && ordinal === 2) {
      // the signer takes 签发 back (its 文号 is voided: 签发已撤回) and signs again
      at = add(at, 10, 120);
      push(at, signer, { type: 'WITHDRAW' });
      at = add(at, 30, 600);
      push(at, signer, { type: 'SIGN', opinion: '同意印发（已修改）。' });
      b.features.push('signWithdrawn');
    }
    if (target === 'finalizing' && ordinal === 4) {
      at = add(at, 30, 600);
      push(at, voider, { type: 'VOID_DOC_NUMBER', reason: VOID_REASONS[1] });
      b.features.push('docNumberVoided');
    }
    if (target === 'finalizing') return finish();

    // 成文/清稿
    at = add(at, 30, 900);
    const manual = r.chance(0.25);
    if (manual) b.body = revised(r, b.body);
    push(at, r.chance(0.5) ? drafter : r.pick(SECRETARIES), {
      type: 'FINALIZE',
      ...(manual ? { mode: 'manual', body: b.body, note: '手工清稿' } : { mode: 'auto' }),
    });
    if (ordinal === 5) {
      at = add(at, 30, 900);
      push(at, voider, {
        type: 'VOID_DOC_NUMBER',
        reason: VOID_REASONS[0],
      });
      b.features.push('docNumberVoided');
    }
    return finish();
  }

  return shuffled.map((target, i) => planOne(target, i));
}
