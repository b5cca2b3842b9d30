import type { DocNumberUse, OutgoingContext } from './context.ts';

/** The 文号 sequence scope: per unit (the engine adds it), 机关代字 and year. */
export function docNumberScope(issuerCode: string, year: string | number): string {
  return `发文:${issuerCode}:${year}`;
}

/** Formats a 文号 from the engine's serial: `示政办发〔2026〕12号`. */
export function formatDocNumber(serial: { scope: string; value: number }): string {
  const { issuerCode, year } = parseDocNumberScope(serial.scope);
  return `${issuerCode}〔${year}〕${serial.value}号`;
}

/** The 机关代字 and year of a 文号 scope. */
export function parseDocNumberScope(scope: string): { issuerCode: string; year: number } {
  const m = /^发文:([^:]+):(\d{4})$/.exec(scope);
  if (!m) throw new TypeError(`not a 文号 scope: ${scope}`);
  return { issuerCode: m[1]!, year: Number(m[2]) };
}

/** The valid (not voided) 文号 of the case, or null. */
export function currentDocNumber(ctx: Pick<OutgoingContext, 'docNumbers'>): DocNumberUse | null {
  const last = ctx.docNumbers.at(-1);
  return last && last.voidedAt === null ? last : null;
}
