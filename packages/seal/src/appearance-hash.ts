import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { type PDFContext, PDFDict, PDFName, type PDFObject, PDFRawStream, PDFRef } from 'pdf-lib';

function streamOf(ctx: PDFContext, obj: PDFObject | undefined): PDFRawStream | null {
  const resolved = obj instanceof PDFRef ? ctx.lookup(obj) : obj;
  return resolved instanceof PDFRawStream ? resolved : null;
}

function decoded(stream: PDFRawStream): Uint8Array {
  const filter = stream.dict.get(PDFName.of('Filter'));
  if (filter === PDFName.of('FlateDecode')) return inflateSync(stream.contents);
  return stream.contents;
}

/**
 * SHA-256 (hex) of a seal's visible image: the decoded appearance stream followed by the raw
 * bytes of every image or form it draws (by resource name order). Null when there is none.
 */
export function appearanceSha256(
  ctx: PDFContext,
  appearance: PDFObject | undefined,
): string | null {
  const stream = streamOf(ctx, appearance);
  if (!stream) return null;
  const hash = createHash('sha256').update(decoded(stream));
  const resources = ctx.lookupMaybe(stream.dict.get(PDFName.of('Resources')), PDFDict);
  const xobjects = resources && ctx.lookupMaybe(resources.get(PDFName.of('XObject')), PDFDict);
  if (xobjects) {
    const names = xobjects.keys().sort((a, b) => a.asString().localeCompare(b.asString()));
    for (const name of names) {
      const inner = streamOf(ctx, xobjects.get(name));
      if (inner) hash.update(inner.contents);
    }
  }
  return hash.digest('hex');
}
