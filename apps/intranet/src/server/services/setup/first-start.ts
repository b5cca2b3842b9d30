import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { type AppServices, db } from '~/server/app-types';
import { hashPassword } from '~/server/services/accounts/password-hash';
import { writeAudit } from '~/server/services/audit/write-audit';

/** A sign-in a first start created. */
export interface FirstStartAccount {
  username: string;
  password: string;
  name: string;
  role: string;
}

/** The sign-ins a first start created (printed once on the console). */
export interface FirstStartResult {
  kind: 'existing' | 'demo' | 'admin';
  accounts: FirstStartAccount[];
}

/** What a demo loader (apps/intranet/demo, run by scripts/first-start.ts) put in the database. */
export interface DemoLoaded {
  /** The demo users' sign-ins; `firstStart` hashes the passwords into `app_accounts`. */
  accounts: FirstStartAccount[];
  cases: number;
}

/**
 * Runs once, when the database has no sign-in accounts yet:
 * - with `demo`, runs it (the demo organisation and cases, loaded through the services) and
 *   creates the accounts it returns;
 * - otherwise creates one system administrator (`admin`, a random password printed once) and,
 *   if the directory is empty, a unit and an office for them.
 * Run it before the app's workers start (the demo seed plays its own timers).
 */
export async function firstStart(
  app: AppServices,
  opts: {
    /** Loads the demo data; without it the first start creates the administrator. */
    demo?: () => Promise<DemoLoaded>;
    unitName?: string;
  },
): Promise<FirstStartResult> {
  const kdb = db(app);
  const existing = await kdb
    .selectFrom('app_accounts')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  if (existing.n > 0) return { kind: 'existing', accounts: [] };
  const now = app.clock.now();

  if (opts.demo) {
    const seeded = await opts.demo();
    const rows = await Promise.all(
      seeded.accounts.map(async (a) => ({
        user_id: a.username,
        username: a.username,
        password_hash: await hashPassword(a.password),
        created_at: now,
        password_changed_at: now,
      })),
    );
    await kdb.transaction().execute(async (trx) => {
      if (rows.length > 0) await trx.insertInto('app_accounts').values(rows).execute();
      await writeAudit(trx, {
        unitId: null,
        at: now,
        actorId: null,
        action: 'system.firstStart',
        target: null,
        detail: { mode: 'demo', accounts: rows.length, cases: seeded.cases },
      });
    });
    return {
      kind: 'demo',
      accounts: seeded.accounts.map(({ username, password, name, role }) => ({
        username,
        password,
        name,
        role,
      })),
    };
  }

  const password = `Gw${randomBytes(9).toString('base64url')}9`;
  const hash = await hashPassword(password);
  await kdb.transaction().execute(async (trx) => {
    let unit = await trx.selectFrom('units').select('id').orderBy('id').executeTakeFirst();
    if (!unit) {
      unit = { id: 'unit' };
      await trx
        .insertInto('units')
        .values({ id: 'unit', name: opts.unitName ?? '本单位', issuer_code: null })
        .execute();
    }
    let dept = await trx
      .selectFrom('departments')
      .select('id')
      .where('unit_id', '=', unit.id)
      .orderBy('sort')
      .executeTakeFirst();
    if (!dept) {
      dept = { id: `${unit.id}-office` };
      await trx
        .insertInto('departments')
        .values({
          id: dept.id,
          unit_id: unit.id,
          parent_id: null,
          name: '办公室',
          head_user_id: null,
          sort: 0,
        })
        .execute();
    }
    await sql`INSERT INTO users (id, unit_id, department_id, name, roles, superior_id, active)
      VALUES ('admin', ${unit.id}, ${dept.id}, '系统管理员', ARRAY['admin']::text[], NULL, true)
      ON CONFLICT (id) DO UPDATE SET active = true,
        roles = (SELECT array_agg(DISTINCT r) FROM unnest(users.roles || ARRAY['admin']) r)`.execute(
      trx,
    );
    await trx
      .insertInto('app_accounts')
      .values({
        user_id: 'admin',
        username: 'admin',
        password_hash: hash,
        created_at: now,
        password_changed_at: now,
      })
      .execute();
    await writeAudit(trx, {
      unitId: unit.id,
      at: now,
      actorId: null,
      action: 'system.firstStart',
      target: 'admin',
      detail: { mode: 'admin' },
    });
  });
  return {
    kind: 'admin',
    accounts: [{ username: 'admin', password, name: '系统管理员', role: '系统管理员' }],
  };
}

/** Prints what a first start created (nothing for an existing database). */
export function printFirstStart(result: FirstStartResult, seconds?: number): void {
  if (result.kind === 'existing') return;
  const took = seconds === undefined ? '' : `（${seconds.toFixed(1)} 秒）`;
  console.log(
    result.kind === 'demo'
      ? `[gongwen] 已载入演示数据${took}。演示账号（密码相同）：`
      : '[gongwen] 已创建系统管理员账号（密码只显示这一次，请登录后妥善保管）：',
  );
  for (const a of result.accounts.slice(0, 40)) {
    console.log(`  ${a.username.padEnd(16)} ${a.password.padEnd(16)} ${a.name}（${a.role}）`);
  }
  if (result.accounts.length > 40) console.log(`  …… 共 ${result.accounts.length} 个账号`);
}
