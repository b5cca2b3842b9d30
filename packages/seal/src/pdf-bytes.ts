import type { PDFObject } from 'pdf-lib';

/** The bytes pdf-lib writes for `obj` (a whole stream, dictionary, array …). */
export function pdfObjectBytes(obj: PDFObject): Uint8Array {
  const out = new Uint8Array(obj.sizeInBytes());
  obj.copyBytesInto(out, 0);
  return out;
}
