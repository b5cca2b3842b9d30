import { NotPermitted } from '../../errors.ts';
import type { DocumentRenderer, OfficialDocument } from '../../ports/document-renderer.ts';
import type { Sealer, SealRequest } from '../../ports/sealer.ts';

/**
 * FAKES for tests of the seal service only. Core has no PDF library: the real renderer is
 * `createGbt9704Renderer` (@gongwen/documents) and the real sealer is @gongwen/seal, each
 * tested in its own package against its port. These fakes record what the service asked
 * for and return marked bytes, so the tests can check the service's wiring, not PDF output.
 */
export function fakeRenderer() {
  const calls: OfficialDocument[] = [];
  const renderer: DocumentRenderer = {
    async renderDocx(doc) {
      calls.push(doc);
      return new TextEncoder().encode(`FAKE-DOCX ${doc.docNumber ?? ''}`);
    },
    async renderPdf(doc) {
      calls.push(doc);
      return {
        pdf: new TextEncoder().encode(`FAKE-PDF ${doc.docNumber ?? ''} ${doc.title}`),
        pageCount: 3,
        sealAnchor: { page: 2, x: 400, y: 180 },
      };
    },
  };
  return { renderer, calls };
}

/** A FAKE sealer: checks the PIN, appends a marker, records each request. */
export function fakeSealer(opts: { pin: string; at: Date }) {
  const calls: SealRequest[] = [];
  const sealer: Sealer = {
    async seal(req) {
      calls.push(req);
      if (req.pin !== opts.pin) throw new NotPermitted('印章口令错误');
      const marker = new TextEncoder().encode(` FAKE-SEAL ${req.sealId}`);
      const pdf = new Uint8Array(req.pdf.length + marker.length);
      pdf.set(req.pdf);
      pdf.set(marker, req.pdf.length);
      return { pdf, sealedAt: opts.at, certificateSerial: '0a1b2c', signerName: '示例县人民政府' };
    },
    async verify() {
      return [];
    },
  };
  return { sealer, calls };
}
