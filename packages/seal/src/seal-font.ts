import { existsSync } from 'node:fs';
import { type Font, openSync } from 'fontkit';

/** Where Debian's fonts-noto-cjk puts its fonts; the bold serif is closest to a seal's 宋体. */
const CANDIDATES = [
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
];

const cache = new Map<string, Font>();

/**
 * Opens the CJK font used for seal lettering: `path`, else $GONGWEN_SEAL_FONT, else Noto CJK.
 * From a collection (.ttc) the Simplified Chinese face is chosen.
 */
export function loadSealFont(path?: string): Font {
  const file = path ?? process.env.GONGWEN_SEAL_FONT ?? CANDIDATES.find((p) => existsSync(p));
  if (!file) {
    throw new Error('no CJK font found: install fonts-noto-cjk or set GONGWEN_SEAL_FONT');
  }
  const cached = cache.get(file);
  if (cached) return cached;
  const opened = openSync(file);
  const font =
    'fonts' in opened
      ? (opened.fonts.find((f) => /sc|SC/.test(f.postscriptName)) ?? opened.fonts[0])
      : opened;
  if (!font) throw new Error(`font collection ${file} is empty`);
  cache.set(file, font);
  return font;
}
