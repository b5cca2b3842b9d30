import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../memory/memory-store.ts';
import { incomingHarness, STANDARD_PROPOSAL } from './testing-harness.ts';

const code = (code: string) => expect.objectContaining({ code });

/** A 收文 in 办理: proposed by zhou, reviewed by li, instructed by zhang and chen. */
async function processing() {
  const h = await incomingHarness(createMemoryStore());
  const { caseId } = await h.register();
  await h.send(caseId, 'zhou', STANDARD_PROPOSAL);
  await h.send(caseId, 'li', { type: 'REVIEW', decision: 'accept' });
  await h.send(caseId, 'zhang', { type: 'INSTRUCT', opinion: '请财政局认真研究落实' });
  await h.send(caseId, 'chen', { type: 'INSTRUCT', opinion: '同意' });
  await h.send(caseId, 'zhao', { type: 'ASSIGN', departmentId: 'finance', handlerId: 'qian' });
  return { h, caseId };
}

describe('engine.view of a 收文 case', () => {
  it('shows the secretariat and leaders everything, with what they may do now', async () => {
    const { h, caseId } = await processing();
    for (const who of ['zhou', 'zhang', 'li']) {
      const v = await h.engine.view(caseId, who);
      expect(v.scope).toBe('all');
      expect(v.ledger.map((e) => e.seq)).toEqual((await h.engine.ledger(caseId)).map((e) => e.seq));
      expect(v.case.id).toBe(caseId);
    }
    const qian = await h.engine.view(caseId, 'qian');
    expect(qian.openTasks.map((t) => t.key)).toEqual([
      expect.stringMatching(/^handle:finance:\d+:handle$/),
    ]);
    expect(qian.actions.map((a) => a.type)).toEqual(
      (await h.engine.can({ caseId, actorId: 'qian' })).map((a) => a.type),
    );
    expect(qian.actions.length).toBeGreaterThan(0);
  });

  it("shows a department head their own department's steps only, downward", async () => {
    const { h, caseId } = await processing();
    const v = await h.engine.view(caseId, 'zhao');
    expect(v.scope).toBe('downward');
    const actors = new Set(v.ledger.map((e) => e.actorId));
    expect(actors.has('zhao')).toBe(true);
    expect(actors.has('zhang')).toBe(false);
    expect(actors.has('li')).toBe(false);
    expect(v.openTasks.every((t) => t.candidates.some((c) => ['zhao', 'qian'].includes(c)))).toBe(
      true,
    );
  });

  it('refuses a user with no part (NOT_PERMITTED) and another unit (NOT_FOUND)', async () => {
    const { h, caseId } = await processing();
    await expect(h.engine.view(caseId, 'tang')).rejects.toEqual(code('NOT_PERMITTED'));
    await expect(h.engine.view(caseId, 'outsider')).rejects.toEqual(code('NOT_FOUND'));
  });
});
