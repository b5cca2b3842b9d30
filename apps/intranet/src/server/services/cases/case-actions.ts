import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import type { CaseAccess } from './load-case';
import type { Names } from './names';

/** An action the user may take now, with what its form needs. */
export interface ActionOption<T extends string> {
  type: T;
  title: string;
  /** The principal the user acts for (代理), or null. */
  onBehalfOf: string | null;
  onBehalfOfName: string | null;
  /** Departments the step may act in (department steps), from the user's own tasks. */
  departments: Array<{ id: string; name: string }>;
  /** Whether a handwritten annotation may go with the opinion. */
  handwriting: boolean;
}

/** How one workflow offers its actions on a case page. */
export interface ActionsSpec<T extends string, Ctx> {
  /** The events the page offers as forms (`@gongwen/core/events`). */
  events: Readonly<Record<T, { title: string; handwriting?: boolean }>>;
  /** Events offered otherwise than as forms (buttons of their own), returned in `other`. */
  aside?: readonly string[];
  /** Ask `engine.can` for each principal too (the machine's guards judge the principal). */
  forPrincipals: boolean;
  /** Events whose department comes from the user's tasks (all when omitted). */
  departmentEvents?: readonly string[];
  /** The department a task key belongs to, for the principal who holds it. */
  departmentOfTask(key: string, principal: string): string | null;
  /** The departments where `principal` may take a step back (撤回). */
  withdrawable(ctx: Ctx, principal: string): string[];
}

/**
 * The actions `user` may take on a case now (`engine.can`), with their departments, the
 * principal they act for and whether handwriting applies; events not offered as forms come
 * back in `other` (e.g. 催办, 盖章, 分发, which have buttons of their own).
 */
export async function caseActions<T extends string, Ctx>(
  app: AppServices,
  user: SessionUser,
  access: CaseAccess<Ctx>,
  names: Names,
  spec: ActionsSpec<T, Ctx>,
): Promise<{ actions: ActionOption<T>[]; other: Set<string> }> {
  const { caseRecord, ctx } = access;
  const caseId = caseRecord.id;
  // engine.can judges the machine's guards with the actor as the principal, so a deputy's
  // steps (代理) may not show up there: ask for each principal too and act on their behalf.
  const own = await app.engine.can({ caseId, actorId: user.id });
  const forPrincipals = spec.forPrincipals
    ? await Promise.all(
        access.principals.map(async (p) =>
          (await app.engine.can({ caseId, actorId: p }).catch(() => []))
            .filter((a) => a.onBehalfOf === null)
            .map((a) => ({ ...a, onBehalfOf: p })),
        ),
      )
    : [];
  const seen = new Set(own.map((a) => `${a.type}:${a.onBehalfOf ?? ''}`));
  const available = [
    ...own,
    ...forPrincipals.flat().filter((a) => !seen.has(`${a.type}:${a.onBehalfOf}`)),
  ];
  const actions: ActionOption<T>[] = [];
  const other = new Set<string>();
  for (const a of available) {
    if (!(a.type in spec.events) || spec.aside?.includes(a.type)) {
      other.add(a.type);
      continue;
    }
    const type = a.type as T;
    const principal = a.onBehalfOf ?? user.id;
    let departments: string[] = [];
    if (type === 'WITHDRAW') departments = spec.withdrawable(ctx, principal);
    else if (!spec.departmentEvents || spec.departmentEvents.includes(type))
      departments = caseRecord.assignments
        .filter((t) => t.events.includes(type) && t.candidates.includes(principal))
        .map((t) => spec.departmentOfTask(t.key, principal))
        .filter((d): d is string => d !== null);
    actions.push({
      type,
      title: a.title,
      onBehalfOf: a.onBehalfOf,
      onBehalfOfName: a.onBehalfOf ? names.user(a.onBehalfOf) : null,
      departments: [...new Set(departments)].map((id) => ({ id, name: names.department(id) })),
      handwriting: spec.events[type].handwriting === true,
    });
  }
  return { actions, other };
}

/** The events `user` may send on a case now (`engine.can`): type, title and the principal. */
export async function actionsNow(app: AppServices, user: SessionUser, caseId: string) {
  const can = await app.engine.can({ caseId, actorId: user.id });
  return can.map((a) => ({ type: a.type, title: a.title, onBehalfOf: a.onBehalfOf }));
}
