export { DocumentRenderError, type DocumentRenderErrorReason } from './errors.ts';
export { CHINA_TIME_ZONE, formatChineseDate, formatSecrecy } from './format.ts';
export { type ImportedDocx, importDocx, numberedHeadingLevel } from './import-docx.ts';
export { GBT9704_LAYOUT } from './layout.ts';
export {
  type PdfBox,
  type PdfLayout,
  type PdfLayoutOptions,
  type PdfLine,
  type PdfPage,
  type PdfWord,
  parseBboxLayout,
  readPdfLayout,
} from './pdf-layout.ts';
export { renderOfficialDocx } from './render-docx.ts';
export {
  createGbt9704Renderer,
  type Gbt9704Renderer,
  type Gbt9704RendererOptions,
  validateOfficialDocument,
} from './renderer.ts';
export { findSealAnchor, ROW_PT } from './seal-anchor.ts';
export { convertDocxToPdf, FONTCONFIG_FILE, type SofficeOptions } from './soffice.ts';
export { loadTemplateDocx } from './template.ts';
export { buildTemplateData, type TemplateData, textWidthInChars } from './template-data.ts';
