export { ZAttachment } from './attachment.ts';
export { SEE_ALL_ROLES, type VisibleFlow, visibleDownwardFlow } from './department-visibility.ts';
export {
  bodyToPlainText,
  type DocumentBlock,
  type DocumentBody,
  ZDocumentBlock,
  ZDocumentBody,
} from './document-body.ts';
export { DIRECTIONS, SECRECY_LEVELS, URGENCIES } from './document-vocabulary.ts';
export { type FlowStatisticsLine, flowStatistics } from './flow-statistics.ts';
