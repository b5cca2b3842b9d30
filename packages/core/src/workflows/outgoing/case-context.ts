import type { CaseRecord } from '../../ports/store.ts';
import type { DocVersion, OutgoingContext } from './context.ts';
import { OUTGOING_WORKFLOW } from './workflow-name.ts';

/** The machine context of a 发文 case (versions, opinions, 文号, recipients), read from its snapshot. */
export function outgoingContextOf(
  caseRecord: Pick<CaseRecord, 'workflow' | 'snapshot'>,
): OutgoingContext {
  if (caseRecord.workflow !== OUTGOING_WORKFLOW) throw new TypeError('不是发文办件');
  return (caseRecord.snapshot as { context: OutgoingContext }).context;
}

/** Every saved version of the 正文 of a 发文 case, oldest first (none is ever dropped). */
export function outgoingVersions(
  caseRecord: Pick<CaseRecord, 'workflow' | 'snapshot'>,
): DocVersion[] {
  return outgoingContextOf(caseRecord).versions;
}

/** The final version (成文稿) once 成文 is done, else null. */
export function finalVersionOf(
  caseRecord: Pick<CaseRecord, 'workflow' | 'snapshot'>,
): DocVersion | null {
  const ctx = outgoingContextOf(caseRecord);
  if (!ctx.finalized) return null;
  return ctx.versions.find((v) => v.no === ctx.finalized!.version) ?? null;
}
