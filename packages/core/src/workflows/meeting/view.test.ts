import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../memory/memory-store.ts';
import { meetingHarness } from './testing-harness.ts';

const code = (code: string) => expect.objectContaining({ code });

describe('engine.view of a 会议 case', () => {
  it('shows the whole meeting to the organiser, the approver, invitees and topic departments', async () => {
    const h = await meetingHarness(createMemoryStore());
    const { caseId } = await h.plan('wang');
    const ledger = await h.engine.ledger(caseId);
    // wang organises, zhang approves (a leader), chen is invited, he heads an invited
    // department, feng heads a topic department.
    for (const who of ['wang', 'zhang', 'chen', 'he', 'feng']) {
      const v = await h.engine.view(caseId, who);
      expect(v.scope).toBe('all');
      expect(v.ledger).toEqual(ledger);
      expect(v.actions.map((a) => a.type)).toEqual(
        (await h.engine.can({ caseId, actorId: who })).map((a) => a.type),
      );
    }
  });

  it('refuses those with no part in it, and another unit', async () => {
    const h = await meetingHarness(createMemoryStore());
    const { caseId } = await h.plan('wang');
    await expect(h.engine.view(caseId, 'sun')).rejects.toEqual(code('NOT_PERMITTED'));
    await expect(h.engine.view(caseId, 'outsider')).rejects.toEqual(code('NOT_FOUND'));
  });
});
