import type { FlowDefinitionInput } from './format.ts';

/**
 * The shipped templates (流程模板) as plain JSON definitions: an administrator copies one,
 * adjusts it and publishes it as a version. Each uses only built-in roles and rules relative to
 * the starter, so it runs in any unit.
 */

/** 请假: ≤3 days 部门负责人; more also 分管领导; then 人事备案 (抄送办公室主任). */
export const LEAVE_TEMPLATE = {
  key: 'leave',
  title: '请假',
  titleField: 'summary',
  form: {
    schema: {
      type: 'object',
      properties: {
        kind: {
          type: 'string',
          title: '假别',
          enum: ['年休假', '事假', '病假', '婚假', '产假', '丧假'],
        },
        startDate: { type: 'string', format: 'date', title: '开始日期' },
        endDate: { type: 'string', format: 'date', title: '结束日期' },
        days: { type: 'number', title: '天数', minimum: 0.5, maximum: 365 },
        summary: { type: 'string', title: '事由摘要', maxLength: 50 },
        reason: { type: 'string', title: '请假事由', maxLength: 500 },
        hrNote: { type: 'string', title: '人事备案意见', maxLength: 200 },
      },
      required: ['kind', 'startDate', 'endDate', 'days', 'summary'],
    },
    ui: {
      'ui:order': ['kind', 'startDate', 'endDate', 'days', 'summary', 'reason', 'hrNote'],
      reason: { 'ui:widget': 'textarea' },
    },
  },
  nodes: [
    { id: 'apply', type: 'start', name: '填写请假单', fields: { hrNote: 'hidden' } },
    {
      id: 'dept',
      type: 'approve',
      name: '部门负责人审批',
      assignee: { kind: 'departmentHead' },
      deadline: { workingDays: 2, remindEvery: 1 },
      actions: ['approve', 'return', 'reject', 'transfer'],
      fields: { hrNote: 'hidden' },
    },
    {
      id: 'leader',
      type: 'approve',
      name: '分管领导审批',
      assignee: { kind: 'supervisingLeader' },
      deadline: { workingDays: 2 },
      fields: { hrNote: 'hidden' },
    },
    {
      id: 'hr',
      type: 'cc',
      name: '人事备案',
      assignee: { kind: 'role', role: 'officeDirector' },
    },
    { id: 'end', type: 'end', name: '已批准', outcome: 'approved' },
  ],
  edges: [
    { id: 'submit', from: 'apply', to: 'dept' },
    { id: 'long', from: 'dept', to: 'leader', condition: 'days > 3', label: '超过3天' },
    { id: 'short', from: 'dept', to: 'hr', label: '3天以内' },
    { id: 'leader_ok', from: 'leader', to: 'hr' },
    { id: 'filed', from: 'hr', to: 'end' },
  ],
} satisfies FlowDefinitionInput;

/** 接待申请: 部门负责人; over 5000 元 also 办公室主任; the secretariat arranges it. */
export const RECEPTION_TEMPLATE = {
  key: 'reception',
  title: '接待申请',
  titleField: 'guestUnit',
  form: {
    schema: {
      type: 'object',
      properties: {
        guestUnit: { type: 'string', title: '来访单位', maxLength: 100 },
        guests: { type: 'integer', title: '来访人数', minimum: 1, maximum: 500 },
        date: { type: 'string', format: 'date', title: '接待日期' },
        standard: { type: 'string', title: '接待标准', enum: ['工作餐', '标准接待', '不安排用餐'] },
        budget: { type: 'number', title: '预算（元）', minimum: 0 },
        purpose: { type: 'string', title: '来访事由', maxLength: 500 },
        arrangement: { type: 'string', title: '接待安排', maxLength: 500 },
      },
      required: ['guestUnit', 'guests', 'date', 'standard', 'budget', 'arrangement'],
    },
    ui: { purpose: { 'ui:widget': 'textarea' }, arrangement: { 'ui:widget': 'textarea' } },
  },
  nodes: [
    { id: 'apply', type: 'start', name: '填写接待申请', fields: { arrangement: 'hidden' } },
    { id: 'dept', type: 'approve', name: '部门负责人审批', assignee: { kind: 'departmentHead' } },
    {
      id: 'office',
      type: 'approve',
      name: '办公室主任审批',
      assignee: { kind: 'role', role: 'officeDirector' },
    },
    {
      id: 'arrange',
      type: 'handle',
      name: '办公室安排接待',
      assignee: { kind: 'role', role: 'secretary' },
      fields: { arrangement: 'editable' },
      deadline: { workingDays: 1 },
    },
    { id: 'end', type: 'end', name: '已安排', outcome: 'approved' },
  ],
  edges: [
    { id: 'submit', from: 'apply', to: 'dept' },
    { id: 'costly', from: 'dept', to: 'office', condition: 'budget > 5000' },
    { id: 'cheap', from: 'dept', to: 'arrange' },
    { id: 'office_ok', from: 'office', to: 'arrange' },
    { id: 'done', from: 'arrange', to: 'end' },
  ],
} satisfies FlowDefinitionInput;

