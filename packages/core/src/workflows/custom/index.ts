export {
  type CustomFlowContext,
  type CustomFlowEvent,
  type CustomFlowInput,
  type CustomFlowMachine,
  DEADLINE_TIMER_ID,
  type FlowDecision,
  type FlowRead,
  finalStateOf,
  type NodeRun,
  REJECTED_STATE,
  type ResolvedOrg,
  stateOf as flowStateOf,
} from './context.ts';
export { neededVotes, nodeTaskKey, pendingMembers, readTaskKey } from './context-queries.ts';
export { CUSTOM_FLOW_SCHEMAS, nodeActions } from './event-schemas.ts';
export {
  compileExpression as compileCondition,
  type Expr as ConditionExpr,
  ExpressionError as ConditionError,
  type ExprField as ConditionField,
  type ExprType as ConditionType,
  evaluate as evaluateCondition,
  fieldsOf as conditionFields,
  MAX_EXPRESSION_LENGTH as MAX_CONDITION_LENGTH,
  parseExpression as parseCondition,
  tokenize as tokenizeCondition,
  typeCheck as typeCheckCondition,
} from './expression.ts';
export {
  editableFields,
  expressionFields,
  type FormIssue,
  fieldPermission,
  forbiddenWrites,
  formDefaults,
  requiredAt,
  validateFormValues,
  visibleForm,
} from './form.ts';
export {
  type AssigneeSpec,
  type FieldPermission,
  type FieldSchema,
  type FlowDefinition,
  type FlowDefinitionInput,
  type FlowEdge,
  type FlowForm,
  type FlowNode,
  NODE_ACTIONS,
  type NodeAction,
  type UserNode,
  ZAssigneeSpec,
  ZFlowDefinition,
  ZFlowEdge,
  ZFlowNode,
} from './format.ts';
export { loadCustomWorkflows, publishFlowDefinition } from './library.ts';
export { createCustomFlowMachine } from './machine.ts';
export {
  applyFlowMigration,
  type FlowMigrationItem,
  type FlowMigrationPlan,
  type FlowMigrationResult,
  type FlowNodeMapping,
  type PublishedFlow,
  planFlowMigration,
  publishFlowVersion,
} from './migration.ts';
export { resolveFlowOrg } from './org-resolution.ts';
export {
  DUTY_SWAP_TEMPLATE,
  FLOW_TEMPLATES,
  LEAVE_TEMPLATE,
  RECEPTION_TEMPLATE,
  REQUEST_TEMPLATE,
  SUPPLIES_TEMPLATE,
  VEHICLE_TEMPLATE,
} from './templates.ts';
export {
  type FlowIssue,
  type FlowValidation,
  type FlowValidationOptions,
  parseFlowDefinition,
  validateFlowDefinition,
} from './validate.ts';
export { customFlowStatistics, visibleCustomFlow } from './visibility.ts';
export {
  type CustomWorkflow,
  type CustomWorkflowOptions,
  customWorkflowName,
  defineCustomWorkflow,
} from './workflow.ts';
