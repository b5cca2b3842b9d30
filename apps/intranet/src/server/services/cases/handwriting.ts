import { type Handwriting, ZHandwriting } from '~/lib/schemas/handwriting';
import type { AppServices } from '~/server/app-types';
import { idb } from '~/server/services/incoming/tables';

/**
 * Keeps 手写批注 with the ledger entry the command wrote. The core's event schemas strip
 * unknown keys, so the strokes cannot ride in the payload: they live in `app_handwriting`,
 * keyed by the command id. The engine is idempotent per command, so a retried submit (after
 * a failure between the two writes) returns the same ledger entry and completes this insert;
 * a second insert for the same command changes nothing.
 */
export async function saveHandwriting(
  app: AppServices,
  row: {
    commandId: string;
    caseId: string;
    ledgerSeq: number;
    userId: string;
    handwriting: Handwriting;
  },
): Promise<void> {
  await idb(app)
    .insertInto('app_handwriting')
    .values({
      command_id: row.commandId,
      case_id: row.caseId,
      ledger_seq: row.ledgerSeq,
      user_id: row.userId,
      strokes: JSON.stringify(row.handwriting),
      created_at: app.clock.now(),
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The handwriting of a case's ledger entries, by ledger seq (only the given seqs). */
export async function loadHandwriting(
  app: AppServices,
  caseId: string,
  seqs: readonly number[],
): Promise<Map<number, Handwriting>> {
  if (seqs.length === 0) return new Map();
  const rows = await idb(app)
    .selectFrom('app_handwriting')
    .select(['ledger_seq', 'strokes'])
    .where('case_id', '=', caseId)
    .where('ledger_seq', 'in', [...seqs])
    .execute();
  const out = new Map<number, Handwriting>();
  for (const r of rows) {
    const raw = typeof r.strokes === 'string' ? JSON.parse(r.strokes) : r.strokes;
    const parsed = ZHandwriting.safeParse(raw);
    if (parsed.success) out.set(r.ledger_seq, parsed.data);
  }
  return out;
}
