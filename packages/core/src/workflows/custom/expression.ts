/**
 * The condition language of custom flows (连线条件), e.g. `days > 3 and kind in ["年休假", "事假"]`.
 *
 * A tiny typed grammar of its own — tokenizer, recursive-descent parser, type checker against
 * the form's field types, evaluator — instead of `eval`/`new Function` or a general-purpose
 * expression library: an administrator's text must never run code, reach globals or loop, and
 * a condition that compares a number with a string must be refused when the flow is
 * published, not discovered when a case takes the branch. The grammar has no calls, no
 * member access, no assignment and no loops, so evaluation is a walk over a bounded tree.
 *
 * ```
 * expr    := or
 * or      := and (("or" | "||") and)*
 * and     := not (("and" | "&&") not)*
 * not     := ("not" | "!") not | compare
 * compare := operand (("==" | "!=" | "<" | "<=" | ">" | ">=") operand
 *                    | "not"? "in" list)?
 * operand := number | string | "true" | "false" | field | "(" expr ")"
 * list    := "[" (literal ("," literal)*)? "]"
 * ```
 */

/** The type of a value in a condition. `date` is an ISO date string (YYYY-MM-DD). */
export type ExprType = 'number' | 'string' | 'boolean' | 'date';

/** What the type checker knows of a form field. */
export interface ExprField {
  type: ExprType;
  /** Allowed values, when the field is an enumeration (literals compared with it must be among them). */
  enum?: readonly (string | number)[];
}

/** A parsed condition. */
export type Expr =
  | { kind: 'literal'; value: number | string | boolean; pos: number }
  | { kind: 'field'; name: string; pos: number }
  | { kind: 'not'; operand: Expr; pos: number }
  | { kind: 'logic'; op: 'and' | 'or'; left: Expr; right: Expr; pos: number }
  | { kind: 'compare'; op: CompareOp; left: Expr; right: Expr; pos: number }
  | {
      kind: 'in';
      negated: boolean;
      operand: Expr;
      list: Array<Extract<Expr, { kind: 'literal' }>>;
      pos: number;
    };

type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';

/** A condition that does not parse or type-check; `message` is Chinese, `pos` a character offset. */
export class ExpressionError extends Error {
  constructor(
    message: string,
    readonly pos: number,
  ) {
    super(message);
    this.name = 'ExpressionError';
  }
}

/** Longest condition text accepted. */
export const MAX_EXPRESSION_LENGTH = 500;
const MAX_DEPTH = 32;

type Token =
  | { t: 'num'; v: number; pos: number }
  | { t: 'str'; v: string; pos: number }
  | { t: 'id'; v: string; pos: number }
  | { t: 'op'; v: string; pos: number }
  | { t: 'end'; pos: number };

const OPERATORS = ['==', '!=', '<=', '>=', '&&', '||', '<', '>', '!', '(', ')', '[', ']', ','];
const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'true', 'false']);

/** Splits a condition into tokens; throws ExpressionError on any character it does not know. */
export function tokenize(text: string): Token[] {
  if (text.length > MAX_EXPRESSION_LENGTH)
    throw new ExpressionError(`条件过长（不能超过${MAX_EXPRESSION_LENGTH}个字符）`, 0);
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const m = /^-?[0-9]+(\.[0-9]+)?/.exec(text.slice(i))!;
      out.push({ t: 'num', v: Number(m[0]), pos: i });
      i += m[0].length;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let s = '';
      while (j < text.length && text[j] !== c) {
        if (text[j] === '\\') {
          const n = text[j + 1];
          if (n !== c && n !== '\\')
            throw new ExpressionError(`字符串中不支持的转义“\\${n ?? ''}”`, j);
          s += n;
          j += 2;
        } else s += text[j++];
      }
      if (j >= text.length) throw new ExpressionError('字符串缺少结束引号', i);
      out.push({ t: 'str', v: s, pos: i });
      i = j + 1;
      continue;
    }
    const ident = /^[\p{L}_][\p{L}\p{N}_]*/u.exec(text.slice(i));
    if (ident) {
      out.push({ t: 'id', v: ident[0], pos: i });
      i += ident[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op) {
      out.push({ t: 'op', v: op, pos: i });
      i += op.length;
      continue;
    }
    throw new ExpressionError(`无法识别的字符“${c}”`, i);
  }
  out.push({ t: 'end', pos: text.length });
  return out;
}

