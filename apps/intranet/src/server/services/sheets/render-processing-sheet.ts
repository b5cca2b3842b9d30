import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { strokePath } from '~/components/handwriting/stroke-path';
import type { Handwriting } from '~/lib/schemas/handwriting';
import { embedCjkFont } from './cjk-font';

/** One opinion on a 处理笺: the step, who, when, the text and any handwriting. */
export interface SheetOpinion {
  /** 环节, e.g. 拟办意见, 领导批示, 办理结果. */
  step: string;
  /** Who wrote it (代理: “徐秘书长（代张县长）”). */
  name: string;
  at: Date;
  text: string | null;
  strokes?: Handwriting | null;
}

/** What a 处理笺 (收文处理笺 / 发文稿纸) shows. */
export interface ProcessingSheet {
  /** 收文处理笺 / 发文稿纸 */
  title: string;
  /** The unit's name, printed above the title. */
  unitName?: string;
  /** Header fields as [label, value] rows. */
  fields: Array<[string, string]>;
  opinions: SheetOpinion[];
  /** A footnote (e.g. printed by whom, when). */
  footer?: string;
}

/** A4 in PDF points. */
export const A4: [number, number] = [595.28, 841.89];
const MARGIN_X = 56;
const MARGIN_TOP = 60;
const MARGIN_BOTTOM = 56;
const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.35, 0.35, 0.35);
const RED = rgb(0.75, 0.08, 0.08);
const LINE = rgb(0.2, 0.2, 0.2);

/** Beijing time, as the office reads it: 2026-11-25 09:30. */
export function formatSheetTime(at: Date): string {
  const d = new Date(at.getTime() + 8 * 3600 * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

/** Breaks text into lines no wider than `width` (CJK may break anywhere; keeps \n). */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const para of text.replace(/\r\n?/g, '\n').split('\n')) {
    let line = '';
    for (const ch of para) {
      if (line !== '' && font.widthOfTextAtSize(line + ch, size) > width) {
        lines.push(line);
        line = '';
      }
      line += ch;
    }
    lines.push(line);
  }
  return lines;
}

/**
 * Renders a 处理笺 as an A4 PDF: title, a bordered table of the header fields, then every
 * opinion in a bordered row (step | text, handwriting as vector paths, name and time).
 * The CJK font is embedded as a subset. Continues on further pages when it runs long.
 */
export async function renderProcessingSheet(sheet: ProcessingSheet): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(sheet.title);
  doc.setCreator('公文内网');
  doc.setProducer('Gongwen');
  const font = await embedCjkFont(doc);
  const contentWidth = A4[0] - 2 * MARGIN_X;
  const labelWidth = 96;
  const valueWidth = contentWidth - labelWidth;
  const size = 11;
  const lineHeight = 17;
  const pad = 6;

  let page: PDFPage = doc.addPage(A4);
  let y = A4[1] - MARGIN_TOP;
  const newPage = () => {
    page = doc.addPage(A4);
    y = A4[1] - MARGIN_TOP;
  };
  const ensure = (h: number) => {
    if (y - h < MARGIN_BOTTOM) newPage();
  };
  const text = (s: string, x: number, yy: number, sz = size, color = BLACK) => {
    if (s !== '') page.drawText(s, { x, y: yy, size: sz, font, color });
  };
  const box = (x: number, top: number, w: number, h: number) =>
    page.drawRectangle({ x, y: top - h, width: w, height: h, borderColor: LINE, borderWidth: 0.8 });

  if (sheet.unitName) {
    const w = font.widthOfTextAtSize(sheet.unitName, 13);
    text(sheet.unitName, (A4[0] - w) / 2, y, 13, GREY);
    y -= 28;
  }
  const titleSize = 22;
  const tw = font.widthOfTextAtSize(sheet.title, titleSize);
  text(sheet.title, (A4[0] - tw) / 2, y - titleSize, titleSize, RED);
  y -= titleSize + 22;

  // Header fields: label | value rows.
  for (const [label, value] of sheet.fields) {
    const lines = wrap(value || '—', font, size, valueWidth - 2 * pad);
    const h = Math.max(1, lines.length) * lineHeight + 2 * pad - 4;
    ensure(h);
    box(MARGIN_X, y, labelWidth, h);
    box(MARGIN_X + labelWidth, y, valueWidth, h);
    text(label, MARGIN_X + pad, y - pad - size + 1);
    lines.forEach((l, i) => {
      text(l, MARGIN_X + labelWidth + pad, y - pad - size + 1 - i * lineHeight);
    });
    y -= h;
  }

  // Opinions.
  y -= 14;
  ensure(30);
  text('办理意见', MARGIN_X, y - 13, 13);
  y -= 22;
  if (sheet.opinions.length === 0) {
    ensure(30);
    box(MARGIN_X, y, contentWidth, 30);
    text('（暂无意见）', MARGIN_X + pad, y - pad - size - 2, size, GREY);
    y -= 30;
  }
  for (const o of sheet.opinions) {
    const lines = o.text ? wrap(o.text, font, size, valueWidth - 2 * pad) : [];
    const hw = o.strokes ?? null;
    const hwWidth = hw ? Math.min(valueWidth - 2 * pad, hw.width * 0.5) : 0;
    const hwScale = hw ? hwWidth / hw.width : 0;
    const hwHeight = hw ? hw.height * hwScale : 0;
    const signLine = `${o.name}　${formatSheetTime(o.at)}`;
    const h = pad + lines.length * lineHeight + (hw ? hwHeight + 4 : 0) + lineHeight + pad;
    ensure(h);
    box(MARGIN_X, y, labelWidth, h);
    box(MARGIN_X + labelWidth, y, valueWidth, h);
    wrap(o.step, font, size, labelWidth - 2 * pad).forEach((l, i) => {
      text(l, MARGIN_X + pad, y - pad - size + 1 - i * lineHeight);
    });
    let cy = y - pad;
    for (const l of lines) {
      text(l, MARGIN_X + labelWidth + pad, cy - size + 1);
      cy -= lineHeight;
    }
    if (hw) {
      for (const s of hw.strokes) {
        const d = strokePath(s);
        if (d === '') continue;
        page.drawSvgPath(d, {
          x: MARGIN_X + labelWidth + pad,
          y: cy - 2,
          scale: hwScale,
          color: BLACK,
          borderWidth: 0,
        });
      }
      cy -= hwHeight + 4;
    }
    const sw = font.widthOfTextAtSize(signLine, size - 1);
    text(signLine, MARGIN_X + contentWidth - pad - sw, cy - size + 2, size - 1, GREY);
    y -= h;
  }

  if (sheet.footer) {
    ensure(24);
    text(sheet.footer, MARGIN_X, y - 18, 9, GREY);
  }
  return doc.save();
}
