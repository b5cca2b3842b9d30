import { PDFArray, type PDFContext, PDFDict, PDFName, type PDFObject, PDFRef } from 'pdf-lib';
import { pdfObjectBytes } from '../pdf-bytes.ts';

const same = (a: PDFObject | undefined, b: PDFObject | undefined): boolean =>
  a === b || (!!a && !!b && Buffer.from(pdfObjectBytes(a)).equals(pdfObjectBytes(b)));

/** True when `item` (in the newer revision) is a signature field widget with a signature value. */
function isSignatureWidget(ctx: PDFContext, item: PDFObject): boolean {
  const dict = ctx.lookupMaybe(item, PDFDict);
  if (!dict) return false;
  const ft = dict.get(PDFName.of('FT'));
  const sig = ctx.lookupMaybe(dict.get(PDFName.of('V')), PDFDict);
  return ft === PDFName.of('Sig') && !!sig && sig.has(PDFName.of('ByteRange'));
}

/**
 * Compares two revisions of a PDF and lists every change other than those a later seal makes:
 * a signature widget appended to a page's /Annots and to the AcroForm's /Fields, /SigFlags,
 * and new objects that only those reference.
 */
export function changesBesidesSeals(older: PDFContext, newer: PDFContext): string[] {
  const problems: string[] = [];
  const grows = (a: PDFObject | undefined, b: PDFObject | undefined): boolean => {
    const oldArr = a ? older.lookupMaybe(a, PDFArray) : undefined;
    const newArr = b ? newer.lookupMaybe(b, PDFArray) : undefined;
    if (!newArr) return !oldArr;
    const before = oldArr?.asArray() ?? [];
    const after = newArr.asArray();
    if (after.length < before.length) return false;
    if (!before.every((item, i) => same(item, after[i]))) return false;
    const added = after.slice(before.length);
    return added.every((item) => isSignatureWidget(newer, item));
  };
  const compareDict = (a: PDFDict, b: PDFDict, where: string): void => {
    const keys = new Set([...a.keys(), ...b.keys()].map((k) => k.asString()));
    for (const key of keys) {
      const name = PDFName.of(key.slice(1));
      const va = a.get(name);
      const vb = b.get(name);
      if (same(va, vb)) continue;
      if (key === '/Annots' || key === '/Fields') {
        if (!grows(va, vb)) problems.push(`${where} 的 ${key} 被改动`);
      } else if (key === '/SigFlags') {
        // Set by every sealing.
      } else if (key === '/AcroForm') {
        const da = va ? older.lookupMaybe(va, PDFDict) : undefined;
        const db = vb ? newer.lookupMaybe(vb, PDFDict) : undefined;
        if (!db) problems.push(`${where} 的 /AcroForm 被删除`);
        else compareDict(da ?? older.obj({}), db, 'AcroForm');
      } else {
        problems.push(`${where} 的 ${key} 被改动`);
      }
    }
  };
  for (const [ref, oldObj] of older.enumerateIndirectObjects()) {
    const newObj = newer.lookup(ref);
    if (same(oldObj, newObj)) continue;
    const where = `对象 ${ref.objectNumber} ${ref.generationNumber}`;
    if (oldObj instanceof PDFDict && newObj instanceof PDFDict) compareDict(oldObj, newObj, where);
    else if (oldObj instanceof PDFArray && newObj instanceof PDFArray) {
      if (!grows(PDFRef.of(ref.objectNumber, ref.generationNumber), newObj)) {
        problems.push(`${where} 被改动`);
      }
    } else problems.push(`${where} 被改动或删除`);
  }
  return problems;
}