/** Parses a condition into a tree; throws ExpressionError with a Chinese message. */
export function parseExpression(text: string): Expr {
  const tokens = tokenize(text);
  let p = 0;
  let depth = 0;
  const peek = () => tokens[p]!;
  const isOp = (v: string) => {
    const t = peek();
    return t.t === 'op' && t.v === v;
  };
  const isKw = (v: string) => {
    const t = peek();
    return t.t === 'id' && t.v === v;
  };
  const expect = (v: string) => {
    if (!isOp(v)) throw new ExpressionError(`此处应为“${v}”`, peek().pos);
    p++;
  };
  const deeper = <T>(fn: () => T): T => {
    if (++depth > MAX_DEPTH) throw new ExpressionError('条件嵌套过深', peek().pos);
    try {
      return fn();
    } finally {
      depth--;
    }
  };

  function orExpr(): Expr {
    let left = andExpr();
    while (isKw('or') || isOp('||')) {
      const pos = tokens[p++]!.pos;
      left = { kind: 'logic', op: 'or', left, right: andExpr(), pos };
    }
    return left;
  }
  function andExpr(): Expr {
    let left = notExpr();
    while (isKw('and') || isOp('&&')) {
      const pos = tokens[p++]!.pos;
      left = { kind: 'logic', op: 'and', left, right: notExpr(), pos };
    }
    return left;
  }
  function notExpr(): Expr {
    if (isKw('not') || isOp('!')) {
      const pos = tokens[p++]!.pos;
      return deeper(() => ({ kind: 'not', operand: notExpr(), pos }));
    }
    return compare();
  }
  function compare(): Expr {
    const left = operand();
    const t = peek();
    if (t.t === 'op' && ['==', '!=', '<', '<=', '>', '>='].includes(t.v)) {
      p++;
      return { kind: 'compare', op: t.v as CompareOp, left, right: operand(), pos: t.pos };
    }
    if (isKw('not') && tokens[p + 1]?.t === 'id' && (tokens[p + 1] as { v: string }).v === 'in') {
      p += 2;
      return { kind: 'in', negated: true, operand: left, list: list(), pos: t.pos };
    }
    if (isKw('in')) {
      p++;
      return { kind: 'in', negated: false, operand: left, list: list(), pos: t.pos };
    }
    return left;
  }
  function literal(): Extract<Expr, { kind: 'literal' }> | null {
    const t = peek();
    if (t.t === 'num' || t.t === 'str') {
      p++;
      return { kind: 'literal', value: t.v, pos: t.pos };
    }
    if (t.t === 'id' && (t.v === 'true' || t.v === 'false')) {
      p++;
      return { kind: 'literal', value: t.v === 'true', pos: t.pos };
    }
    return null;
  }
  function list(): Array<Extract<Expr, { kind: 'literal' }>> {
    expect('[');
    const items: Array<Extract<Expr, { kind: 'literal' }>> = [];
    if (!isOp(']')) {
      for (;;) {
        const lit = literal();
        if (!lit) throw new ExpressionError('列表中只能写数字、字符串或真假值', peek().pos);
        items.push(lit);
        if (isOp(',')) p++;
        else break;
      }
    }
    expect(']');
    return items;
  }
  function operand(): Expr {
    const lit = literal();
    if (lit) return lit;
    const t = peek();
    if (t.t === 'op' && t.v === '(') {
      p++;
      const inner = deeper(orExpr);
      expect(')');
      return inner;
    }
    if (t.t === 'id' && !KEYWORDS.has(t.v)) {
      p++;
      return { kind: 'field', name: t.v, pos: t.pos };
    }
    if (t.t === 'end') throw new ExpressionError('条件不完整', t.pos);
    throw new ExpressionError(`此处不能出现“${'v' in t ? t.v : ''}”`, t.pos);
  }

  if (peek().t === 'end') throw new ExpressionError('条件为空', 0);
  const tree = orExpr();
  if (peek().t !== 'end') {
    const t = peek();
    throw new ExpressionError(`多余的内容“${'v' in t ? t.v : ''}”`, t.pos);
  }
  return tree;
}

const TYPE_ZH: Record<ExprType, string> = {
  number: '数字',
  string: '文字',
  boolean: '真假值',
  date: '日期',
};

function literalType(v: number | string | boolean): ExprType {
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'boolean';
  return /^\d{4}-\d{2}-\d{2}$/.test(v) ? 'date' : 'string';
}

/** Field names a condition reads. */
export function fieldsOf(expr: Expr): string[] {
  switch (expr.kind) {
    case 'literal':
      return [];
    case 'field':
      return [expr.name];
    case 'not':
      return fieldsOf(expr.operand);
    case 'in':
      return fieldsOf(expr.operand);
    default:
      return [...fieldsOf(expr.left), ...fieldsOf(expr.right)];
  }
}

