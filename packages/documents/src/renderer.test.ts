import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OfficialDocument, RenderedPdf } from '@gongwen/core';
import { ValidationFailed } from '@gongwen/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DocumentRenderError } from './errors.ts';
import { formatChineseDate } from './format.ts';
import { importDocx } from './import-docx.ts';
import { type PdfLayout, type PdfLine, readPdfLayout } from './pdf-layout.ts';
import { createGbt9704Renderer } from './renderer.ts';
import { ROW_PT } from './seal-anchor.ts';
import {
  isRed,
  MM,
  noticeDocument,
  popplerTool,
  rasterise,
  requestDocument,
} from './test-fixtures.ts';

// Everything here measures real PDFs made by LibreOffice (no mocks), in PDF points from the
// top-left corner as pdftotext reports them. 1 mm = 2.835 pt.
const PAGE_W = 210 * MM;
const PAGE_H = 297 * MM;
const BLOCK_TOP = 37 * MM;
const BLOCK_LEFT = 28 * MM;
const BLOCK_RIGHT = PAGE_W - 26 * MM;
const BLOCK_BOTTOM = PAGE_H - 35 * MM;

const compact = (s: string) => s.replace(/\s+/g, '');
const chars = (s: string) => [...compact(s)].length;
/** Lines inside the text block (not the page number in the footer). */
const bodyLines = (layout: PdfLayout, page: number) =>
  layout.pages[page]!.lines.filter((l) => l.yMax <= BLOCK_BOTTOM + 1);
const pageNumberLine = (layout: PdfLayout, page: number) =>
  layout.pages[page]!.lines.find((l) => l.yMin > BLOCK_BOTTOM && /^—\d+—$/.test(compact(l.text)));
const findLine = (layout: PdfLayout, page: number, text: string): PdfLine | undefined =>
  layout.pages[page]!.lines.find((l) => compact(l.text) === compact(text));

