import { type Kysely, sql } from 'kysely';
import { AUDIT_GENESIS_HASH, auditHash, normaliseDetail } from '../../services/audit/chain';

/**
 * The audit log becomes a hash chain that cannot be rewritten (等保2.0 安全审计):
 *
 * - every row gets a sequence number, the previous row's hash and its own hash (SHA-256 of the
 *   previous hash and the row's canonical JSON, as the case ledger does); existing rows are
 *   chained here, in id order;
 * - `app_audit_head` (one row) holds the last sequence number and hash; writers lock it
 *   `FOR UPDATE` in their transaction, so appends are serialised and the head names the newest
 *   row (removing the newest rows is detected too);
 * - triggers refuse UPDATE and TRUNCATE of audit rows, DELETE of rows younger than 180 days,
 *   and DELETE of any row above the retention anchor (`pruned_seq`), which only
 *   `app_audit_prune(days)` moves — so old rows leave only from the oldest end, and the chain
 *   stays verifiable from the anchor. The head cannot be moved backwards either.
 *
 * And `app_ldap_links`: the users and departments the LDAP/AD sync created or adopted, so that
 * it deactivates only people it manages (services/admin/ldap-sync.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE app_audit_log ADD COLUMN seq bigint;
    ALTER TABLE app_audit_log ADD COLUMN prev_hash text;
    ALTER TABLE app_audit_log ADD COLUMN hash text;
    CREATE TABLE app_ldap_links (
      unit_id text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('user', 'department')),
      local_id text NOT NULL,
      dn text NOT NULL,
      seen_at timestamptz NOT NULL,
      PRIMARY KEY (kind, local_id)
    );
    CREATE TABLE app_audit_head (
      id smallint PRIMARY KEY CHECK (id = 1),
      seq bigint NOT NULL,
      hash text NOT NULL,
      pruned_seq bigint NOT NULL DEFAULT 0,
      pruned_hash text NOT NULL
    );
  `.execute(db);

  // Chain the rows written so far, oldest first.
  const rows = await sql<{
    id: string;
    unit_id: string | null;
    at: Date;
    actor_id: string | null;
    action: string;
    target: string | null;
    detail: unknown;
    ip: string | null;
  }>`SELECT id::text AS id, unit_id, at, actor_id, action, target, detail, ip
     FROM app_audit_log ORDER BY id`.execute(db);
  let prevHash = AUDIT_GENESIS_HASH;
  let seq = 0;
  for (const r of rows.rows) {
    seq += 1;
    const detail = normaliseDetail(
      (typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail) as Record<string, unknown>,
    );
    const hash = auditHash({
      seq,
      unitId: r.unit_id,
      at: new Date(r.at),
      actorId: r.actor_id,
      action: r.action,
      target: r.target,
      detail,
      ip: r.ip,
      prevHash,
    });
    await sql`UPDATE app_audit_log SET seq = ${seq}, prev_hash = ${prevHash}, hash = ${hash},
      detail = ${JSON.stringify(detail)}::jsonb WHERE id = ${r.id}::bigint`.execute(db);
    prevHash = hash;
  }
  await sql`INSERT INTO app_audit_head (id, seq, hash, pruned_seq, pruned_hash)
    VALUES (1, ${seq}, ${prevHash}, 0, ${AUDIT_GENESIS_HASH})`.execute(db);

  await sql`
    ALTER TABLE app_audit_log ALTER COLUMN seq SET NOT NULL;
    ALTER TABLE app_audit_log ALTER COLUMN prev_hash SET NOT NULL;
    ALTER TABLE app_audit_log ALTER COLUMN hash SET NOT NULL;
    CREATE UNIQUE INDEX app_audit_log_seq ON app_audit_log (seq);

    CREATE FUNCTION app_audit_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION '审计日志不可修改（第 % 条）', OLD.seq USING ERRCODE = 'insufficient_privilege';
      ELSIF TG_OP = 'TRUNCATE' THEN
        RAISE EXCEPTION '审计日志不可清空' USING ERRCODE = 'insufficient_privilege';
      END IF;
      -- DELETE: only rows older than the retention period, and only up to the anchor
      -- app_audit_prune() set, i.e. from the oldest end.
      IF OLD.at > now() - interval '180 days' THEN
        RAISE EXCEPTION '审计日志须保存至少 180 天（第 % 条记于 %）', OLD.seq, OLD.at
          USING ERRCODE = 'insufficient_privilege';
      END IF;
      IF OLD.seq > (SELECT pruned_seq FROM app_audit_head WHERE id = 1) THEN
        RAISE EXCEPTION '审计日志只能通过 app_audit_prune() 从最早的记录起清理（第 % 条）', OLD.seq
          USING ERRCODE = 'insufficient_privilege';
      END IF;
      RETURN OLD;
    END $$;
    CREATE TRIGGER app_audit_log_no_update BEFORE UPDATE OR DELETE ON app_audit_log
      FOR EACH ROW EXECUTE FUNCTION app_audit_guard();
    CREATE TRIGGER app_audit_log_no_truncate BEFORE TRUNCATE ON app_audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION app_audit_guard();

    CREATE FUNCTION app_audit_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP <> 'UPDATE' THEN
        RAISE EXCEPTION '审计链头不可删除' USING ERRCODE = 'insufficient_privilege';
      END IF;
      IF NEW.seq < OLD.seq OR NEW.pruned_seq < OLD.pruned_seq OR NEW.pruned_seq > NEW.seq THEN
        RAISE EXCEPTION '审计链头只能向前移动' USING ERRCODE = 'insufficient_privilege';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER app_audit_head_forward BEFORE UPDATE OR DELETE ON app_audit_head
      FOR EACH ROW EXECUTE FUNCTION app_audit_head_guard();
    CREATE TRIGGER app_audit_head_no_truncate BEFORE TRUNCATE ON app_audit_head
      FOR EACH STATEMENT EXECUTE FUNCTION app_audit_head_guard();

    -- Removes the rows older than keep_days (at least 180) from the oldest end: moves the anchor
    -- to the newest such row (stopping at the first younger one) and deletes up to it.
    -- Returns the number of rows removed.
    CREATE FUNCTION app_audit_prune(keep_days integer) RETURNS bigint LANGUAGE plpgsql AS $$
    DECLARE
      cutoff timestamptz := now() - make_interval(days => greatest(keep_days, 180));
      first_young bigint;
      cut bigint;
      cut_hash text;
      removed bigint;
    BEGIN
      PERFORM 1 FROM app_audit_head WHERE id = 1 FOR UPDATE;
      SELECT min(seq) INTO first_young FROM app_audit_log WHERE at > cutoff;
      SELECT max(seq) INTO cut FROM app_audit_log
        WHERE at <= cutoff AND (first_young IS NULL OR seq < first_young);
      IF cut IS NULL THEN RETURN 0; END IF;
      SELECT hash INTO cut_hash FROM app_audit_log WHERE seq = cut;
      UPDATE app_audit_head SET pruned_seq = cut, pruned_hash = cut_hash
        WHERE id = 1 AND pruned_seq < cut;
      DELETE FROM app_audit_log WHERE seq <= cut;
      GET DIAGNOSTICS removed = ROW_COUNT;
      RETURN removed;
    END $$;
  `.execute(db);
}

/** Drops the chain (keeps the rows). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP FUNCTION app_audit_prune(integer);
    DROP TRIGGER app_audit_head_no_truncate ON app_audit_head;
    DROP TRIGGER app_audit_head_forward ON app_audit_head;
    DROP FUNCTION app_audit_head_guard();
    DROP TRIGGER app_audit_log_no_truncate ON app_audit_log;
    DROP TRIGGER app_audit_log_no_update ON app_audit_log;
    DROP FUNCTION app_audit_guard();
    DROP TABLE app_audit_head;
    DROP TABLE app_ldap_links;
    DROP INDEX app_audit_log_seq;
    ALTER TABLE app_audit_log DROP COLUMN hash;
    ALTER TABLE app_audit_log DROP COLUMN prev_hash;
    ALTER TABLE app_audit_log DROP COLUMN seq;
  `.execute(db);
}