/** 用车申请: 部门负责人, then the secretariat dispatches (派车) a vehicle and driver. */
export const VEHICLE_TEMPLATE = {
  key: 'vehicle',
  title: '用车申请',
  titleField: 'destination',
  form: {
    schema: {
      type: 'object',
      properties: {
        date: { type: 'string', format: 'date', title: '用车日期' },
        destination: { type: 'string', title: '目的地', maxLength: 100 },
        passengers: { type: 'integer', title: '乘车人数', minimum: 1, maximum: 50 },
        outOfCounty: { type: 'boolean', title: '是否出县' },
        reason: { type: 'string', title: '用车事由', maxLength: 500 },
        plate: { type: 'string', title: '派车车牌', maxLength: 20 },
        driver: { type: 'string', title: '驾驶员', maxLength: 20 },
      },
      required: ['date', 'destination', 'passengers', 'outOfCounty', 'plate', 'driver'],
    },
    ui: {},
  },
  nodes: [
    {
      id: 'apply',
      type: 'start',
      name: '填写用车申请',
      fields: { plate: 'readonly', driver: 'readonly' },
    },
    { id: 'dept', type: 'approve', name: '部门负责人审批', assignee: { kind: 'departmentHead' } },
    {
      id: 'leader',
      type: 'approve',
      name: '分管领导审批（出县用车）',
      assignee: { kind: 'supervisingLeader' },
    },
    {
      id: 'dispatch',
      type: 'handle',
      name: '派车',
      assignee: { kind: 'role', role: 'secretary' },
      fields: { plate: 'editable', driver: 'editable' },
      actions: ['approve', 'return', 'transfer'],
    },
    { id: 'end', type: 'end', name: '已派车', outcome: 'approved' },
  ],
  edges: [
    { id: 'submit', from: 'apply', to: 'dept' },
    { id: 'far', from: 'dept', to: 'leader', condition: 'outOfCounty == true' },
    { id: 'near', from: 'dept', to: 'dispatch' },
    { id: 'leader_ok', from: 'leader', to: 'dispatch' },
    { id: 'done', from: 'dispatch', to: 'end' },
  ],
} satisfies FlowDefinitionInput;

/** 物品申领: 部门负责人; 1000 元 and more also 分管领导; the secretariat hands out. */
export const SUPPLIES_TEMPLATE = {
  key: 'supplies',
  title: '物品申领',
  titleField: 'items',
  form: {
    schema: {
      type: 'object',
      properties: {
        items: { type: 'string', title: '物品名称', maxLength: 200 },
        quantity: { type: 'integer', title: '数量', minimum: 1, maximum: 10000 },
        amount: { type: 'number', title: '金额（元）', minimum: 0 },
        category: { type: 'string', title: '类别', enum: ['办公用品', '耗材', '设备'] },
        purpose: { type: 'string', title: '用途', maxLength: 500 },
      },
      required: ['items', 'quantity', 'amount', 'category'],
    },
    ui: {},
  },
  nodes: [
    { id: 'apply', type: 'start', name: '填写申领单' },
    { id: 'dept', type: 'approve', name: '部门负责人审批', assignee: { kind: 'departmentHead' } },
    {
      id: 'leader',
      type: 'approve',
      name: '分管领导审批',
      assignee: { kind: 'supervisingLeader' },
    },
    {
      id: 'issue',
      type: 'handle',
      name: '物品发放',
      assignee: { kind: 'role', role: 'secretary' },
      actions: ['approve', 'return', 'addSign'],
    },
    { id: 'end', type: 'end', name: '已发放', outcome: 'approved' },
  ],
  edges: [
    { id: 'submit', from: 'apply', to: 'dept' },
    { id: 'big', from: 'dept', to: 'leader', condition: 'amount >= 1000 or category in ["设备"]' },
    { id: 'small', from: 'dept', to: 'issue' },
    { id: 'leader_ok', from: 'leader', to: 'issue' },
    { id: 'done', from: 'issue', to: 'end' },
  ],
} satisfies FlowDefinitionInput;

