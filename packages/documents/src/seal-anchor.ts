import type { RenderedSealAnchor } from '@gongwen/core';
import { DocumentRenderError } from './errors.ts';
import type { PdfLayout, PdfLine } from './pdf-layout.ts';

/** Height of one body row in points (579 twips = 10.21 mm). */
export const ROW_PT = 579 / 20;

const compact = (text: string) => text.replace(/\s+/g, '');
const middle = (line: PdfLine) => (line.yMin + line.yMax) / 2;

/**
 * Where the 印章 goes, measured on the rendered PDF (GB/T 9704 §7.3.5.1): the last line that
 * reads exactly the 发文机关署名 and is followed by the 成文日期. The centre is horizontally
 * the centre of the date line ("以成文日期为准居中") and vertically a quarter row above the
 * middle of the two lines, so that they sit slightly below the seal's centre ("居印章中心偏下").
 * `page` is 0-based like `SealPlacement.page`; x and y are PDF points from the bottom-left.
 */
export function findSealAnchor(
  layout: PdfLayout,
  signatureName: string,
  dateText: string,
): RenderedSealAnchor {
  const name = compact(signatureName);
  const date = compact(dateText);
  for (let p = layout.pages.length - 1; p >= 0; p -= 1) {
    const page = layout.pages[p]!;
    for (let i = page.lines.length - 2; i >= 0; i -= 1) {
      const nameLine = page.lines[i]!;
      const dateLine = page.lines[i + 1]!;
      if (compact(nameLine.text) !== name || compact(dateLine.text) !== date) continue;
      const top = (middle(nameLine) + middle(dateLine)) / 2 - ROW_PT / 4;
      return {
        page: p,
        x: round((dateLine.xMin + dateLine.xMax) / 2),
        y: round(page.height - top),
      };
    }
  }
  throw new DocumentRenderError(
    'BAD_OUTPUT',
    `在生成的 PDF 中找不到发文机关署名“${signatureName}”和成文日期“${dateText}”，无法确定印章位置`,
  );
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
