import type { FlowDefinition, FlowDefinitionStore, StoredFlowVersion } from '@gongwen/core';
import { type Kysely, sql } from 'kysely';
import { storeConnections } from './kysely-store.ts';
import type { Database } from './schema.ts';

type Row = Record<string, unknown>;

function toVersion(r: Row): StoredFlowVersion {
  return {
    unitId: r.unit_id as string,
    key: r.key as string,
    version: r.version as number,
    title: r.title as string,
    definition: (typeof r.definition === 'string'
      ? JSON.parse(r.definition)
      : r.definition) as FlowDefinition,
    publishedAt: r.published_at instanceof Date ? r.published_at : new Date(String(r.published_at)),
    publishedBy: r.published_by as string,
  };
}

/**
 * `FlowDefinitionStore` on the Kysely store's database (PostgreSQL or PGlite). A publish takes
 * the next version with one INSERT … SELECT max + 1; a concurrent publish of the same key that
 * collides on the primary key is retried.
 */
export function createKyselyFlowDefinitionStore(db: Kysely<Database>): FlowDefinitionStore {
  const conn = () => storeConnections.get(db)?.() ?? db;
  return {
    async publish({ unitId, definition, publishedBy, publishedAt }) {
      for (let attempt = 0; ; attempt++) {
        try {
          const { rows } = await sql<Row>`
            INSERT INTO flow_definitions (unit_id, key, version, title, definition, published_at, published_by)
            SELECT ${unitId}, ${definition.key}, coalesce(max(version), 0) + 1, ${definition.title},
              ${JSON.stringify(definition)}::jsonb, ${publishedAt}, ${publishedBy}
            FROM flow_definitions WHERE unit_id = ${unitId} AND key = ${definition.key}
            RETURNING *`.execute(conn());
          return toVersion(rows[0]!);
        } catch (e) {
          if (attempt < 20 && (e as { code?: string }).code === '23505') continue;
          throw e;
        }
      }
    },
    async get(unitId, key, version) {
      const { rows } =
        version === undefined
          ? await sql<Row>`SELECT * FROM flow_definitions WHERE unit_id = ${unitId} AND key = ${key}
              ORDER BY version DESC LIMIT 1`.execute(conn())
          : await sql<Row>`SELECT * FROM flow_definitions WHERE unit_id = ${unitId} AND key = ${key}
              AND version = ${version}`.execute(conn());
      return rows[0] ? toVersion(rows[0]) : null;
    },
    async versions(unitId, key) {
      const { rows } = await sql<Row>`SELECT * FROM flow_definitions
        WHERE unit_id = ${unitId} AND key = ${key} ORDER BY version`.execute(conn());
      return rows.map(toVersion);
    },
    async all(unitId) {
      const { rows } = await sql<Row>`SELECT * FROM flow_definitions
        WHERE unit_id = ${unitId} ORDER BY key, version`.execute(conn());
      return rows.map(toVersion);
    },
  };
}
