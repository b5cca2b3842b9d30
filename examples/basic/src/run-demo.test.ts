import { expect, it } from 'vitest';
import { runDemo } from './run-demo.ts';

it('takes a leave request from application to approval on embedded PGlite', {
  timeout: 60_000,
}, async () => {
  const lines: string[] = [];
  const result = await runDemo('memory://', (l) => lines.push(l));
  expect(result.final).toBe('approved');
  expect(result.ledger.map((e) => [e.event, e.actorId, e.toState])).toEqual([
    ['start', 'xu', 'headReview'],
    ['APPROVE', 'he', 'directorReview'],
    ['APPROVE', 'liu', 'approved'],
  ]);
  expect(result.verification.ok).toBe(true);
  expect(lines).toContain('  → 当前环节：部门负责人审批（待办：何局长）');
  expect(lines).toContain('何局长此时可以：同意、不同意');
  expect(lines.at(-1)).toBe('台帐哈希链校验：通过');
});
