import { createHash } from 'node:crypto';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFRef,
} from 'pdf-lib';
import { appearanceSha256 } from './appearance-hash.ts';
import { buildDetachedCms } from './cms.ts';
import { pdfObjectBytes } from './pdf-bytes.ts';
import { type RoundSealDesign, roundSealContent } from './seal-image.ts';
import type { SealSigner } from './signer.ts';

/** The visible seal: a generated round seal or an uploaded PNG (kept with its transparency). */
export type SealAppearance =
  | ({ kind: 'round' } & RoundSealDesign)
  | { kind: 'png'; png: Uint8Array };

/** Where the seal goes: 0-based page and centre in PDF points; size is the diameter. */
export interface PdfPlacement {
  page: number;
  x: number;
  y: number;
  size?: number;
}

/** Options of one sealing. */
export interface SealPdfOptions {
  signer: SealSigner;
  placement: PdfPlacement;
  appearance: SealAppearance;
  signingTime: Date;
  reason?: string;
  /** Bytes reserved for the CMS (default 16 KiB). */
  reserve?: number;
}

/** The sealed file and what went into it. */
export interface SealedPdf {
  pdf: Uint8Array;
  certificates: Uint8Array[];
  imageSha256: string | null;
  fieldName: string;
}

/** 42 mm, the diameter of a GB/T 9704 unit seal, in points. */
export const DEFAULT_SEAL_SIZE = (42 / 25.4) * 72;

const latin1 = (s: string): Uint8Array => Buffer.from(s, 'latin1');

function pdfDate(d: Date): string {
  return `D:${d.toISOString().slice(0, 19).replace(/[-T:]/g, '')}Z`;
}

/** Offset given by the last `startxref` of the file (where the previous xref section starts). */
function lastStartXref(bytes: Uint8Array): number {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
  const all = [...tail.matchAll(/startxref\s+(\d+)/g)];
  const last = all[all.length - 1];
  if (!last) throw new Error('PDF has no startxref');
  return Number(last[1]);
}

