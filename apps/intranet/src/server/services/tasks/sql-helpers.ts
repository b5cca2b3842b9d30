import { type RawBuilder, sql } from 'kysely';

/** A LIKE pattern matching `text` anywhere, with %, _ and \ taken literally. */
export function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Matches a case row (alias `c`) whose title or 文号 (`docNumber`, `senderDocNumber`,
 * `serialNo` in the header fields) contains `search`.
 */
export function caseSearch(search: string, extra?: RawBuilder<unknown>): RawBuilder<unknown> {
  const like = containing(search);
  const base = sql`c.title ILIKE ${like} OR c.fields->>'docNumber' ILIKE ${like}
    OR c.fields->>'senderDocNumber' ILIKE ${like} OR c.fields->>'serialNo' ILIKE ${like}`;
  return extra ? sql`(${base} OR ${extra})` : sql`(${base})`;
}