describe('GB/T 9704 PDF layout (measured)', () => {
  const renderer = createGbt9704Renderer({ concurrency: 2 });
  let notice: RenderedPdf;
  let noticeLayout: PdfLayout;
  let request: RenderedPdf;
  let requestLayout: PdfLayout;
  let conversionMs = 0;

  beforeAll(async () => {
    const started = Date.now();
    [notice, request] = await Promise.all([
      renderer.renderPdf(noticeDocument()),
      renderer.renderPdf(requestDocument()),
    ]);
    conversionMs = Date.now() - started;
    [noticeLayout, requestLayout] = await Promise.all([
      readPdfLayout(notice.pdf),
      readPdfLayout(request.pdf),
    ]);
  });

  it('renders two documents in parallel in reasonable time', () => {
    // Generous: two conversions on a busy 2-core CI machine.
    expect(conversionMs).toBeLessThan(60_000);
    expect(notice.pdf.subarray(0, 5)).toEqual(new TextEncoder().encode('%PDF-'));
  });

  it('is A4 on every page and reports the page count pdfinfo sees', async () => {
    const info = await popplerTool('pdfinfo', notice.pdf);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBe(notice.pageCount);
    expect(notice.pageCount).toBe(4);
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
    expect(Number(size?.[1])).toBeCloseTo(595.3, 0);
    expect(Number(size?.[2])).toBeCloseTo(841.9, 0);
    for (const page of noticeLayout.pages) {
      expect(Math.abs(page.width - PAGE_W)).toBeLessThan(1);
      expect(Math.abs(page.height - PAGE_H)).toBeLessThan(1);
    }
  });

  it('keeps the text block: left edge at 28 mm, nothing above 37 mm, nothing past 26 mm right', () => {
    for (const [index, page] of noticeLayout.pages.entries()) {
      const lines = bodyLines(noticeLayout, index);
      expect(lines.length).toBeGreaterThan(0);
      const left = Math.min(...lines.map((l) => l.xMin));
      expect(Math.abs(left - BLOCK_LEFT)).toBeLessThan(1.5);
      expect(Math.min(...page.lines.map((l) => l.yMin))).toBeGreaterThanOrEqual(BLOCK_TOP);
      expect(Math.max(...lines.map((l) => l.xMax))).toBeLessThanOrEqual(BLOCK_RIGHT + 0.5);
    }
  });

  it('sets 28 characters on every full line of a long paragraph', () => {
    const full = noticeLayout.pages
      .flatMap((_, i) => bodyLines(noticeLayout, i))
      .filter((l) => l.text.startsWith('学化制度化') || l.text.startsWith('高度重视'));
    expect(full.length).toBeGreaterThanOrEqual(8);
    for (const line of full) expect(chars(line.text)).toBe(28);
    // The first line of a paragraph is indented two characters: 26 characters.
    const first = noticeLayout.pages[0]!.lines.find((l) => l.text.startsWith('为进一步'));
    expect(chars(first!.text)).toBe(26);
    expect(first!.xMin - BLOCK_LEFT).toBeCloseTo(2 * 15.75, 0);
    // 28 characters of 15.75 pt fill 155.6 of the 156 mm line.
    const line = full[0]!;
    expect((line.xMax - line.xMin) / MM).toBeGreaterThan(155);
    expect((line.xMax - line.xMin) / MM).toBeLessThanOrEqual(156);
  });

  it('holds 22 lines on a page of body text, 10.21 mm apart', () => {
    // Page 3 of the notice carries nothing but body paragraphs.
    const lines = bodyLines(noticeLayout, 2);
    expect(lines.length).toBe(22);
    for (let i = 1; i < lines.length; i += 1) {
      expect(lines[i]!.yMin - lines[i - 1]!.yMin).toBeCloseTo(ROW_PT, 0);
    }
    expect((ROW_PT * 22) / MM).toBeLessThanOrEqual(225);
  });

  it('prints 发文机关标志 in red, 35 mm below the top of the text block', async () => {
    const mark = findLine(noticeLayout, 0, '示例县人民政府办公室文件');
    expect(mark).toBeDefined();
    const raster = await rasterise(notice.pdf, 1);
    let inkTop = Number.POSITIVE_INFINITY;
    let red = 0;
    for (let y = Math.floor(mark!.yMin * 2); y < Math.ceil(mark!.yMax * 2); y += 1) {
      for (let x = Math.floor(mark!.xMin * 2); x < Math.ceil(mark!.xMax * 2); x += 1) {
        if (isRed(raster.pixel(x, y))) {
          red += 1;
          inkTop = Math.min(inkTop, y / 2);
        }
      }
    }
    expect(red).toBeGreaterThan(5_000);
    expect(Math.abs((inkTop - BLOCK_TOP) / MM - 35)).toBeLessThan(1);
    // Centred on the line, at most 156 mm wide.
    expect(Math.abs((mark!.xMin + mark!.xMax) / 2 - (BLOCK_LEFT + BLOCK_RIGHT) / 2)).toBeLessThan(
      2,
    );
    expect(mark!.xMax - mark!.xMin).toBeLessThanOrEqual(156 * MM);
  });

  it('centres the 文号 and draws a red separator line 156 mm wide about 4 mm under it', async () => {
    const number = findLine(noticeLayout, 0, '示政办发〔2026〕12号');
    expect(number).toBeDefined();
    expect(
      Math.abs((number!.xMin + number!.xMax) / 2 - (BLOCK_LEFT + BLOCK_RIGHT) / 2),
    ).toBeLessThan(2);
    const raster = await rasterise(notice.pdf, 1);
    // The first pixel row under the 文号 that is red almost across the text block.
    let lineY: number | undefined;
    let lineX: [number, number] = [0, 0];
    for (let y = Math.ceil(number!.yMin * 2); y < raster.height && lineY === undefined; y += 1) {
      let first = -1;
      let last = -1;
      for (let x = 0; x < raster.width; x += 1) {
        if (isRed(raster.pixel(x, y))) {
          if (first < 0) first = x;
          last = x;
        }
      }
      if (last - first > 150 * MM * 2) {
        lineY = y / 2;
        lineX = [first / 2, last / 2];
      }
    }
    expect(lineY).toBeDefined();
    expect(Math.abs((lineX[1] - lineX[0]) / MM - 156)).toBeLessThan(1);
    expect(Math.abs(lineX[0] - BLOCK_LEFT)).toBeLessThan(1);
    // GB/T 9704: the line lies 4 mm under the 发文字号 (measured from the ink of the characters).
    let inkBottom = 0;
    for (let y = Math.floor(number!.yMin * 2); y < Math.ceil(number!.yMax * 2); y += 1) {
      for (let x = Math.floor(number!.xMin * 2); x < Math.ceil(number!.xMax * 2); x += 1) {
        const [r, g, b] = raster.pixel(x, y);
        if (r < 100 && g < 100 && b < 100) inkBottom = Math.max(inkBottom, y / 2);
      }
    }
    expect(Math.abs((lineY! - inkBottom) / MM - 4)).toBeLessThan(0.6);
  });

  it('prints the title, 主送 flush left and the body in order', () => {
    const page = noticeLayout.pages[0]!;
    const text = page.lines.map((l) => compact(l.text)).join('');
    expect(text).toContain('示例县人民政府办公室关于进一步加强机关公文处理工作的通知');
    const recipients = findLine(noticeLayout, 0, '各乡镇人民政府，县政府各部门：');
    expect(recipients).toBeDefined();
    expect(Math.abs(recipients!.xMin - BLOCK_LEFT)).toBeLessThan(1.5);
    const title = page.lines.find((l) => l.text.startsWith('示例县人民政府办公室关于'));
    // 2号 (22 pt) title: its boxes are taller than the 16 pt body lines.
    expect(title!.yMax - title!.yMin).toBeGreaterThan(27);
    expect(title!.yMin).toBeGreaterThan(recipients ? 0 : 0);
    expect(title!.yMin).toBeLessThan(recipients!.yMin);
  });

  it('numbers pages "— n —", odd pages on the right and even pages on the left', () => {
    for (let i = 0; i < notice.pageCount; i += 1) {
      const line = pageNumberLine(noticeLayout, i);
      expect(compact(line?.text ?? '')).toBe(`—${i + 1}—`);
      const odd = (i + 1) % 2 === 1;
      if (odd) expect(Math.abs(BLOCK_RIGHT - line!.xMax - 14)).toBeLessThan(2.5);
      else expect(Math.abs(line!.xMin - BLOCK_LEFT - 14)).toBeLessThan(2.5);
      // Below the text block, in the 11 mm footer.
      expect(line!.yMin).toBeGreaterThan(BLOCK_BOTTOM);
      expect(line!.yMax).toBeLessThan(PAGE_H - 24 * MM + 1);
    }
  });

  it('puts 附件说明, 署名 and 成文日期 on the last body page', () => {
    const last = notice.pageCount - 1;
    const attachment = findLine(noticeLayout, last, '附件：1.公文处理工作要点');
    const second = findLine(noticeLayout, last, '2.公文格式样例');
    expect(attachment).toBeDefined();
    expect(attachment!.xMin - BLOCK_LEFT).toBeCloseTo(2 * 15.75, 0);
    // The second name aligns with the first ("附件：" is three characters).
    expect(second!.xMin - attachment!.xMin).toBeCloseTo(3 * 15.75, 0);
    const date = findLine(noticeLayout, last, '2026年11月25日');
    const signature = findLine(noticeLayout, last, '示例县人民政府办公室');
    expect(date).toBeDefined();
    expect(signature).toBeDefined();
    // 成文日期 four characters in from the right; 署名 centred over it, one row above.
    expect((BLOCK_RIGHT - date!.xMax) / 15.75).toBeCloseTo(4, 0);
    const centre = (l: PdfLine) => (l.xMin + l.xMax) / 2;
    expect(Math.abs(centre(signature!) - centre(date!))).toBeLessThan(8);
    expect(date!.yMin - signature!.yMin).toBeCloseTo(ROW_PT, 0);
    expect(findLine(noticeLayout, last, '（联系人：王芳，电话：0000-1234567）')).toBeDefined();
  });

  it('measures the seal anchor over 署名 and 成文日期', () => {
    const last = notice.pageCount - 1;
    expect(notice.sealAnchor.page).toBe(last);
    const page = noticeLayout.pages[last]!;
    const date = findLine(noticeLayout, last, '2026年11月25日')!;
    const signature = findLine(noticeLayout, last, '示例县人民政府办公室')!;
    expect(notice.sealAnchor.x).toBeCloseTo((date.xMin + date.xMax) / 2, 1);
    // In PDF coordinates (from the bottom): between the two lines, nearer the 署名.
    const yTop = page.height - notice.sealAnchor.y;
    expect(yTop).toBeGreaterThan(signature.yMin);
    expect(yTop).toBeLessThan(date.yMin);
    // A 42 mm seal centred there reaches no higher than one row above the last body text.
    const lastBody = page.lines.filter((l) => l.yMax < signature.yMin).at(-1)!;
    expect(yTop - 21 * MM).toBeGreaterThan(lastBody.yMax - ROW_PT);
    expect(yTop - 21 * MM).toBeLessThan(lastBody.yMax + ROW_PT);
  });

  it('puts the 版记 at the foot of the last page, its last rule on the bottom edge', async () => {
    const last = notice.pageCount - 1;
    const cc = findLine(noticeLayout, last, '抄送：县委办公室，县人大常委会办公室，县政协办公室。');
    const printer = noticeLayout.pages[last]!.lines.filter(
      (l) => l.yMin > cc!.yMax && l.yMax <= BLOCK_BOTTOM,
    );
    expect(cc).toBeDefined();
    expect(compact(printer.map((l) => l.text).join(''))).toBe(
      '示例县人民政府办公室2026年11月25日印发',
    );
    // 抄送 and 印发机关 one character (14 pt) in; 印发日期 one character from the right.
    expect(cc!.xMin - BLOCK_LEFT).toBeCloseTo(14, 0);
    expect(BLOCK_RIGHT - Math.max(...printer.map((l) => l.xMax))).toBeCloseTo(14, 0);
    for (let i = 0; i < last; i += 1) {
      expect(noticeLayout.pages[i]!.lines.some((l) => l.text.includes('印发'))).toBe(false);
    }
    // Black rules across the text block: thick, thin, thick; the last on the bottom edge.
    const raster = await rasterise(notice.pdf, last + 1);
    const rules: number[] = [];
    for (let y = Math.floor((cc!.yMin - ROW_PT) * 2); y < raster.height; y += 1) {
      let dark = 0;
      for (let x = 0; x < raster.width; x += 1) {
        const [r, g, b] = raster.pixel(x, y);
        if (r < 100 && g < 100 && b < 100) dark += 1;
      }
      if (dark > 150 * MM * 2) rules.push(y / 2);
    }
    const groups = rules.reduce<number[][]>((acc, y) => {
      const group = acc.at(-1);
      if (group && y - group.at(-1)! <= 0.5) group.push(y);
      else acc.push([y]);
      return acc;
    }, []);
    expect(groups.map((g) => g[0])).toHaveLength(3);
    const thickness = groups.map((g) => g.length);
    expect(thickness[0]).toBeGreaterThanOrEqual(thickness[1]!);
    expect(thickness[2]).toBeGreaterThanOrEqual(thickness[1]!);
    expect(Math.abs(groups[2]!.at(-1)! - BLOCK_BOTTOM)).toBeLessThan(2);
    // The thin rule runs between the 抄送 row and the 印发 row.
    expect(groups[1]![0]!).toBeGreaterThan(cc!.yMax - 2);
    expect(groups[1]![0]!).toBeLessThan(printer[0]!.yMin + 2);
  });

  it('embeds every font and maps the four official faces to the mapped CJK fonts', async () => {
    const fonts = await popplerTool('pdffonts', notice.pdf);
    const rows = fonts.split('\n').slice(2).filter(Boolean);
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const row of rows) {
      // name type [encoding] emb sub uni id gen: "yes" under emb.
      const cols = row.trim().split(/\s+/);
      expect(cols.at(-5)).toBe('yes');
    }
    const names = rows.map((r) => r.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
    // Noto CJK .ttc faces carry the shared CFF name "…CJKjp…"; the SC face is what fontconfig picked.
    expect(names.some((n) => /^NotoSerifCJK\w*-Regular/.test(n))).toBe(true); // 仿宋, 宋体
    expect(names.some((n) => /^NotoSerifCJK\w*-Bold/.test(n))).toBe(true); // 小标宋
    expect(names.some((n) => /^NotoSansCJK\w*-Regular/.test(n))).toBe(true); // 黑体 (一、 headings)
    expect(names.every((n) => !/DejaVu|Liberation|Droid/i.test(n))).toBe(true);
  });

  it('renders a classified, urgent 请示 with 签发人 (上行文)', async () => {
    const page = requestLayout.pages[0]!;
    const lines = page.lines.map((l) => compact(l.text));
    // 份号, 密级★保密期限 and 紧急程度 on the first three rows, flush left, in 黑体.
    expect(lines.slice(0, 3)).toEqual(['000123', '机密★1年', '特急']);
    for (const [i, line] of page.lines.slice(0, 3).entries()) {
      expect(Math.abs(line.xMin - BLOCK_LEFT)).toBeLessThan(1.5);
      expect(line.yMin - page.lines[0]!.yMin).toBeCloseTo(i * ROW_PT, 0);
    }
    // 文号 one character in from the left, on the row of the last 签发人 names.
    const number = page.lines.find((l) => l.text.startsWith('示政〔2026〕7号'))!;
    expect(number.xMin - BLOCK_LEFT).toBeCloseTo(15.75, 0);
    const sameRow = page.lines.filter((l) => Math.abs(l.yMin - number.yMin) < 1);
    expect(compact(sameRow.map((l) => l.text).join(''))).toBe('示政〔2026〕7号王立新');
    const firstRow = page.lines.find((l) => l.text.startsWith('签发人'))!;
    expect(compact(firstRow.text)).toBe('签发人：张建国李明华');
    expect(number.yMin - firstRow.yMin).toBeCloseTo(ROW_PT, 0);
    // One character (15.75 pt) in from the right; the last glyph's box overhangs its advance.
    expect(Math.abs(BLOCK_RIGHT - firstRow.xMax - 15.75)).toBeLessThan(1);
    // 王立新 starts under 张建国.
    const first = firstRow.words.find((w) => w.text.includes('张建国'))!;
    const last = sameRow.flatMap((l) => l.words).find((w) => w.text.includes('王立新'))!;
    expect(Math.abs(last.xMin - (first.xMin + first.text.indexOf('张') * 15.75))).toBeLessThan(2);

    const fonts = await popplerTool('pdffonts', request.pdf);
    expect(fonts).toMatch(/NotoSansCJK\w*-Regular/); // 黑体: 份号, 密级, 紧急程度
    expect(fonts).toMatch(/LXGWWenKai-Regular/); // 楷体: 签发人姓名
    expect(fonts).toMatch(/NotoSerifCJK\w*-Bold/); // 小标宋: 标志, 标题
    expect(fonts).not.toMatch(/DejaVu/);

    // One page of body: 署名 on page 1 or 2, the 版记 (no 抄送) at the foot of the last page.
    const lastPage = request.pageCount - 1;
    const printer = requestLayout.pages[lastPage]!.lines.filter((l) => l.text.includes('印发'));
    expect(printer.length).toBe(1);
    expect(printer[0]!.yMax).toBeGreaterThan(BLOCK_BOTTOM - ROW_PT);
    expect(request.sealAnchor.page).toBeLessThanOrEqual(lastPage);
  });

  it('reads back its own .docx body with importDocx', async () => {
    const doc = noticeDocument();
    const docx = await renderer.renderDocx(doc);
    const imported = await importDocx(docx);
    expect(imported.body).toEqual(doc.body);
    expect(imported.warnings).toEqual([]);
  });
});