/** The xref table of an update: one subsection per run of consecutive object numbers. */
function xrefTable(entries: Array<{ num: number; offset: number }>): string {
  const sorted = [...entries].sort((a, b) => a.num - b.num);
  let out = 'xref\n0 1\n0000000000 65535 f \n';
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1]!.num === sorted[j]!.num + 1) j++;
    out += `${sorted[i]!.num} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) out += `${String(sorted[k]!.offset).padStart(10, '0')} 00000 n \n`;
    i = j + 1;
  }
  return out;
}

/**
 * Seals `pdf` with an incremental update: a signature field whose widget shows the seal at the
 * placement, and a detached CMS whose ByteRange covers the whole file except its own Contents.
 * Earlier revisions (and earlier seals) are left byte for byte as they were.
 */
export async function sealPdf(pdf: Uint8Array, options: SealPdfOptions): Promise<SealedPdf> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const ctx = doc.context;
  const pages = doc.getPages();
  const page = pages[options.placement.page];
  if (!page) throw new RangeError(`page ${options.placement.page} does not exist`);
  const size = options.placement.size ?? DEFAULT_SEAL_SIZE;
  const { x, y } = options.placement;
  const catalog = doc.catalog;
  const rootRef = ctx.trailerInfo.Root;
  if (!(rootRef instanceof PDFRef)) throw new Error('PDF trailer has no /Root reference');

  const firstNew = ctx.largestObjectNumber + 1;
  const changed = new Map<PDFRef, PDFObject>();

  // Appearance (the seal image) as a form XObject in a size×size box.
  let apRef: PDFRef;
  if (options.appearance.kind === 'png') {
    const image = await doc.embedPng(options.appearance.png);
    await image.embed();
    apRef = ctx.register(
      ctx.flateStream(`q ${size} 0 0 ${size} 0 0 cm /Im0 Do Q`, {
        Type: 'XObject',
        Subtype: 'Form',
        BBox: [0, 0, size, size],
        Resources: { XObject: { Im0: image.ref } },
      }),
    );
  } else {
    apRef = ctx.register(
      ctx.flateStream(roundSealContent(options.appearance, size), {
        Type: 'XObject',
        Subtype: 'Form',
        BBox: [0, 0, size, size],
        Resources: {},
      }),
    );
  }

  const sigRef = ctx.nextRef();
  const fieldName = `GongwenSeal${sigRef.objectNumber}`;
  const widgetRef = ctx.register(
    ctx.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      T: PDFHexString.fromText(fieldName),
      V: sigRef,
      F: 132,
      Rect: [x - size / 2, y - size / 2, x + size / 2, y + size / 2],
      P: page.ref,
      AP: { N: apRef },
    }),
  );

  // The page gains the widget in /Annots.
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  const newAnnots = ctx.obj([...(annots?.asArray() ?? []), widgetRef]);
  page.node.set(PDFName.of('Annots'), newAnnots);
  changed.set(page.ref, page.node);

  // The AcroForm gains the field; SigFlags 3 = SignaturesExist | AppendOnly.
  const acroFormEntry = catalog.get(PDFName.of('AcroForm'));
  const acroForm =
    (acroFormEntry && ctx.lookupMaybe(acroFormEntry, PDFDict)) ?? ctx.obj({ Fields: [] });
  const fields = ctx.lookupMaybe(acroForm.get(PDFName.of('Fields')), PDFArray);
  acroForm.set(PDFName.of('Fields'), ctx.obj([...(fields?.asArray() ?? []), widgetRef]));
  acroForm.set(PDFName.of('SigFlags'), PDFNumber.of(3));
  if (acroFormEntry instanceof PDFRef) {
    changed.set(acroFormEntry, acroForm);
  } else {
    catalog.set(PDFName.of('AcroForm'), ctx.register(acroForm));
    changed.set(rootRef, catalog);
  }

  for (const [ref, obj] of ctx.enumerateIndirectObjects()) {
    if (ref.objectNumber >= firstNew && ref !== sigRef) changed.set(ref, obj);
  }
  const imageSha256 = appearanceSha256(ctx, apRef);

  // Write the update.
  const reserve = options.reserve ?? 16384;
  const parts: Uint8Array[] = [pdf];
  let length = pdf.length;
  const push = (chunk: Uint8Array) => {
    parts.push(chunk);
    length += chunk.length;
  };
  if (pdf[pdf.length - 1] !== 0x0a) push(latin1('\n'));
  const entries: Array<{ num: number; offset: number }> = [];
  for (const [ref, obj] of changed) {
    entries.push({ num: ref.objectNumber, offset: length });
    push(latin1(`${ref.objectNumber} ${ref.generationNumber} obj\n`));
    push(pdfObjectBytes(obj));
    push(latin1('\nendobj\n'));
  }

  entries.push({ num: sigRef.objectNumber, offset: length });
  const reason = options.reason
    ? `/Reason ${PDFHexString.fromText(options.reason).toString()}`
    : '';
  const byteRangeSlot = `/ByteRange [${' '.repeat(40)}]`;
  const head = `${sigRef.objectNumber} 0 obj\n<</Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached ${byteRangeSlot} /M (${pdfDate(options.signingTime)})${reason} /Contents <`;
  const byteRangeAt = length + head.indexOf('/ByteRange [') + '/ByteRange ['.length;
  push(latin1(head));
  const contentsStart = length - 1; // the '<'
  push(latin1('0'.repeat(reserve * 2)));
  push(latin1('>>>\nendobj\n'));
  const contentsEnd = contentsStart + reserve * 2 + 2; // after the '>'

  const xrefAt = length;
  const trailer = ctx.trailerInfo;
  const trailerDict = ctx.obj({
    Size: Math.max(ctx.largestObjectNumber, sigRef.objectNumber) + 1,
    Root: rootRef,
    Prev: lastStartXref(pdf),
    ...(trailer.Info instanceof PDFRef ? { Info: trailer.Info } : {}),
  });
  if (trailer.ID) trailerDict.set(PDFName.of('ID'), trailer.ID);
  push(latin1(`${xrefTable(entries)}trailer\n`));
  push(pdfObjectBytes(trailerDict));
  push(latin1(`\nstartxref\n${xrefAt}\n%%EOF\n`));

  const out = Buffer.concat(parts);
  const byteRange = [0, contentsStart, contentsEnd, out.length - contentsEnd];
  const rangeText = byteRange.join(' ').padEnd(40, ' ');
  out.write(rangeText, byteRangeAt, 'latin1');

  const digest = createHash(options.signer.digestAlgorithm)
    .update(out.subarray(0, contentsStart))
    .update(out.subarray(contentsEnd))
    .digest();
  const { cms, certificates } = await buildDetachedCms(digest, options.signer, options.signingTime);
  if (cms.length > reserve) throw new Error(`CMS (${cms.length} bytes) exceeds the reserved space`);
  out.write(Buffer.from(cms).toString('hex'), contentsStart + 1, 'latin1');
  return { pdf: new Uint8Array(out), certificates, imageSha256, fieldName };
}
