import { isGongwenError } from '@gongwen/core';
import { httpStatusOf } from '~/server/api/errors';

/** How a page answers a user who may not open a case: 403 with the reason, or 404. */
export type CaseVerdict = { status: 403; reason: string } | { status: 404 } | null;

/** The verdict an error of a case read means (null: not a refusal), by `httpStatusOf`. */
export function verdictOf(e: unknown): CaseVerdict {
  if (!isGongwenError(e)) return null;
  const status = httpStatusOf(e.code);
  if (status === 403) return { status, reason: e.message };
  if (status === 404) return { status };
  return null;
}

/** Runs a case read: null when it passes, the refusal when it is refused; other errors fly. */
export async function caseVerdict(read: () => Promise<unknown>): Promise<CaseVerdict> {
  try {
    await read();
    return null;
  } catch (e) {
    const verdict = verdictOf(e);
    if (verdict) return verdict;
    throw e;
  }
}

/** A case id from a path segment, decoded (kept as it is when it is not valid %-encoding). */
export function caseIdOf(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
