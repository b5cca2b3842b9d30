import { ValidationFailed } from '../errors.ts';
import type {
  CaseRecord,
  CaseStatus,
  DoneItem,
  InboxItem,
  LedgerRecord,
  TaskKind,
  TaskRecord,
} from './store.ts';

/**
 * Who may see which case, as data an adapter turns into SQL (never a filter applied after
 * paging). A case is visible when the predicate holds; omit `access` for every case of the
 * unit (roles that see everything).
 *
 * - `anyOf` / `allOf` / `not`: or / and / not of the parts (`anyOf: []` is false, `allOf: []` true).
 * - `participants`: one of these people is in the case's ledger (as actor or on behalf of) or
 *   in one of its tasks, open or closed (as a candidate, or the one who closed it).
 * - `openTasks`: one of these people is a candidate of an open task of the case.
 * - `startedBy`: one of these people started the case.
 * - `field` + `in`: the header field's text is one of `in`; `null` in the list also matches a
 *   field that is missing or null (e.g. `{ field: 'secrecy', in: ['非密', null] }`).
 * - `snapshot` + `has`: some value at this path of the persisted snapshot equals one of `has`.
 *   Path segments are keys; `*` is every member of an object; arrays met on the way (and at
 *   the end) are looked into element by element — e.g. `['context', 'replies', '*', 'by']`.
 * - `snapshotKeys` + `has`: the object at this path (no `*`) has one of `has` as a key (or, an
 *   array, as an element) — e.g. `['context', 'attendance']` keyed by user id.
 * - `fieldValues` + `has`: like `snapshot`, on the header fields — e.g. `['departments', 'id']`
 *   (a department among the 承办 lines) or `['circulation']` (an array of ids).
 */
export type CaseAccess =
  | { anyOf: readonly CaseAccess[] }
  | { allOf: readonly CaseAccess[] }
  | { not: CaseAccess }
  | { participants: readonly string[] }
  | { openTasks: readonly string[] }
  | { startedBy: readonly string[] }
  | { field: string; in: ReadonlyArray<string | null> }
  | { snapshot: readonly string[]; has: readonly string[] }
  | { snapshotKeys: readonly string[]; has: readonly string[] }
  | { fieldValues: readonly string[]; has: readonly string[] };

/** Free text: a substring (case-insensitive) of the title or of one of the named header fields. */
export interface TextSearch {
  text: string;
  /** Header fields searched besides the title, e.g. `['docNumber', 'serialNo']` (文号). */
  fields?: readonly string[];
}

/** A half-open period [from, to); either end may be left open. */
export interface Period {
  from?: Date;
  to?: Date;
}

/** Filters every list shares: on the case row and its header fields. */
export interface CaseFilter {
  unitId: string;
  /** Only these cases. */
  ids?: readonly string[];
  workflow?: string;
  status?: CaseStatus;
  /** Only cases in one of these (flattened) states. */
  states?: readonly string[];
  /** Header fields equal to a value, or to one of several (紧急程度, 密级, 文种, 部门 …). */
  fields?: Readonly<Record<string, string | readonly string[]>>;
  search?: TextSearch;
}

/** Where a page starts: after an opaque cursor from the previous page, or (numbered pages) after `offset` rows. */
export interface PageRequest {
  limit: number;
  /** `nextCursor` of the previous page with the same query. */
  cursor?: string | null;
  /** Rows to skip (numbered pages); prefer `cursor`, which stays stable while cases change. */
  offset?: number;
}

/** One page: the items, how many match in all, and the cursor of the next page (null on the last). */
export interface ListPage<T> {
  items: T[];
  total: number;
  nextCursor: string | null;
  /** Matches per value of `countBy` (a missing value counts under ''). */
  counts?: Record<string, number>;
}

/** What to count matches by, besides the total: the state, the status, or a header field. */
export type CountBy = 'state' | 'status' | 'workflow' | { field: string };

/** Cases of a unit (usually of one workflow) that an actor may see. */
export interface CaseListQuery extends CaseFilter, PageRequest {
  access?: CaseAccess;
  /** Further conditions in the language of `access` (e.g. a department among the 承办 lines). */
  match?: CaseAccess;
  /**
   * `header`: the row without the persisted snapshot (null) and open assignments (empty), for
   * registers and statistics that read only the header fields; `all` (default) the whole record.
   */
  columns?: 'all' | 'header';
  /** Only cases started by this user (我拟的). */
  startedBy?: string;
  /** Created in this period, or — with `of` — a header field holding an ISO instant in it. */
  period?: Period & { of?: 'createdAt' | { field: string } };
  /** Only cases with an open task past due at `now` (true), or none (false). */
  overdue?: { is: boolean; now: Date };
  /**
   * Newest first by default; a header field sorts as text (code points), or `as: 'time'` as the
   * ISO instant it holds; missing values last; ties by id.
   */
  sort?: { by: 'createdAt' | { field: string; as?: 'text' | 'time' }; dir: 'asc' | 'desc' };
  countBy?: CountBy;
}

/** Whose 待办: the actor and the principals they deputise for. */
export interface InboxOwner {
  unitId: string;
  /** The actor: their own task line wins over a principal's for the same task. */
  actorId: string;
  /** Each principal with the workflows the actor may see of theirs (null = all). */
  principals: ReadonlyArray<{ id: string; workflows: readonly string[] | null }>;
  /**
   * Fold 催办 into the task they remind of: a 催办 task keyed `remind:<n>:<key>` whose task
   * `<key>` of the same case is open for the same principal is no line of its own, that task's
   * line is `reminded`; `kind: 'remind'` then selects every reminded line.
   */
  foldReminders?: boolean;
}

