import type { OutgoingContext } from './context.ts';

/** Everyone who may send 撤回 in the given state of the case. */
export function withdrawers(ctx: OutgoingContext, state: string): string[] {
  const out: string[] = [];
  const w = ctx.withdrawable;
  if (w && WITHDRAW_FROM[w.kind].includes(state)) out.push(w.by);
  if (state === 'countersigning')
    for (const d of ctx.countersign) if (d.withdrawable) out.push(d.withdrawable.by);
  return out;
}

/** The states in which each kind of case-level 撤回 applies. */
const WITHDRAW_FROM: Record<NonNullable<OutgoingContext['withdrawable']>['kind'], string[]> = {
  submit: ['checking'],
  check: ['countersigning', 'rechecking'],
  recheckSubmit: ['rechecking'],
  recheck: ['signing'],
  sign: ['finalizing'],
};