/** 工作请示: 部门负责人 审核, 领导会签 (half of the leaders must agree), the office handles it. */
export const REQUEST_TEMPLATE = {
  key: 'request',
  title: '工作请示',
  titleField: 'subject',
  form: {
    schema: {
      type: 'object',
      properties: {
        subject: { type: 'string', title: '请示事项', maxLength: 100 },
        content: { type: 'string', title: '请示内容', maxLength: 5000 },
        urgent: { type: 'boolean', title: '是否紧急' },
        result: { type: 'string', title: '办理结果', maxLength: 1000 },
      },
      required: ['subject', 'content', 'result'],
    },
    ui: { content: { 'ui:widget': 'textarea' } },
  },
  nodes: [
    { id: 'draft', type: 'start', name: '拟写请示', fields: { result: 'hidden' } },
    { id: 'check', type: 'approve', name: '部门负责人审核', assignee: { kind: 'departmentHead' } },
    {
      id: 'sign',
      type: 'countersign',
      name: '领导会签',
      assignee: { kind: 'role', role: 'leader' },
      mode: 'parallel',
      pass: { rule: 'percent', value: 50 },
      actions: ['approve', 'reject', 'return'],
      deadline: { workingDays: 3 },
    },
    {
      id: 'handle',
      type: 'handle',
      name: '办公室办理',
      assignee: { kind: 'role', role: 'officeDirector' },
      fields: { result: 'editable' },
    },
    { id: 'end', type: 'end', name: '办结', outcome: 'approved' },
  ],
  edges: [
    { id: 'submit', from: 'draft', to: 'check' },
    { id: 'checked', from: 'check', to: 'sign' },
    { id: 'signed', from: 'sign', to: 'handle' },
    { id: 'done', from: 'handle', to: 'end' },
  ],
} satisfies FlowDefinitionInput;

/** 值班调换: the substitute agrees, the department head approves, the office is told. */
export const DUTY_SWAP_TEMPLATE = {
  key: 'duty-swap',
  title: '值班调换',
  titleField: 'dutyDate',
  form: {
    schema: {
      type: 'object',
      properties: {
        dutyDate: { type: 'string', format: 'date', title: '原值班日期' },
        swapDate: { type: 'string', format: 'date', title: '调换至' },
        substitute: { type: 'string', format: 'user', title: '替班人' },
        reason: { type: 'string', title: '调换原因', maxLength: 500 },
      },
      required: ['dutyDate', 'swapDate', 'substitute', 'reason'],
    },
    ui: { substitute: { 'ui:widget': 'user-picker' } },
  },
  nodes: [
    { id: 'apply', type: 'start', name: '填写调换申请' },
    {
      id: 'confirm',
      type: 'handle',
      name: '替班人确认',
      assignee: { kind: 'field', field: 'substitute' },
      actions: ['approve', 'reject'],
    },
    { id: 'dept', type: 'approve', name: '部门负责人审批', assignee: { kind: 'departmentHead' } },
    {
      id: 'office',
      type: 'cc',
      name: '值班表更新（知会秘书科）',
      assignee: { kind: 'role', role: 'secretary' },
    },
    { id: 'end', type: 'end', name: '已调换', outcome: 'approved' },
  ],
  edges: [
    { id: 'submit', from: 'apply', to: 'confirm' },
    { id: 'confirmed', from: 'confirm', to: 'dept' },
    { id: 'approved', from: 'dept', to: 'office' },
    { id: 'told', from: 'office', to: 'end' },
  ],
} satisfies FlowDefinitionInput;

/** The six shipped templates by key. */
export const FLOW_TEMPLATES: Readonly<Record<string, FlowDefinitionInput>> = {
  leave: LEAVE_TEMPLATE,
  reception: RECEPTION_TEMPLATE,
  vehicle: VEHICLE_TEMPLATE,
  supplies: SUPPLIES_TEMPLATE,
  request: REQUEST_TEMPLATE,
  'duty-swap': DUTY_SWAP_TEMPLATE,
};
