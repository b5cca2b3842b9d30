import type { ExprField } from './expression.ts';
import type { FieldPermission, FieldSchema, FlowDefinition, FlowNode } from './format.ts';

/** One problem with form values: the field and a Chinese message. */
export interface FormIssue {
  path: string[];
  message: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function validDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The types conditions may compare, per field (arrays cannot be compared). */
export function expressionFields(def: Pick<FlowDefinition, 'form'>): Record<string, ExprField> {
  const out: Record<string, ExprField> = {};
  for (const [name, f] of Object.entries(def.form.schema.properties)) {
    if (f.type === 'array') continue;
    const type =
      f.type === 'number' || f.type === 'integer'
        ? 'number'
        : f.type === 'boolean'
          ? 'boolean'
          : f.format === 'date'
            ? 'date'
            : 'string';
    out[name] = f.enum ? { type, enum: f.enum } : { type };
  }
  return out;
}

/** Checks one value against its field schema; returns Chinese problems. */
function checkValue(
  name: string,
  label: string,
  f: FieldSchema,
  v: unknown,
  path: string[],
): FormIssue[] {
  const issue = (message: string): FormIssue[] => [{ path, message }];
  switch (f.type) {
    case 'string': {
      if (typeof v !== 'string') return issue(`“${label}”须为文字`);
      if (f.minLength !== undefined && v.length < f.minLength)
        return issue(`“${label}”至少${f.minLength}个字`);
      if (f.maxLength !== undefined && v.length > f.maxLength)
        return issue(`“${label}”不能超过${f.maxLength}个字`);
      if (f.format === 'date' && !validDate(v)) return issue(`“${label}”须为日期（如2026-12-01）`);
      if ((f.format === 'user' || f.format === 'department') && !/^[A-Za-z0-9_.:-]{1,64}$/.test(v))
        return issue(`“${label}”的编号格式不正确`);
      break;
    }
    case 'number':
    case 'integer': {
      if (typeof v !== 'number' || !Number.isFinite(v)) return issue(`“${label}”须为数字`);
      if (f.type === 'integer' && !Number.isInteger(v)) return issue(`“${label}”须为整数`);
      if (f.minimum !== undefined && v < f.minimum) return issue(`“${label}”不能小于${f.minimum}`);
      if (f.maximum !== undefined && v > f.maximum) return issue(`“${label}”不能大于${f.maximum}`);
      break;
    }
    case 'boolean':
      if (typeof v !== 'boolean') return issue(`“${label}”须为是或否`);
      break;
    case 'array': {
      if (!Array.isArray(v)) return issue(`“${label}”须为列表`);
      if (f.maxItems !== undefined && v.length > f.maxItems)
        return issue(`“${label}”至多${f.maxItems}项`);
      if (f.items)
        return v.flatMap((item, i) =>
          checkValue(name, label, f.items!, item, [...path, String(i)]),
        );
      break;
    }
  }
  if (f.enum && !f.enum.includes(v as string | number))
    return issue(`“${label}”须为以下之一：${f.enum.join('、')}`);
  return [];
}

/**
 * Validates form values against the flow's JSON Schema subset (types, enum, min/max,
 * minLength/maxLength, format date, maxItems). `required` lists the fields that must be
 * filled now. Unknown fields are refused.
 */
export function validateFormValues(
  def: Pick<FlowDefinition, 'form'>,
  values: Readonly<Record<string, unknown>>,
  required: readonly string[],
): FormIssue[] {
  const props = def.form.schema.properties;
  const issues: FormIssue[] = [];
  for (const [name, v] of Object.entries(values)) {
    const f = props[name];
    if (!f) {
      issues.push({ path: [name], message: `表单没有字段“${name}”` });
      continue;
    }
    if (v === null || v === undefined) continue;
    issues.push(...checkValue(name, f.title ?? name, f, v, [name]));
  }
  for (const name of required) {
    const v = values[name];
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0))
      issues.push({ path: [name], message: `请填写“${props[name]?.title ?? name}”` });
  }
  return issues;
}

/** A field's permission at a node: as listed, else editable at the start node and read-only elsewhere. */
export function fieldPermission(node: FlowNode, field: string): FieldPermission {
  return node.fields?.[field] ?? (node.type === 'start' ? 'editable' : 'readonly');
}

/** The fields a node may write. */
export function editableFields(def: Pick<FlowDefinition, 'form'>, node: FlowNode): string[] {
  return Object.keys(def.form.schema.properties).filter(
    (f) => fieldPermission(node, f) === 'editable',
  );
}

/** The fields required at a node: the schema's required fields that are editable there. */
export function requiredAt(def: Pick<FlowDefinition, 'form'>, node: FlowNode): string[] {
  const editable = new Set(editableFields(def, node));
  return def.form.schema.required.filter((f) => editable.has(f));
}

/**
 * Fields of a payload the node may not write: read-only or hidden there. The engine refuses
 * the action (NotPermitted) when this is not empty.
 */
export function forbiddenWrites(node: FlowNode, written: readonly string[]): string[] {
  return written.filter((f) => fieldPermission(node, f) !== 'editable');
}

/** The form as a handler at `node` may see it: hidden fields removed. */
export function visibleForm(
  node: FlowNode,
  values: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).filter(([f]) => fieldPermission(node, f) !== 'hidden'),
  );
}

/** Default values of the schema (`default` of each field). */
export function formDefaults(def: Pick<FlowDefinition, 'form'>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, f] of Object.entries(def.form.schema.properties))
    if (f.default !== undefined) out[name] = f.default;
  return out;
}
