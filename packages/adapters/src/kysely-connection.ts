import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

/** A Kysely handle: the database, or the store's open transaction. */
export type Db = Kysely<Database> | Transaction<Database>;

/** The connection to use now: the store's open transaction if there is one, else the database. */
export type Connection = () => Db;

/** A raw result row. */
export type Row = Record<string, unknown>;

/** Per Kysely instance: the connection to use now (the store's open transaction, if any). */
export const storeConnections = new WeakMap<Kysely<Database>, Connection>();

/** JSON text of a value, for a `::jsonb` parameter. */
export const json = (v: unknown) => JSON.stringify(v);

/** A LIKE pattern matching `text` anywhere, with LIKE's wildcards escaped. */
export const containing = (text: string) => `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
