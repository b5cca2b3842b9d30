import { z } from 'zod';

/**
 * The JSON format of an administrator-authored flow (自定义工作流程). Validated by
 * `validateFlowDefinition`; compiled by `defineCustomWorkflow`. See docs/workflows/custom.md.
 */

const ZId = z
  .string({ message: '编号须为文字' })
  .regex(
    /^[a-z][a-z0-9_]{0,39}$/,
    '编号须以小写字母开头，只含小写字母、数字和下划线（至多40个字符）',
  );
const ZName = z
  .string({ message: '请填写名称' })
  .trim()
  .min(1, '请填写名称')
  .max(50, '名称不能超过50字');

/** Who handles a node (处理人规则). */
export const ZAssigneeSpec = z.discriminatedUnion(
  'kind',
  [
    /** 指定人员 */
    z.object({ kind: z.literal('user'), userId: z.string().min(1) }),
    /** 指定多人 (countersign members, cc readers) */
    z.object({
      kind: z.literal('users'),
      userIds: z.array(z.string().min(1)).min(1, '请选择人员'),
    }),
    /** 角色, optionally within one department */
    z.object({
      kind: z.literal('role'),
      role: z.string().min(1),
      departmentId: z.string().min(1).optional(),
    }),
    /** 部门负责人 of a named department, or of the starter's department when omitted */
    z.object({ kind: z.literal('departmentHead'), departmentId: z.string().min(1).optional() }),
    /** 发起人的直接上级 (levels 1), or N levels up */
    z.object({ kind: z.literal('superior'), levels: z.number().int().min(1).max(5).default(1) }),
    /** 发起人所在部门的分管领导: the nearest holder of the `leader` role up the starter's superior chain */
    z.object({ kind: z.literal('supervisingLeader') }),
    /** 表单字段的值: a user field (or user list), or a department field (its head) */
    z.object({ kind: z.literal('field'), field: z.string().min(1) }),
    /** 上一环节处理人 */
    z.object({ kind: z.literal('previous') }),
    /** 发起人 */
    z.object({ kind: z.literal('starter') }),
  ],
  { message: '处理人规则不正确' },
);
/** Who handles a node. */
export type AssigneeSpec = z.infer<typeof ZAssigneeSpec>;

/** Actions a handler may take at a node. */
export const NODE_ACTIONS = ['approve', 'return', 'reject', 'transfer', 'addSign'] as const;
/** One of `NODE_ACTIONS`. */
export type NodeAction = (typeof NODE_ACTIONS)[number];

/** Field permission at a node: 可编辑 / 只读 / 隐藏. */
export const ZFieldPermission = z.enum(['editable', 'readonly', 'hidden'], {
  message: '字段权限须为 editable、readonly 或 hidden',
});
/** A field's permission at a node (editable, readonly or hidden), the output of `ZFieldPermission`. */
export type FieldPermission = z.infer<typeof ZFieldPermission>;

/** 办理时限 in working days, with automatic 催办 after it (and every `remindEvery` days after). */
export const ZDeadline = z.object({
  workingDays: z.number().int().min(1, '时限至少1个工作日').max(365, '时限不能超过365个工作日'),
  remindEvery: z.number().int().min(1).max(30).optional(),
});

const common = {
  id: ZId,
  name: ZName,
  /** Per-field permissions at this node; unlisted fields are read-only (editable at the start node). */
  fields: z.record(z.string(), ZFieldPermission).optional(),
};
const userNode = {
  ...common,
  assignee: ZAssigneeSpec,
  actions: z.array(z.enum(NODE_ACTIONS, { message: '未知的操作' })).optional(),
  deadline: ZDeadline.optional(),
};

/** A node (节点). */
export const ZFlowNode = z.discriminatedUnion(
  'type',
  [
    /** 开始: the starter fills in the form and 提交. */
    z.object({ ...common, type: z.literal('start') }),
    /** 审批 */
    z.object({ ...userNode, type: z.literal('approve') }),
    /** 办理 */
    z.object({ ...userNode, type: z.literal('handle') }),
    /** 会签 */
    z.object({
      ...userNode,
      type: z.literal('countersign'),
      mode: z.enum(['sequential', 'parallel'], { message: '会签方式须为 sequential 或 parallel' }),
      pass: z.discriminatedUnion(
        'rule',
        [
          z.object({ rule: z.literal('all') }),
          z.object({ rule: z.literal('any') }),
          z.object({
            rule: z.literal('percent'),
            value: z.number().int().min(1, '比例须在1至100之间').max(100, '比例须在1至100之间'),
          }),
          z.object({ rule: z.literal('count'), value: z.number().int().min(1, '人数至少为1') }),
        ],
        { message: '通过规则须为 all、any、percent 或 count' },
      ),
    }),
    /** 抄送/知会: read-only tasks for the readers; the flow goes straight on. */
    z.object({ ...common, type: z.literal('cc'), assignee: ZAssigneeSpec }),
    /** 结束 */
    z.object({
      ...common,
      type: z.literal('end'),
      outcome: z.enum(['approved', 'rejected', 'done']).default('done'),
    }),
  ],
  { message: '节点类型须为 start、approve、handle、countersign、cc 或 end' },
);
/** A node of a custom flow, the output of `ZFlowNode`. */
export type FlowNode = z.infer<typeof ZFlowNode>;
/** Nodes people act at. */
export type UserNode = Extract<FlowNode, { type: 'approve' | 'handle' | 'countersign' }>;