describe('renderer errors', () => {
  const minimal = (): OfficialDocument => ({
    issuerMark: '示例县人民政府',
    title: '关于测试的通知',
    body: { blocks: [{ type: 'paragraph', text: '测试。' }] },
    signatureName: '示例县人民政府',
    date: new Date('2026-11-25T02:00:00Z'),
    printer: '示例县人民政府办公室',
    printDate: new Date('2026-11-25T02:00:00Z'),
  });

  it('explains in Chinese when soffice is missing', async () => {
    const renderer = createGbt9704Renderer({ soffice: '/nonexistent/soffice' });
    const error = await renderer.renderPdf(minimal()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentRenderError);
    expect((error as DocumentRenderError).reason).toBe('TOOL_MISSING');
    expect((error as DocumentRenderError).message).toContain('未找到 LibreOffice');
  });

  it('kills a conversion that takes too long and removes its temporary folder', async () => {
    const tempDir = await mkdtemp(join(tmpdir(), 'gongwen-render-test-'));
    try {
      const renderer = createGbt9704Renderer({ timeoutMs: 100, tempDir });
      const error = await renderer.renderPdf(minimal()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DocumentRenderError);
      expect((error as DocumentRenderError).reason).toBe('TIMEOUT');
      expect((error as DocumentRenderError).message).toContain('未完成');
      expect(await readdir(tempDir)).toEqual([]);
    } finally {
      await rm(tempDir, { recursive: true, force: true });
    }
  });

  it('reports a failed conversion with the tool output and cleans up', async () => {
    const tempDir = await mkdtemp(join(tmpdir(), 'gongwen-render-test-'));
    try {
      const renderer = createGbt9704Renderer({ soffice: 'false', tempDir });
      const error = await renderer.convertDocx(new Uint8Array([1, 2, 3])).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DocumentRenderError);
      expect((error as DocumentRenderError).reason).toBe('CONVERSION_FAILED');
      expect((error as DocumentRenderError).message).toContain('LibreOffice 转换 PDF 失败');
      expect(await readdir(tempDir)).toEqual([]);
    } finally {
      await rm(tempDir, { recursive: true, force: true });
    }
  });

  it('rejects an invalid document before rendering', async () => {
    const renderer = createGbt9704Renderer();
    const doc = { ...minimal(), title: ' ', secrecy: '机密' as const };
    const error = await renderer.renderDocx(doc).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationFailed);
    expect((error as ValidationFailed).message).toContain('标题不能为空');
    expect((error as ValidationFailed).message).toContain('涉密公文必须标注份号');
  });

  it('dates the document in China time', () => {
    // 2026-11-24T17:00Z is already 25 November in Beijing.
    expect(formatChineseDate(new Date('2026-11-24T17:00:00Z'))).toBe('2026年11月25日');
  });
});