/**
 * Type-checks a condition against the form's fields; the whole condition must be a
 * true/false value. Throws ExpressionError with a Chinese message naming the fault.
 */
export function typeCheck(expr: Expr, fields: Readonly<Record<string, ExprField>>): ExprType {
  const compatible = (a: ExprType, b: ExprType) =>
    a === b || (a === 'date' && b === 'string') || (a === 'string' && b === 'date');
  const checkEnum = (field: Expr, lit: Expr) => {
    if (field.kind !== 'field' || lit.kind !== 'literal') return;
    const allowed = fields[field.name]?.enum;
    if (allowed && !allowed.includes(lit.value as string | number))
      throw new ExpressionError(
        `字段“${field.name}”没有取值${JSON.stringify(lit.value)}（可选：${allowed.join('、')}）`,
        lit.pos,
      );
  };
  function go(e: Expr): ExprType {
    switch (e.kind) {
      case 'literal':
        return literalType(e.value);
      case 'field': {
        const f = fields[e.name];
        if (!f) throw new ExpressionError(`未知字段“${e.name}”`, e.pos);
        return f.type;
      }
      case 'not': {
        const t = go(e.operand);
        if (t !== 'boolean')
          throw new ExpressionError(`“not”只能用于真假值，这里是${TYPE_ZH[t]}`, e.pos);
        return 'boolean';
      }
      case 'logic': {
        for (const side of [e.left, e.right]) {
          const t = go(side);
          if (t !== 'boolean')
            throw new ExpressionError(`“${e.op}”两边须为真假值，这里是${TYPE_ZH[t]}`, side.pos);
        }
        return 'boolean';
      }
      case 'compare': {
        const l = go(e.left);
        const r = go(e.right);
        if (!compatible(l, r))
          throw new ExpressionError(`不能用“${e.op}”比较${TYPE_ZH[l]}和${TYPE_ZH[r]}`, e.pos);
        if (
          ['<', '<=', '>', '>='].includes(e.op) &&
          (l === 'boolean' || (l === 'string' && r === 'string'))
        )
          throw new ExpressionError(`“${e.op}”只能比较数字或日期`, e.pos);
        checkEnum(e.left, e.right);
        checkEnum(e.right, e.left);
        return 'boolean';
      }
      case 'in': {
        const t = go(e.operand);
        for (const item of e.list) {
          const it = literalType(item.value);
          if (!compatible(t, it))
            throw new ExpressionError(`列表中的${TYPE_ZH[it]}与${TYPE_ZH[t]}类型不符`, item.pos);
          checkEnum(e.operand, item);
        }
        return 'boolean';
      }
    }
  }
  const t = go(expr);
  if (t !== 'boolean') throw new ExpressionError(`条件的结果须为真假值，这里是${TYPE_ZH[t]}`, 0);
  return t;
}

/** Parses and type-checks in one go; returns the tree. */
export function compileExpression(text: string, fields: Readonly<Record<string, ExprField>>): Expr {
  const tree = parseExpression(text);
  typeCheck(tree, fields);
  return tree;
}

/**
 * Evaluates a checked condition over form values. A comparison that reads a missing (empty)
 * field is false, whatever the operator, so an unfilled field never takes a branch by accident.
 */
export function evaluate(expr: Expr, values: Readonly<Record<string, unknown>>): boolean {
  const MISSING = Symbol('missing');
  function value(e: Expr): unknown {
    if (e.kind === 'literal') return e.value;
    if (e.kind === 'field') {
      const v = Object.hasOwn(values, e.name) ? values[e.name] : undefined;
      return v === undefined || v === null || v === '' ? MISSING : v;
    }
    return truth(e);
  }
  function truth(e: Expr): boolean {
    switch (e.kind) {
      case 'literal':
        return e.value === true;
      case 'field':
        return value(e) === true;
      case 'not':
        return !truth(e.operand);
      case 'logic':
        return e.op === 'and' ? truth(e.left) && truth(e.right) : truth(e.left) || truth(e.right);
      case 'compare': {
        const l = value(e.left);
        const r = value(e.right);
        if (l === MISSING || r === MISSING) return false;
        switch (e.op) {
          case '==':
            return l === r;
          case '!=':
            return l !== r;
          case '<':
            return (l as number) < (r as number);
          case '<=':
            return (l as number) <= (r as number);
          case '>':
            return (l as number) > (r as number);
          case '>=':
            return (l as number) >= (r as number);
        }
        return false;
      }
      case 'in': {
        const v = value(e.operand);
        if (v === MISSING) return false;
        const found = e.list.some((item) => item.value === v);
        return e.negated ? !found : found;
      }
    }
  }
  return truth(expr);
}
