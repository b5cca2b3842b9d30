import {
  type DocumentRenderer,
  type OfficialDocument,
  type RenderedPdf,
  ValidationFailed,
  ZDocumentBody,
} from '@gongwen/core';
import { formatChineseDate } from './format.ts';
import { readPdfLayout } from './pdf-layout.ts';
import { createLimiter } from './process.ts';
import { renderOfficialDocx } from './render-docx.ts';
import { findSealAnchor } from './seal-anchor.ts';
import { convertDocxToPdf } from './soffice.ts';

/** Options of `createGbt9704Renderer`. */
export interface Gbt9704RendererOptions {
  /** How many LibreOffice conversions may run at once; default 2. */
  concurrency?: number;
  /** The soffice executable; default "soffice". */
  soffice?: string;
  /** The pdftotext executable used to find the seal anchor; default "pdftotext". */
  pdftotext?: string;
  /** Kill one conversion after this many milliseconds; default 60 000. */
  timeoutMs?: number;
  /** Where per-run temporary folders go; default the OS temp dir. */
  tempDir?: string;
  /** IANA zone in which 成文日期 and 印发日期 are read; default Asia/Shanghai. */
  timeZone?: string;
}

/** The GB/T 9704 renderer: the `DocumentRenderer` port plus a converter for any .docx. */
export interface Gbt9704Renderer extends DocumentRenderer {
  /** Converts any .docx (e.g. an uploaded draft) to PDF, under the same concurrency limit. */
  convertDocx(docx: Uint8Array): Promise<Uint8Array>;
}

/** Checks the parts the template cannot do without; throws `ValidationFailed` in Chinese. */
export function validateOfficialDocument(doc: OfficialDocument): void {
  const issues: { path: string; message: string }[] = [];
  const required: Array<[keyof OfficialDocument, string]> = [
    ['issuerMark', '发文机关标志不能为空'],
    ['title', '标题不能为空'],
    ['signatureName', '发文机关署名不能为空'],
    ['printer', '印发机关不能为空'],
  ];
  for (const [key, message] of required) {
    const value = doc[key];
    if (typeof value !== 'string' || value.trim() === '') issues.push({ path: key, message });
  }
  for (const key of ['date', 'printDate'] as const) {
    if (!(doc[key] instanceof Date) || Number.isNaN(doc[key].getTime())) {
      issues.push({ path: key, message: key === 'date' ? '成文日期无效' : '印发日期无效' });
    }
  }
  if (doc.secrecy && !doc.copyNumber?.trim()) {
    issues.push({ path: 'copyNumber', message: '涉密公文必须标注份号' });
  }
  const body = ZDocumentBody.safeParse(doc.body);
  if (!body.success) {
    for (const issue of body.error.issues) {
      issues.push({ path: ['body', ...issue.path].join('.'), message: issue.message });
    }
  }
  if (issues.length > 0) {
    throw new ValidationFailed(issues.map((i) => i.message).join('；'), { issues });
  }
}

/**
 * Creates the reference `DocumentRenderer`: .docx from the GB/T 9704 template with
 * docx-templates, PDF through LibreOffice headless (at most `concurrency` at once), and the
 * seal anchor measured on the PDF with pdftotext.
 */
export function createGbt9704Renderer(options: Gbt9704RendererOptions = {}): Gbt9704Renderer {
  const limit = createLimiter(options.concurrency ?? 2);
  const dataOptions = options.timeZone ? { timeZone: options.timeZone } : {};
  const sofficeOptions = {
    ...(options.soffice ? { command: options.soffice } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.tempDir ? { tempDir: options.tempDir } : {}),
  };
  const convertDocx = (docx: Uint8Array) => limit(() => convertDocxToPdf(docx, sofficeOptions));

  const renderDocx = async (doc: OfficialDocument): Promise<Uint8Array> => {
    validateOfficialDocument(doc);
    return renderOfficialDocx(doc, dataOptions);
  };

  const renderPdf = async (doc: OfficialDocument): Promise<RenderedPdf> => {
    const docx = await renderDocx(doc);
    const pdf = await convertDocx(docx);
    const layout = await readPdfLayout(
      pdf,
      options.pdftotext ? { command: options.pdftotext } : {},
    );
    const sealAnchor = findSealAnchor(
      layout,
      doc.signatureName,
      formatChineseDate(doc.date, options.timeZone),
    );
    return { pdf, pageCount: layout.pages.length, sealAnchor };
  };

  return { renderDocx, renderPdf, convertDocx };
}