/** An edge (连线), with an optional condition on form fields. */
export const ZFlowEdge = z.object({
  id: ZId,
  from: z.string().min(1, '请填写起点'),
  to: z.string().min(1, '请填写终点'),
  /** A condition in the flow expression language; the edge without one is the default branch. */
  condition: z.string().trim().min(1, '条件不能为空').max(500).optional(),
  label: z.string().max(50).optional(),
});
/** An edge (连线) of a custom flow, the output of `ZFlowEdge`. */
export type FlowEdge = z.infer<typeof ZFlowEdge>;

/** A form field as JSON Schema (the subset custom flows support). */
export const ZFieldSchema: z.ZodType<FieldSchema> = z.lazy(() =>
  z.object({
    type: z.enum(['string', 'number', 'integer', 'boolean', 'array'], {
      message: '字段类型须为 string、number、integer、boolean 或 array',
    }),
    title: z.string().max(50).optional(),
    description: z.string().max(500).optional(),
    enum: z
      .array(z.union([z.string(), z.number()]))
      .min(1)
      .optional(),
    minimum: z.number().optional(),
    maximum: z.number().optional(),
    minLength: z.number().int().min(0).optional(),
    maxLength: z.number().int().min(1).optional(),
    format: z
      .enum(['date', 'user', 'department'], { message: '格式须为 date、user 或 department' })
      .optional(),
    items: ZFieldSchema.optional(),
    maxItems: z.number().int().min(1).optional(),
    default: z.unknown().optional(),
  }),
);
/** A form field as JSON Schema. */
export interface FieldSchema {
  type: 'string' | 'number' | 'integer' | 'boolean' | 'array';
  title?: string | undefined;
  description?: string | undefined;
  enum?: Array<string | number> | undefined;
  minimum?: number | undefined;
  maximum?: number | undefined;
  minLength?: number | undefined;
  maxLength?: number | undefined;
  format?: 'date' | 'user' | 'department' | undefined;
  items?: FieldSchema | undefined;
  maxItems?: number | undefined;
  default?: unknown;
}

/** The flow's form: JSON Schema (object of fields) plus a UI schema for the renderer. */
export const ZFlowForm = z.object({
  schema: z.object({
    type: z.literal('object', { message: '表单须为 object 类型' }),
    properties: z.record(
      z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,39}$/, '字段名须为字母、数字和下划线'),
      ZFieldSchema,
    ),
    required: z.array(z.string()).default([]),
  }),
  /** UI schema (react-jsonschema-form style: `ui:order`, per-field `ui:widget` …), passed to the renderer as is. */
  ui: z.record(z.string(), z.unknown()).default({}),
});
/** A custom flow's form (JSON Schema subset plus UI schema), the output of `ZFlowForm`. */
export type FlowForm = z.infer<typeof ZFlowForm>;

/** A whole flow definition (流程定义). */
export const ZFlowDefinition = z.object({
  /** Stable key, e.g. `leave`; the workflow name is `flow-<key>`. */
  key: z
    .string()
    .regex(
      /^[a-z][a-z0-9-]{0,29}$/,
      '流程标识须以小写字母开头，只含小写字母、数字和连字符（至多30个字符）',
    ),
  title: ZName,
  description: z.string().max(500).optional(),
  /** The form field whose value titles a case (default: the flow title and the starter). */
  titleField: z.string().optional(),
  /** Who may start it (default: everyone in the unit). */
  starters: ZAssigneeSpec.optional(),
  form: ZFlowForm,
  nodes: z.array(ZFlowNode).min(2, '至少需要开始和结束两个节点').max(500, '节点不能超过500个'),
  edges: z.array(ZFlowEdge).max(2000, '连线不能超过2000条'),
});
/** A flow definition as an administrator writes it (input). */
export type FlowDefinitionInput = z.input<typeof ZFlowDefinition>;
/** A validated flow definition (defaults applied). */
export type FlowDefinition = z.output<typeof ZFlowDefinition>;
