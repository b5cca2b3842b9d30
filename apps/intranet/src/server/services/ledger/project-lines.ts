import {
  INCOMING_STATE_LABELS,
  type IncomingLedgerRow,
  type IncomingStepEntry,
  type LedgerRecord,
  OUTGOING_STATE_LABELS,
  type OutgoingLedgerRow,
  type OutgoingStepEntry,
  projectIncomingLedger,
  projectOutgoingLedger,
  recipientsOf,
} from '@gongwen/core';
import type { LedgerWorkflow } from '~/lib/schemas/ledger';
import type { AppServices } from '~/server/app-types';
import { formatTime, loadNames, type Names } from './format';
import type { LedgerCaseRow } from './ledger-cases';
import { sees, type ViewerScope } from './viewer-scope';

/** One row of a 流程台帐 as the page, the print view and the export show it. */
export interface LedgerLine {
  caseId: string;
  workflow: LedgerWorkflow;
  state: string;
  urgency: string | null;
  secrecy: string | null;
  /** 收文 past its 办理时限 and not 办结 (or 办结 after it). */
  overdue: boolean;
  /** Display text per column key of `ledgerColumns(workflow)`; lists are one line each. */
  cells: Record<string, string>;
}

type Step = IncomingStepEntry | OutgoingStepEntry;

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/** Hides steps of people above the viewer (the status view goes only downward). */
function redactIncoming(row: IncomingLedgerRow, scope: ViewerScope): IncomingLedgerRow {
  if (scope.all) return row;
  const seen = (s: Step | null) => s !== null && (sees(scope, s.by) || sees(scope, s.actorId));
  return {
    ...row,
    signedBy: sees(scope, row.signedBy) ? row.signedBy : '',
    proposal: seen(row.proposal) ? row.proposal : null,
    review: seen(row.review) ? row.review : null,
    instructions: row.instructions.filter(seen),
    returns: row.returns.filter(seen),
    readers: row.readers.filter((r) => sees(scope, r.userId)),
    handling: row.handling.map((h) => {
      const own = sees(scope, h.handler);
      return {
        ...h,
        handlers: h.handlers.filter((u) => sees(scope, u)),
        handler: own ? h.handler : null,
        result: own ? h.result : null,
        resultAt: own ? h.resultAt : null,
      };
    }),
  };
}

function redactOutgoing(row: OutgoingLedgerRow, scope: ViewerScope): OutgoingLedgerRow {
  if (scope.all) return row;
  const keep = <S extends Step>(s: S | null): S | null =>
    s !== null && (sees(scope, s.by) || sees(scope, s.actorId)) ? s : null;
  return {
    ...row,
    check: keep(row.check),
    recheck: keep(row.recheck),
    signing: keep(row.signing),
    rejected: keep(row.rejected),
    finalized: keep(row.finalized),
    seal: keep(row.seal),
    returns: row.returns.filter((r) => keep(r) !== null),
    countersign: row.countersign.map((l) => ({
      ...l,
      member: sees(scope, l.member) ? l.member : null,
      memberOpinion: keep(l.memberOpinion),
      opinion: keep(l.opinion),
    })),
  };
}

function who(names: Names, s: Step): string {
  return s.onBehalfOf && s.onBehalfOf !== s.actorId
    ? `${names.user(s.actorId)}（代${names.user(s.by)}）`
    : names.user(s.by);
}

function stepText(names: Names, s: Step | null, prefix = ''): string {
  if (!s) return '';
  const opinion = s.opinion ? `：${s.opinion}` : '';
  return `${prefix}${who(names, s)}${opinion}（${formatTime(s.at)}）`;
}

function incomingCells(c: LedgerCaseRow, row: IncomingLedgerRow, n: Names): Record<string, string> {
  return {
    serialNo: row.serialNo ?? '',
    senderUnit: row.senderUnit,
    senderDocNumber: str(c.fields.senderDocNumber) ?? '',
    title: row.title,
    signed: [n.user(row.signedBy), formatTime(row.signedAt)].filter(Boolean).join(' '),
    proposal: stepText(n, row.proposal),
    review: row.review
      ? stepText(n, row.review, row.review.decision === 'change' ? '【修改拟办】' : '【同意拟办】')
      : '',
    instructions: row.instructions.map((s) => stepText(n, s)).join('\n'),
    readers: row.readers
      .map(
        (r) =>
          `${n.department(r.departmentId)}·${n.user(r.userId)}：${r.readAt ? `${formatTime(r.readAt)}已阅` : '未阅'}`,
      )
      .join('\n'),
    handling: row.handling
      .map((h) => {
        const parts = [`${n.department(h.departmentId)}（${h.role === 'main' ? '主办' : '协办'}）`];
        if (h.handlers.length > 0)
          parts.push(`承办人：${h.handlers.map((u) => n.user(u)).join('→')}`);
        if (h.result) parts.push(`结果：${h.result}（${formatTime(h.resultAt)}）`);
        parts.push(h.confirmedAt ? `办结：${formatTime(h.confirmedAt)}` : '办理中');
        return parts.join('；');
      })
      .join('\n'),
    returns: row.returns.map((s) => stepText(n, s)).join('\n'),
    reminderCount: String(row.reminderCount),
    completedAt: formatTime(row.completedAt),
    archivedAt: formatTime(row.archivedAt),
    state: INCOMING_STATE_LABELS[c.state] ?? c.state,
  };
}

