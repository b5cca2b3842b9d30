import { existsSync } from 'node:fs';
import { loadSealFont } from '@gongwen/seal';
import type { PDFDocument, PDFFont } from 'pdf-lib';

/** The CJK faces a 处理笺 may be set in: Noto Serif CJK (宋体-like) first, then Noto Sans CJK. */
const CANDIDATES = [
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
];

type FontkitFont = ReturnType<typeof loadSealFont>;
type Emitter = { on(event: string, cb: (arg?: unknown) => void): Emitter };

/**
 * pdf-lib expects the API of its own fontkit fork (`@pdf-lib/fontkit`), whose subsetter breaks
 * CID-keyed CFF fonts such as Noto CJK (poppler and FreeType reject the embedded font). We
 * hand pdf-lib the upstream fontkit 2 face that `@gongwen/seal` opens from the .ttc (the
 * Simplified Chinese face of the collection) and adapt the one method that differs:
 * `subset.encodeStream()`, which fontkit 2 replaced with `subset.encode()`.
 */
function pdfLibFontkit(font: FontkitFont) {
  const face = Object.create(font) as FontkitFont;
  face.createSubset = () => {
    const subset = font.createSubset() as ReturnType<FontkitFont['createSubset']> & {
      encodeStream?: () => Emitter;
    };
    subset.encodeStream = () => {
      const handlers: Record<string, (arg?: unknown) => void> = {};
      const emitter: Emitter = {
        on(event, cb) {
          handlers[event] = cb;
          return emitter;
        },
      };
      setTimeout(() => {
        try {
          handlers.data?.(subset.encode());
          handlers.end?.();
        } catch (e) {
          handlers.error?.(e);
        }
      }, 0);
      return emitter;
    };
    return subset;
  };
  return { create: () => face };
}

/** The font file used, from $GONGWEN_SHEET_FONT or the Noto CJK candidates. */
export function sheetFontPath(): string {
  const file = process.env.GONGWEN_SHEET_FONT ?? CANDIDATES.find((p) => existsSync(p));
  if (!file) throw new Error('no CJK font found: install fonts-noto-cjk or set GONGWEN_SHEET_FONT');
  return file;
}

/** Embeds the CJK face into `doc` as a subset: only the glyphs drawn end up in the PDF. */
export async function embedCjkFont(doc: PDFDocument): Promise<PDFFont> {
  const font = loadSealFont(sheetFontPath());
  doc.registerFontkit(
    pdfLibFontkit(font) as unknown as Parameters<PDFDocument['registerFontkit']>[0],
  );
  return doc.embedFont(new Uint8Array(0), { subset: true });
}
