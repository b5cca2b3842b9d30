import { type Kysely, sql } from 'kysely';
import { APPLY_TRANSITION_0007, applyTransition0003 } from './apply-transition-sql.ts';

/**
 * An outbox row names the task its 待办/待阅 notice announces (\`task_id\`), so that whoever
 * keeps the notices can tell when the task closed; \`gongwen_apply_transition\` writes it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE outbox ADD COLUMN task_id text;`.execute(db);
  await sql.raw(APPLY_TRANSITION_0007).execute(db);
}

/** The function as 0003 made it, and the outbox without the column. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(applyTransition0003('CREATE OR REPLACE')).execute(db);
  await sql`ALTER TABLE outbox DROP COLUMN task_id;`.execute(db);
}
