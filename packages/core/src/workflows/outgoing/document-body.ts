// The 正文 shape is shared by every workflow that carries a body; it lives in `../shared/`.
// This path stays for `ports/document-renderer.ts`, which imports the type from here.
export type { DocumentBlock, DocumentBody } from '../shared/document-body.ts';
