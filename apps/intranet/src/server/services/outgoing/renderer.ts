import type { DocumentRenderer, OfficialDocument } from '@gongwen/core';
import { createGbt9704Renderer, type Gbt9704Renderer } from '@gongwen/documents';

const globalForRenderer = globalThis as typeof globalThis & { __gongwenRenderer?: Gbt9704Renderer };

/**
 * The process-wide GB/T 9704 renderer (LibreOffice headless, at most two conversions at once,
 * so that previews of many users queue rather than start dozens of soffice processes).
 */
export function outgoingRenderer(): Gbt9704Renderer {
  globalForRenderer.__gongwenRenderer ??= createGbt9704Renderer({ concurrency: 2 });
  return globalForRenderer.__gongwenRenderer;
}

/** 份号 printed on the master copy of a classified document (GB/T 9704 §7.2.1 requires one). */
export const MASTER_COPY_NUMBER = '000001';

/** The document as it is printed: a classified document carries the master copy's 份号. */
export function withCopyNumber(doc: OfficialDocument): OfficialDocument {
  return doc.secrecy && !doc.copyNumber ? { ...doc, copyNumber: MASTER_COPY_NUMBER } : doc;
}

/** A renderer that prints the master 份号 on classified documents, over `inner`. */
export function printingRenderer(inner: DocumentRenderer): DocumentRenderer {
  return {
    renderDocx: (doc) => inner.renderDocx(withCopyNumber(doc)),
    renderPdf: (doc) => inner.renderPdf(withCopyNumber(doc)),
  };
}
