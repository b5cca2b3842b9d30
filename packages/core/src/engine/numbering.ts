import type { StoreTx } from '../ports/store.ts';
import type { CaseFacts, WorkflowDefinition } from '../workflow/definition.ts';

/** Takes the next number of a gapless sequence when the definition numbers this event. */
export async function allocateSerial(
  tx: StoreTx,
  def: WorkflowDefinition,
  args: {
    eventType: string;
    payload: Record<string, unknown>;
    context: unknown;
    facts: CaseFacts;
    now: Date;
  },
): Promise<{ scope: string; value: number } | null> {
  const numbering = def.numbering?.[args.eventType];
  if (!numbering) return null;
  const { payload, context, facts, now } = args;
  const scope = numbering({ payload, context, facts, at: now });
  if (scope === null) return null;
  return { scope, value: await tx.nextSerial(facts.unitId, scope) };
}
