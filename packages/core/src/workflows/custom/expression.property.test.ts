import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileExpression,
  ExpressionError,
  type ExprField,
  evaluate,
  parseExpression,
} from './expression.ts';

const FIELDS: Record<string, ExprField> = {
  n: { type: 'number' },
  s: { type: 'string', enum: ['a', 'b', 'c'] },
  f: { type: 'boolean' },
};

/** Random well-typed conditions, with a reference evaluation in plain JavaScript. */
const condArb: fc.Memo<{
  text: string;
  ref: (v: { n: number; s: string; f: boolean }) => boolean;
}> = fc.memo((depth) => {
  const leaf = fc.oneof(
    fc
      .tuple(fc.constantFrom('<', '<=', '>', '>=', '==', '!='), fc.integer({ min: -5, max: 5 }))
      .map(([op, c]) => ({
        text: `n ${op} ${c}`,
        ref: (v: { n: number }) =>
          ({
            '<': v.n < c,
            '<=': v.n <= c,
            '>': v.n > c,
            '>=': v.n >= c,
            '==': v.n === c,
            '!=': v.n !== c,
          })[op]!,
      })),
    fc.subarray(['a', 'b', 'c'], { minLength: 1 }).map((xs) => ({
      text: `s in [${xs.map((x) => `"${x}"`).join(', ')}]`,
      ref: (v: { s: string }) => xs.includes(v.s),
    })),
    fc.constant({ text: 'f == true', ref: (v: { f: boolean }) => v.f }),
  );
  if (depth <= 1) return leaf;
  const sub = condArb(depth - 1);
  return fc.oneof(
    leaf,
    fc.tuple(sub, sub, fc.constantFrom('and', 'or', '&&', '||')).map(([a, b, op]) => ({
      text: `(${a.text}) ${op} (${b.text})`,
      ref: (v: { n: number; s: string; f: boolean }) =>
        op === 'and' || op === '&&' ? a.ref(v) && b.ref(v) : a.ref(v) || b.ref(v),
    })),
    sub.map((a) => ({
      text: `not (${a.text})`,
      ref: (v: { n: number; s: string; f: boolean }) => !a.ref(v),
    })),
  );
});

describe('condition language properties', () => {
  it('random well-typed conditions type-check and evaluate as JavaScript would', () => {
    fc.assert(
      fc.property(
        condArb(4),
        fc.record({
          n: fc.integer({ min: -6, max: 6 }),
          s: fc.constantFrom('a', 'b', 'c'),
          f: fc.boolean(),
        }),
        (cond, values) => {
          expect(evaluate(compileExpression(cond.text, FIELDS), values)).toBe(cond.ref(values));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('any text either compiles or is refused with an ExpressionError — never another exception', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        try {
          const e = compileExpression(text, FIELDS);
          expect(typeof evaluate(e, { n: 1, s: 'a', f: true })).toBe('boolean');
        } catch (err) {
          expect(err).toBeInstanceOf(ExpressionError);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('mutating a valid condition with stray characters is refused, not run', () => {
    fc.assert(
      fc.property(
        condArb(3),
        fc.constantFrom('.', ';', '=', '`', '$', '{', '?', ':'),
        (cond, ch) => {
          expect(() => parseExpression(`${cond.text}${ch}x`)).toThrow(ExpressionError);
        },
      ),
      { numRuns: 100 },
    );
  });
});
