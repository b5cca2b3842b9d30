import type { CaseBuild, StepTools } from './incoming-case-plan';
import { HAND_DOWN } from './incoming-org';
import { RETURN_REASONS, type Topic } from './incoming-texts';
import { headOf, staffOf } from './org-people';

const DAY = 86_400_000;

/**
 * One department's part of a 收文 from the dispatch (`from`) up to `stage`: the head assigns a
 * handler (handing down, taking back, giving it back), the handler submits a result, the head
 * confirms or sends it back. Returns the time of the department's last step.
 */
export function handleDepartment(
  tools: StepTools,
  b: CaseBuild,
  kase: { topic: Topic; subjectText: string; urgency: string },
  dept: string,
  from: number,
  stage: 'assign' | 'handle' | 'confirm' | 'done',
): number {
  const { r, add, push, actorFor, deputiesDuring } = tools;
  const { topic, subjectText, urgency } = kase;
  if (stage === 'assign') return from;
  const head = headOf(dept);
  const deputies = deputiesDuring(head, from, from + 30 * DAY);
  const staff = staffOf(dept).filter((s) => !deputies.includes(s));
  let at = add(from, 30, 720);
  let handler = r.pick(staff);
  const headActor = actorFor(head, at, b);
  push(b, at, headActor, { type: 'ASSIGN', departmentId: dept, handlerId: handler });
  if (headActor.onBehalfOf === undefined && staff.length > 1 && r.chance(0.03)) {
    // 撤回: the head takes the assignment back and gives it to someone else
    at = add(at, 5, 60);
    b.returned = true;
    push(b, at, { actorId: head }, { type: 'WITHDRAW', departmentId: dept });
    handler = r.pick(staff.filter((s) => s !== handler));
    at = add(at, 10, 120);
    push(b, at, { actorId: head }, { type: 'ASSIGN', departmentId: dept, handlerId: handler });
  } else if (staff.length > 1 && r.chance(0.04)) {
    // 退回: the handler gives it back to the head
    at = add(at, 30, 480);
    b.returned = true;
    push(
      b,
      at,
      { actorId: handler },
      {
        type: 'RETURN',
        departmentId: dept,
        reason: r.pick(RETURN_REASONS.byHandler),
      },
    );
    handler = r.pick(staff.filter((s) => s !== handler));
    at = add(at, 30, 480);
    push(b, at, actorFor(head, at, b), {
      type: 'ASSIGN',
      departmentId: dept,
      handlerId: handler,
    });
  }
  const below = HAND_DOWN[dept];
  if (below && r.chance(0.35)) {
    const next = r.pick(below.filter((u) => u !== handler));
    at = add(at, 30, 600);
    push(
      b,
      at,
      { actorId: handler },
      {
        type: 'HAND_DOWN',
        departmentId: dept,
        handlerId: next,
        note: '请具体承办。',
      },
    );
    handler = next;
  }
  if (stage === 'handle') return at;
  const [min, max] =
    urgency === '特急' ? [60, 600] : urgency === '加急' ? [240, 1800] : [480, 3600];
  const result = () => r.pick(topic.results).replaceAll('{S}', subjectText);
  at = add(at, min, max);
  push(
    b,
    at,
    { actorId: handler },
    { type: 'SUBMIT_RESULT', departmentId: dept, result: result(), attachments: [] },
  );
  if (r.chance(0.06)) {
    at = add(at, 30, 600);
    b.returned = true;
    push(b, at, actorFor(head, at, b), {
      type: 'SEND_BACK',
      departmentId: dept,
      reason: r.pick(RETURN_REASONS.sendBack),
    });
    at = add(at, 120, 900);
    push(
      b,
      at,
      { actorId: handler },
      {
        type: 'SUBMIT_RESULT',
        departmentId: dept,
        result: `${result()}（已按要求补充完善）`,
        attachments: [],
      },
    );
  }
  if (stage === 'confirm') return at;
  at = add(at, 30, 600);
  push(b, at, actorFor(head, at, b), {
    type: 'CONFIRM',
    departmentId: dept,
    ...(r.chance(0.6) && { opinion: '同意办结。' }),
  });
  return at;
}
