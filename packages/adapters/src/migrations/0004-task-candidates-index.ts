import { type Kysely, sql } from 'kysely';

/**
 * One index fewer on the hottest table: the (principal, task) primary key and the by-task
 * index become one unique (task, principal) index, which serves closing a task's inbox rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE task_candidates DROP CONSTRAINT task_candidates_pkey;
    DROP INDEX task_candidates_task;
    CREATE UNIQUE INDEX task_candidates_task_principal ON task_candidates (task_id, principal_id);
  `.execute(db);
}

/** Restores the primary key and the by-task index. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX task_candidates_task_principal;
    ALTER TABLE task_candidates ADD PRIMARY KEY (principal_id, task_id);
    CREATE INDEX task_candidates_task ON task_candidates (task_id);
  `.execute(db);
}
