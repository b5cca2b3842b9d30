import type { OutgoingContext, RecipientState } from './context.ts';
import type { OutgoingHeader, Recipient } from './fields.ts';

/** The recipient key of a recipient at `index` among the external ones: `unit:<id>` or `ext:<n>`. */
export function recipientKey(r: Recipient, externalIndex: number): string {
  return 'unitId' in r ? `unit:${r.unitId}` : `ext:${externalIndex}`;
}

/** 主送 then 抄送, each unit once (a unit in both lists counts as 主送), with their keys. */
export function recipientsOf(header: Pick<OutgoingHeader, 'mainRecipients' | 'ccRecipients'>) {
  const out: Array<{ key: string; recipient: Recipient; list: 'main' | 'cc' }> = [];
  const seen = new Set<string>();
  let ext = 0;
  for (const [list, rs] of [
    ['main', header.mainRecipients],
    ['cc', header.ccRecipients],
  ] as const) {
    for (const r of rs) {
      const id = 'unitId' in r ? `u:${r.unitId}` : `n:${r.name}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({ key: recipientKey(r, ext), recipient: r, list });
      if (!('unitId' in r)) ext++;
    }
  }
  return out;
}

/** The recipients whose 回执 is still missing. */
export function pendingRecipients(ctx: Pick<OutgoingContext, 'recipients'>): RecipientState[] {
  return ctx.recipients.filter((r) => r.receipt === null);
}
