import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../memory/memory-store.ts';
import { outgoingHarness } from './testing-harness.ts';
import { visibleOutgoingFlow } from './visibility.ts';

const code = (code: string) => expect.objectContaining({ code });

/** sun drafts and submits; qian (sun's superior) checks with an opinion and picks the signer. */
async function checked() {
  const h = await outgoingHarness(createMemoryStore());
  const { caseId } = await h.draft('sun', { draftingDepartment: 'budget', issuerCode: '示政发' });
  await h.send(caseId, 'sun', { type: 'SUBMIT' });
  await h.send(caseId, 'qian', {
    type: 'CHECK',
    opinion: '核稿：文稿成熟，请复核。',
    countersign: { mode: 'parallel', departments: [] },
    signer: 'chen',
  });
  return { h, caseId };
}

describe('engine.view of a 发文 case', () => {
  it('applies visibleOutgoingFlow per role: all for the secretariat, downward with opinions above removed', async () => {
    const { h, caseId } = await checked();
    const [ledger, tasks, c] = await Promise.all([
      h.engine.ledger(caseId),
      h.engine.tasks(caseId),
      h.engine.case(caseId),
    ]);
    for (const who of ['zhou', 'qian', 'sun']) {
      const v = await h.engine.view(caseId, who);
      const rule = await visibleOutgoingFlow({
        viewerId: who,
        actingFor: [],
        caseRecord: c,
        ledger,
        tasks,
        directory: h.directory,
      });
      expect(v.scope).toBe(rule.scope);
      expect(v.ledger).toEqual(rule.ledger);
      expect((v.case.snapshot as { context: unknown }).context).toEqual(rule.context);
      expect(v.openTasks).toEqual(rule.tasks.filter((t) => t.doneAt === null));
    }
    expect((await h.engine.view(caseId, 'zhou')).scope).toBe('all');
    const sun = await h.engine.view(caseId, 'sun');
    expect(sun.scope).toBe('downward');
    expect(sun.ledger.some((e) => e.actorId === 'qian')).toBe(false);
    expect(JSON.stringify(sun.case.snapshot)).not.toContain('核稿：文稿成熟');
  });

  it('refuses another unit', async () => {
    const { h, caseId } = await checked();
    await expect(h.engine.view(caseId, 'outsider')).rejects.toEqual(code('NOT_FOUND'));
  });
});
