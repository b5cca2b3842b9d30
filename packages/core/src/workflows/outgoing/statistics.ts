import type { WorkingCalendar } from '../../calendar/working-calendar.ts';
import type { CaseRecord, Store } from '../../ports/store.ts';
import { OUTGOING_WORKFLOW } from './definition.ts';

/** Counts of 发文 over a period. */
export interface OutgoingCounts {
  /** 拟稿数 */
  drafted: number;
  /** 签发数 */
  signed: number;
  /** 印发数 (sealed) */
  issued: number;
  /** 不予签发 */
  rejected: number;
  /** 拟稿作废 */
  cancelled: number;
  /** 在办 (neither issued nor ended) */
  inProgress: number;
  /** 平均办理时间: working days from 拟稿 to 盖章, over the issued ones (null when none) */
  averageWorkingDays: number | null;
}

/** 发文统计 for a period: the unit, each 文种 and each 拟稿单位. */
export interface OutgoingStatistics {
  unit: OutgoingCounts;
  docTypes: Array<OutgoingCounts & { docType: string }>;
  departments: Array<OutgoingCounts & { departmentId: string }>;
}

interface Tally {
  drafted: number;
  signed: number;
  issued: number;
  rejected: number;
  cancelled: number;
  days: number[];
}

const empty = (): Tally => ({
  drafted: 0,
  signed: 0,
  issued: 0,
  rejected: 0,
  cancelled: 0,
  days: [],
});

function counts(t: Tally): OutgoingCounts {
  return {
    drafted: t.drafted,
    signed: t.signed,
    issued: t.issued,
    rejected: t.rejected,
    cancelled: t.cancelled,
    inProgress: t.drafted - t.issued - t.rejected - t.cancelled,
    averageWorkingDays:
      t.days.length === 0 ? null : t.days.reduce((a, b) => a + b, 0) / t.days.length,
  };
}

function date(v: unknown): Date | null {
  return typeof v === 'string' ? new Date(v) : null;
}

/**
 * 发文统计 for cases drafted in [from, to): per unit, per 文种 and per 拟稿单位 — drafted,
 * signed, issued, rejected, cancelled, in progress, and the average cycle time (拟稿 to
 * 盖章) in working days on the unit's calendar.
 */
export async function outgoingStatistics(args: {
  store: Store;
  calendar: WorkingCalendar;
  unitId: string;
  from: Date;
  to: Date;
}): Promise<OutgoingStatistics> {
  const { store, calendar } = args;
  const cases: CaseRecord[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await store.listCases({
      unitId: args.unitId,
      workflow: OUTGOING_WORKFLOW,
      createdFrom: args.from,
      createdTo: args.to,
      limit: 200,
      offset,
    });
    cases.push(...page.items);
    if (page.items.length < 200) break;
  }
  const unit = empty();
  const docTypes = new Map<string, Tally>();
  const depts = new Map<string, Tally>();
  const tallyOf = (m: Map<string, Tally>, k: string) => {
    const t = m.get(k) ?? empty();
    m.set(k, t);
    return t;
  };
  for (const c of cases) {
    const f = c.fields;
    const sealedAt = date(f.sealedAt);
    for (const t of [
      unit,
      tallyOf(docTypes, String(f.docType)),
      tallyOf(depts, String(f.draftingDepartment)),
    ]) {
      t.drafted++;
      if (f.signedAt) t.signed++;
      if (f.rejectedAt) t.rejected++;
      if (f.cancelledAt) t.cancelled++;
      if (sealedAt) {
        t.issued++;
        t.days.push(calendar.workingDaysBetween(c.createdAt, sealedAt));
      }
    }
  }
  const sorted = <K extends string>(m: Map<string, Tally>, key: K) =>
    [...m.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, t]) => ({ [key]: k, ...counts(t) }) as OutgoingCounts & Record<K, string>);
  return {
    unit: counts(unit),
    docTypes: sorted(docTypes, 'docType'),
    departments: sorted(depts, 'departmentId'),
  };
}
