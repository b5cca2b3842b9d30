import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../memory/memory-store.ts';
import { reportHarness } from './testing-harness.ts';

const code = (code: string) => expect.objectContaining({ code });

describe('engine.view of a 报告 case', () => {
  it('shows the author and the approvers all of it; a deputy once the principal has the task', async () => {
    const h = await reportHarness(createMemoryStore());
    const { caseId } = await h.draft('sun');
    await h.send(caseId, 'sun', { type: 'SUBMIT' });
    for (const who of ['sun', 'qian', 'zhao']) {
      const v = await h.engine.view(caseId, who);
      expect(v.scope).toBe('all');
      expect(v.ledger).toHaveLength((await h.engine.ledger(caseId)).length);
    }
    expect((await h.engine.view(caseId, 'qian')).actions.map((a) => a.type)).toContain('APPROVE');
    // li deputises for zhao in 报告审批, but zhao's turn has not come (sequence).
    await expect(h.engine.view(caseId, 'li')).rejects.toEqual(code('NOT_PERMITTED'));
    await h.send(caseId, 'qian', { type: 'APPROVE' });
    const li = await h.engine.view(caseId, 'li');
    expect(li.scope).toBe('all');
    expect(li.actingFor).toEqual(['zhao']);
    expect(li.actions).toEqual(await h.engine.can({ caseId, actorId: 'li' }));
    expect(li.openTasks.map((t) => t.candidates)).toEqual([['zhao']]);
  });

  it('refuses those with no part, and another unit', async () => {
    const h = await reportHarness(createMemoryStore());
    const { caseId } = await h.draft('sun');
    await h.send(caseId, 'sun', { type: 'SUBMIT' });
    await expect(h.engine.view(caseId, 'zhou')).rejects.toEqual(code('NOT_PERMITTED'));
    await expect(h.engine.view(caseId, 'outsider')).rejects.toEqual(code('NOT_FOUND'));
  });
});
