import { type Kysely, sql } from 'kysely';
import { APPLY_TRANSITION_0007, APPLY_TRANSITION_0009 } from './apply-transition-sql.ts';

/**
 * Starting a case goes through `gongwen_apply_transition` like every other step: given a
 * `new_case` object, the function inserts the case row instead of updating it, then writes the
 * ledger entry, tasks, timers, outbox and command as for a step. One write path, and its plans
 * are cached per session instead of a start's statement being planned on every call.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(APPLY_TRANSITION_0009).execute(db);
}

/** The function as 0007 made it. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(APPLY_TRANSITION_0007).execute(db);
}
