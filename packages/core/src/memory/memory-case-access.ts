import { ValidationFailed } from '../errors.ts';
import { assertPathSegment, type CaseAccess, type CaseFilter } from '../ports/case-lists.ts';
import type { CaseRecord, LedgerRecord, TaskRecord } from '../ports/store.ts';

/** A case with its ledger and tasks, as the memory lists read it. */
export interface LoadedCase {
  c: CaseRecord;
  ledger: LedgerRecord[];
  tasks: TaskRecord[];
}

/** A header field as text, as PostgreSQL's `fields->>'name'` gives it (null when missing). */
export function fieldText(fields: Record<string, unknown>, name: string): string | null {
  const v = fields[name];
  if (v === undefined || v === null) return null;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** Values at a path: `*` is every member; arrays on the way and at the end are entered. */
export function valuesAtPath(root: unknown, path: readonly string[]): unknown[] {
  let cur: unknown[] = [root];
  for (const seg of path) {
    const next: unknown[] = [];
    for (const x of cur) {
      for (const y of Array.isArray(x) ? x : [x]) {
        if (y === null || typeof y !== 'object' || Array.isArray(y)) continue;
        const o = y as Record<string, unknown>;
        if (seg === '*') next.push(...Object.values(o));
        else if (Object.hasOwn(o, seg)) next.push(o[seg]);
      }
    }
    cur = next;
  }
  return cur.flatMap((x) => (Array.isArray(x) ? x : [x]));
}

/** Whether some string at `path` of `root` is one of `has`. */
function hasAtPath(root: unknown, path: readonly string[], has: readonly string[]): boolean {
  path.forEach(assertPathSegment);
  return valuesAtPath(root, path).some((v) => typeof v === 'string' && has.includes(v));
}

/** Whether the access predicate holds for the case (see `CaseAccess`). */
export function allows(x: LoadedCase, a: CaseAccess): boolean {
  if ('anyOf' in a) return a.anyOf.some((p) => allows(x, p));
  if ('allOf' in a) return a.allOf.every((p) => allows(x, p));
  if ('not' in a) return !allows(x, a.not);
  if ('participants' in a) {
    const ids = new Set(a.participants);
    return (
      x.ledger.some(
        (e) => ids.has(e.actorId) || (e.onBehalfOf !== null && ids.has(e.onBehalfOf)),
      ) ||
      x.tasks.some(
        (t) => t.candidates.some((p) => ids.has(p)) || (t.doneBy !== null && ids.has(t.doneBy)),
      )
    );
  }
  if ('openTasks' in a) {
    const ids = new Set(a.openTasks);
    return x.tasks.some((t) => t.doneAt === null && t.candidates.some((p) => ids.has(p)));
  }
  if ('startedBy' in a) return a.startedBy.includes(x.c.startedBy);
  if ('field' in a) {
    assertPathSegment(a.field);
    const v = fieldText(x.c.fields, a.field);
    return a.in.includes(v);
  }
  if ('snapshotKeys' in a) {
    for (const s of a.snapshotKeys) {
      assertPathSegment(s);
      if (s === '*') throw new ValidationFailed('查询字段名无效', { segment: s });
    }
    let v: unknown = x.c.snapshot;
    for (const s of a.snapshotKeys)
      v =
        v !== null && typeof v === 'object' && !Array.isArray(v)
          ? (v as Record<string, unknown>)[s]
          : undefined;
    if (typeof v === 'string') return a.has.includes(v);
    if (Array.isArray(v)) return v.some((e) => typeof e === 'string' && a.has.includes(e));
    if (v !== null && typeof v === 'object') return Object.keys(v).some((k) => a.has.includes(k));
    return false;
  }
  if ('fieldValues' in a) return hasAtPath(x.c.fields, a.fieldValues, a.has);
  return hasAtPath(x.c.snapshot, a.snapshot, a.has);
}

/** Whether the case matches the filters every list shares; `extraText` is searched too. */
export function matchesFilter(x: LoadedCase, f: CaseFilter, extraText: string[] = []): boolean {
  const { c } = x;
  if (c.unitId !== f.unitId) return false;
  if (f.ids && !f.ids.includes(c.id)) return false;
  if (f.workflow !== undefined && c.workflow !== f.workflow) return false;
  if (f.status !== undefined && c.status !== f.status) return false;
  if (f.states && !f.states.includes(c.state)) return false;
  for (const [name, want] of Object.entries(f.fields ?? {})) {
    assertPathSegment(name);
    const v = fieldText(c.fields, name);
    const wanted = typeof want === 'string' ? [want] : want;
    if (v === null || !wanted.includes(v)) return false;
  }
  if (!f.search?.text) return true;
  const needle = f.search.text.toLowerCase();
  const hay = [
    c.title,
    ...(f.search.fields ?? []).map((n) => fieldText(c.fields, n) ?? ''),
    ...extraText,
  ];
  return hay.some((h) => h.toLowerCase().includes(needle));
}
