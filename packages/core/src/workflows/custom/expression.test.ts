import { describe, expect, it } from 'vitest';
import {
  compileExpression,
  ExpressionError,
  type ExprField,
  evaluate,
  fieldsOf,
  parseExpression,
  tokenize,
} from './expression.ts';

const FIELDS: Record<string, ExprField> = {
  days: { type: 'number' },
  amount: { type: 'number' },
  kind: { type: 'string', enum: ['年休假', '事假', '病假'] },
  note: { type: 'string' },
  urgent: { type: 'boolean' },
  startDate: { type: 'date' },
  部门: { type: 'string' },
};

const run = (text: string, values: Record<string, unknown>) =>
  evaluate(compileExpression(text, FIELDS), values);
const fails = (text: string, message: RegExp) => {
  expect(() => compileExpression(text, FIELDS)).toThrow(ExpressionError);
  expect(() => compileExpression(text, FIELDS)).toThrow(message);
};

describe('condition language: parsing', () => {
  it('tokenizes numbers, strings, identifiers (Chinese too) and operators', () => {
    expect(tokenize('days >= -1.5 and 部门 == "办公室"').map((t) => t.t)).toEqual([
      'id',
      'op',
      'num',
      'id',
      'id',
      'op',
      'str',
      'end',
    ]);
  });

  it('binds not tighter than and, and tighter than or', () => {
    const e = parseExpression('not urgent or days > 3 and amount < 10');
    expect(e.kind).toBe('logic');
    expect(e).toMatchObject({
      op: 'or',
      left: { kind: 'not' },
      right: { kind: 'logic', op: 'and' },
    });
    expect(fieldsOf(e).sort()).toEqual(['amount', 'days', 'urgent']);
  });

  it('reads in / not in lists and parentheses', () => {
    expect(parseExpression('kind not in ["事假"]')).toMatchObject({ kind: 'in', negated: true });
    expect(parseExpression('(days > 1)')).toMatchObject({ kind: 'compare', op: '>' });
    expect(parseExpression("note == 'a\\'b'")).toMatchObject({ right: { value: "a'b" } });
  });

  it.each([
    ['', /条件为空/],
    ['days >', /条件不完整/],
    ['days > 3 3', /多余的内容/],
    ['(days > 3', /此处应为“\)”/],
    ['days in [note]', /列表中只能写/],
    ['"abc', /缺少结束引号/],
  ])('refuses malformed text %j', (text, message) => {
    expect(() => parseExpression(text)).toThrow(message);
  });

  it.each([
    ['process.exit(1)', /无法识别的字符“\.”/],
    ['constructor["prototype"]', /多余的内容|此处/],
    ['days = 3', /无法识别的字符“=”/],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a template literal is the attack being refused
    ['`${1}`', /无法识别的字符/],
    ['days > 3; drop', /无法识别的字符“;”/],
    ['a => a', /无法识别的字符|此处/],
  ])('refuses code-like input %j (no calls, members, assignment)', (text, message) => {
    expect(() => compileExpression(text, FIELDS)).toThrow(message);
  });

  it('refuses overly long or deeply nested conditions', () => {
    expect(() => parseExpression(`days > ${'1'.repeat(600)}`)).toThrow(/条件过长/);
    expect(() => parseExpression(`${'('.repeat(40)}urgent${')'.repeat(40)}`)).toThrow(/嵌套过深/);
    expect(() => parseExpression(`${'not '.repeat(40)}urgent`)).toThrow(/嵌套过深/);
  });
});

describe('condition language: type checking against the form', () => {
  it('accepts well-typed conditions', () => {
    for (const ok of [
      'days > 3',
      'kind == "事假" and not urgent',
      'kind in ["年休假", "病假"]',
      'startDate >= "2026-12-01"',
      'urgent == true or amount <= 1000',
      '部门 != "财政局"',
    ])
      expect(() => compileExpression(ok, FIELDS)).not.toThrow();
  });

  it.each([
    ['salary > 3', /未知字段“salary”/],
    ['days > "3"', /不能用“>”比较数字和文字/],
    ['note > "a"', /只能比较数字或日期/],
    ['urgent < true', /只能比较数字或日期/],
    ['days and urgent', /两边须为真假值，这里是数字/],
    ['not days', /“not”只能用于真假值/],
    ['days', /结果须为真假值/],
    ['kind == "婚假"', /字段“kind”没有取值"婚假"/],
    ['kind in ["事假", "调休"]', /没有取值"调休"/],
    ['days in [1, "2"]', /列表中的文字与数字类型不符/],
  ])('refuses %j', (text, message) => fails(text, message));
});

describe('condition language: evaluation', () => {
  it('computes comparisons, logic and lists', () => {
    expect(run('days > 3', { days: 5 })).toBe(true);
    expect(run('days > 3', { days: 3 })).toBe(false);
    expect(run('days >= 3 and kind == "事假"', { days: 3, kind: '事假' })).toBe(true);
    expect(run('kind in ["年休假", "病假"]', { kind: '病假' })).toBe(true);
    expect(run('kind not in ["年休假", "病假"]', { kind: '病假' })).toBe(false);
    expect(run('not urgent', { urgent: false })).toBe(true);
    expect(run('urgent || days > 10', { urgent: false, days: 11 })).toBe(true);
    expect(run('startDate < "2026-12-01"', { startDate: '2026-11-30' })).toBe(true);
  });

  it('a comparison reading an empty field is false, whatever the operator', () => {
    expect(run('days > 3', {})).toBe(false);
    expect(run('days <= 3', {})).toBe(false);
    expect(run('note != "x"', { note: '' })).toBe(false);
    expect(run('kind in ["事假"]', { kind: null })).toBe(false);
    expect(run('kind not in ["事假"]', {})).toBe(false);
  });

  it('never reads inherited properties of the values object', () => {
    expect(run('note == "x"', Object.create({ note: 'x' }))).toBe(false);
  });
});