function recipientNames(c: LedgerCaseRow, n: Names): Map<string, string> {
  const header = {
    mainRecipients: Array.isArray(c.fields.mainRecipients) ? c.fields.mainRecipients : [],
    ccRecipients: Array.isArray(c.fields.ccRecipients) ? c.fields.ccRecipients : [],
  } as Parameters<typeof recipientsOf>[0];
  return new Map(
    recipientsOf(header).map((r) => [
      r.key,
      'unitId' in r.recipient ? n.unit(r.recipient.unitId) : r.recipient.name,
    ]),
  );
}

function outgoingCells(c: LedgerCaseRow, row: OutgoingLedgerRow, n: Names): Record<string, string> {
  const recipients = recipientNames(c, n);
  return {
    docNumber: row.docNumber ?? '',
    title: row.title,
    docType: str(c.fields.docType) ?? '',
    draftingDepartment: n.department(row.draftingDepartment),
    drafter: n.user(row.drafter),
    draftedAt: formatTime(row.draftedAt),
    check: stepText(n, row.check),
    countersign: row.countersign
      .map((l) => {
        const o = l.opinion ?? l.memberOpinion;
        const round = row.countersign.some((x) => x.round > 1) ? `第${l.round}轮 ` : '';
        const head = `${round}${n.department(l.departmentId)}`;
        if (!o) return `${head}：${l.member ? `${n.user(l.member)}办理中` : '待会签'}`;
        return `${head}：${o.agree ? '同意' : '不同意'}${o.opinion ? `，${o.opinion}` : ''}（${who(n, o)} ${formatTime(o.at)}）`;
      })
      .join('\n'),
    recheck: stepText(n, row.recheck),
    signer: row.signing
      ? who(n, row.signing)
      : row.rejected
        ? `${who(n, row.rejected)}（不予签发）`
        : '',
    signOpinion: (row.signing ?? row.rejected)?.opinion ?? '',
    signedAt: formatTime((row.signing ?? row.rejected)?.at ?? null),
    finalized: row.finalized
      ? `${who(n, row.finalized)}（${row.finalized.mode === 'manual' ? '手工清稿' : '自动清稿'} ${formatTime(row.finalized.at)}）`
      : '',
    seal: row.seal ? `${who(n, row.seal)}（${formatTime(row.seal.sealedAt)}）` : '',
    distribution: row.distribution
      .map((d) => {
        const unit = recipients.get(d.recipient) ?? d.recipient;
        const receipt = d.receivedAt
          ? `已回执 ${d.receivedBy ?? ''} ${formatTime(d.receivedAt)}`.replace(/\s+/g, ' ')
          : '未回执';
        return `${unit}（${d.method} ${formatTime(d.distributedAt)}）：${receipt}`;
      })
      .join('\n'),
    returns: row.returns.map((s) => stepText(n, s)).join('\n'),
    archivedAt: formatTime(row.archivedAt),
    state: OUTGOING_STATE_LABELS[c.state] ?? c.state,
  };
}

/** The user ids a projected row names (for loading names in bulk). */
function usersOf(row: IncomingLedgerRow | OutgoingLedgerRow): string[] {
  const out: string[] = [];
  const walk = (v: unknown, key: string) => {
    if (typeof v === 'string') {
      if (USER_KEYS.has(key)) out.push(v);
    } else if (Array.isArray(v)) for (const x of v) walk(x, key);
    else if (v && typeof v === 'object' && !(v instanceof Date))
      for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(row, '');
  return out;
}
const USER_KEYS = new Set([
  'by',
  'actorId',
  'onBehalfOf',
  'signedBy',
  'userId',
  'handler',
  'handlers',
  'drafter',
  'member',
]);

/**
 * Projects the given cases' ledgers into 流程台帐 lines with the workflow's own projection
 * (`projectIncomingLedger` / `projectOutgoingLedger`), hides what the viewer may not see of
 * the steps above them, and names people, departments and units.
 */
export async function projectLines(
  app: AppServices,
  scope: ViewerScope,
  workflow: LedgerWorkflow,
  cases: readonly LedgerCaseRow[],
  ledgers: ReadonlyMap<string, LedgerRecord[]>,
): Promise<LedgerLine[]> {
  const now = app.clock.now();
  const projected = cases.flatMap((c) => {
    const ledger = ledgers.get(c.id) ?? [];
    if (ledger[0]?.event !== 'start') return [];
    const row =
      workflow === 'incoming'
        ? redactIncoming(projectIncomingLedger(c, ledger), scope)
        : redactOutgoing(projectOutgoingLedger(c, ledger), scope);
    return [{ c, row }];
  });
  const units = new Set<string>();
  for (const { c } of projected) {
    for (const list of [c.fields.mainRecipients, c.fields.ccRecipients]) {
      if (Array.isArray(list))
        for (const r of list) {
          const id = (r as { unitId?: unknown }).unitId;
          if (typeof id === 'string') units.add(id);
        }
    }
  }
  const names = await loadNames(app, scope.unitId, {
    users: projected.flatMap(({ row }) => usersOf(row)),
    units,
  });
  return projected.map(({ c, row }) => {
    const deadline = str(c.fields.deadline);
    const completedAt = str(c.fields.completedAt);
    return {
      caseId: c.id,
      workflow,
      state: c.state,
      urgency: str(c.fields.urgency),
      secrecy: str(c.fields.secrecy),
      overdue:
        workflow === 'incoming' &&
        deadline !== null &&
        (completedAt ? new Date(completedAt) : now) > new Date(deadline),
      cells:
        workflow === 'incoming'
          ? incomingCells(c, row as IncomingLedgerRow, names)
          : outgoingCells(c, row as OutgoingLedgerRow, names),
    };
  });
}
