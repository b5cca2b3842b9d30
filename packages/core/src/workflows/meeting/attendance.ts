import type { CaseRecord } from '../../ports/store.ts';
import type { MeetingContext, MeetingInvitee } from './context.ts';

/** One line of the attendance sheet (签到表). */
export interface AttendanceLine {
  /** The person expected or present; null for a department that has not replied. */
  userId: string | null;
  /** The invitee this line stands for. */
  invitee: MeetingInvitee;
  /** 回执: attend / leave / delegate, or none (未回复). */
  reply: 'attend' | 'leave' | 'delegate' | 'none';
  /** 请假理由 */
  reason: string | null;
  /** For a deputy: whom they stand in for (the invitee's user or department id). */
  deputyFor: string | null;
  signedInAt: string | null;
  /** Who recorded the sign-in (the person, or the organiser for them). */
  recordedBy: string | null;
  /** present: signed in; excused: on leave; absent: expected and not signed in; unknown: no reply, nobody known. */
  status: 'present' | 'excused' | 'absent' | 'unknown';
}

/** The attendance sheet of a meeting: every invitee's line(s), then walk-ins, and the totals. */
export interface AttendanceSheet {
  lines: AttendanceLine[];
  /** Signed in without being expected (recorded by the organiser). */
  walkIns: Array<{ userId: string; signedInAt: string; recordedBy: string }>;
  /** People expected (present + absent), each counted once. */
  expected: number;
  present: number;
  excused: number;
  absent: number;
  /** present ÷ expected (0 when nobody was expected). */
  attendanceRate: number;
}

/** The 签到表 of a meeting case (`engine.case(id)`), pure. */
export function meetingAttendanceSheet(caseRecord: Pick<CaseRecord, 'snapshot'>): AttendanceSheet {
  const ctx = (caseRecord.snapshot as { context: MeetingContext }).context;
  const lines: AttendanceLine[] = [];
  const seen = new Set<string>();
  const line = (
    invitee: MeetingInvitee,
    userId: string | null,
    reply: AttendanceLine['reply'],
    reason: string | null,
    deputyFor: string | null,
  ) => {
    const a = userId ? ctx.attendance[userId] : undefined;
    if (userId) seen.add(userId);
    lines.push({
      userId,
      invitee,
      reply,
      reason,
      deputyFor,
      signedInAt: a?.at ?? null,
      recordedBy: a?.recordedBy ?? null,
      status: a
        ? 'present'
        : reply === 'leave'
          ? 'excused'
          : userId === null
            ? 'unknown'
            : 'absent',
    });
  };
  for (const i of ctx.invitees) {
    const r = ctx.replies[i.key];
    if (!r) {
      line(i, i.kind === 'user' ? i.id : null, 'none', null, null);
    } else if (r.answer === 'leave') {
      line(i, i.kind === 'user' ? i.id : r.by, 'leave', r.reason, null);
    } else if (r.answer === 'delegate') {
      line(i, r.deputyId, 'delegate', r.reason, i.id);
    } else if (i.kind === 'user') {
      line(i, i.id, 'attend', null, null);
    } else {
      for (const u of r.attendeeIds) line(i, u, 'attend', null, null);
    }
  }
  const walkIns = Object.entries(ctx.attendance)
    .filter(([u]) => !seen.has(u))
    .map(([userId, a]) => ({ userId, signedInAt: a.at, recordedBy: a.recordedBy }));
  // Totals count people once, also when someone is on two lines (invited in person and sent
  // by their department); a department nobody answered for counts as one absent place.
  const people = (status: AttendanceLine['status']) =>
    new Set(lines.filter((l) => l.status === status && l.userId).map((l) => l.userId)).size;
  const present = people('present');
  const excused = people('excused');
  const absentPeople = new Set(
    lines.filter((l) => l.status === 'absent' && l.userId).map((l) => l.userId),
  );
  for (const p of lines) if (p.status === 'present') absentPeople.delete(p.userId);
  const absent = absentPeople.size + lines.filter((l) => l.status === 'unknown').length;
  const expected = present + absent;
  return {
    lines,
    walkIns,
    expected,
    present,
    excused,
    absent,
    attendanceRate: expected === 0 ? 0 : present / expected,
  };
}