/** 待办: open tasks of the actor and of whom they deputise for; `search` also matches the task label. */
export interface InboxListQuery extends Omit<CaseFilter, 'status'>, InboxOwner, PageRequest {
  kind?: TaskKind;
  /** Tasks that arrived in this period. */
  period?: Period;
  /** Only tasks past due at `now` (true) or not (false). */
  overdue?: { is: boolean; now: Date };
  /** Arrival newest (default) or oldest first, or due soonest (no due date last); ties by task id. */
  sort?: 'newest' | 'oldest' | 'dueSoonest';
  countBy?: 'workflow' | 'kind';
}

/** A 待办 line: the task, its case line, whose it is, and whether it is 催办 (a reminder, or reminded). */
export interface InboxListItem extends InboxItem {
  reminded: boolean;
}

/** Counts of a 待办 for a 首页: at `now`, and due within [now, `dueSoonUntil`). */
export interface InboxSummaryQuery extends InboxOwner {
  now: Date;
  dueSoonUntil: Date;
}

/** How many open lines a 待办 holds: in all, past due, due soon, 催办, and per workflow. */
export interface InboxSummary {
  total: number;
  overdue: number;
  dueSoon: number;
  reminded: number;
  byWorkflow: Record<string, number>;
}

/** 已办: cases the user acted on, or someone acted on for them. */
export interface DoneListQuery extends CaseFilter, PageRequest {
  userId: string;
  /** Last acted in this period. */
  period?: Period;
  /** By when the user last acted: newest (default) or oldest first; ties by case id. */
  sort?: 'newest' | 'oldest';
  countBy?: CountBy;
}

/**
 * Read port for list pages (待办, 已办, and the registers of one workflow): filters, access,
 * order and keyset pagination run in the database. Results are consistent with the `Store`
 * it reads; text sorts and ties compare by code point.
 */
export interface CaseLists {
  /** A page of the cases the query selects and the actor may see, with the total. */
  cases(query: CaseListQuery): Promise<ListPage<CaseRecord>>;
  /** A page of open tasks of the principals, one line per task, with the total. */
  inbox(query: InboxListQuery): Promise<ListPage<InboxListItem>>;
  /** The counts of a 待办, in one read. */
  inboxSummary(query: InboxSummaryQuery): Promise<InboxSummary>;
  /** A page of cases the user acted on, with when they last did, and the total. */
  done(query: DoneListQuery): Promise<ListPage<DoneItem>>;
  /** The ledgers of a page of cases, each in sequence order (an empty list for an unknown id). */
  ledgersOf(caseIds: readonly string[]): Promise<Map<string, LedgerRecord[]>>;
  /**
   * Tasks of a page of cases, open and closed, each case's by arrival then id (an empty list
   * for an unknown id); `keyPrefix` keeps only the tasks whose key starts with it.
   */
  tasksOf(
    caseIds: readonly string[],
    options?: { keyPrefix?: string },
  ): Promise<Map<string, TaskRecord[]>>;
}

/** A 催办 task's key (`remind:<n>:<key>`) reduced to the key of the task it reminds of. */
export function remindedKey(key: string): string {
  return key.replace(/^remind:[0-9]+:/, '');
}

/** A cursor's content: the sort key values of the last row and its id. */
export interface CursorKey {
  keys: Array<string | number | null>;
  id: string;
}

/** Encodes a page position as an opaque, URL-safe cursor. */
export function encodeCursor(key: CursorKey): string {
  const text = JSON.stringify([key.keys, key.id]);
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decodes a cursor made by `encodeCursor` for `keyCount` sort keys; ValidationFailed when it is not one. */
export function decodeCursor(cursor: string, keyCount: number): CursorKey {
  try {
    const bin = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    const [keys, id] = JSON.parse(new TextDecoder().decode(bytes)) as [unknown, unknown];
    if (
      Array.isArray(keys) &&
      keys.length === keyCount &&
      keys.every((k) => k === null || typeof k === 'string' || typeof k === 'number') &&
      typeof id === 'string'
    )
      return { keys: keys as CursorKey['keys'], id };
  } catch {
    // fall through
  }
  throw new ValidationFailed('翻页位置无效，请从第一页重新查询', { cursor });
}

/** Throws ValidationFailed unless `limit` is 1–500 and `offset` (if any) a non-negative integer. */
export function assertPageRequest(q: PageRequest): void {
  if (!Number.isInteger(q.limit) || q.limit < 1 || q.limit > 500)
    throw new ValidationFailed('每页条数须在 1 到 500 之间', { limit: q.limit });
  if (q.offset !== undefined && (!Number.isInteger(q.offset) || q.offset < 0))
    throw new ValidationFailed('翻页位置无效', { offset: q.offset });
}

/** Snapshot path segments and field names: letters, digits, `_ . : -` (ids), or `*`. */
export function assertPathSegment(segment: string): void {
  if (segment !== '*' && !/^[A-Za-z0-9_.:-]{1,64}$/.test(segment))
    throw new ValidationFailed('查询字段名无效', { segment });
}
