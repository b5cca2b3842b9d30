import type { OfficialDocument } from '@gongwen/core';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { formatChineseDate, formatSecrecy } from './format.ts';
import { importDocx } from './import-docx.ts';
import { parseBboxLayout, readPdfLayout } from './pdf-layout.ts';
import { createLimiter } from './process.ts';
import { renderOfficialDocx } from './render-docx.ts';
import { createGbt9704Renderer } from './renderer.ts';
import { loadTemplateDocx } from './template.ts';
import { buildTemplateData } from './template-data.ts';
import { isRed, MM, noticeDocument, rasterise, requestDocument } from './test-fixtures.ts';

describe('formatChineseDate', () => {
  it('prints Arabic numerals without leading zeros', () => {
    expect(formatChineseDate(new Date('2026-11-25T02:00:00Z'))).toBe('2026年11月25日');
    expect(formatChineseDate(new Date('2026-01-05T02:00:00Z'))).toBe('2026年1月5日');
  });
  it('reads the calendar day in the given time zone', () => {
    const instant = new Date('2026-03-31T20:00:00Z');
    expect(formatChineseDate(instant)).toBe('2026年4月1日');
    expect(formatChineseDate(instant, 'UTC')).toBe('2026年3月31日');
  });
  it('refuses an invalid date', () => {
    expect(() => formatChineseDate(new Date('x'))).toThrow('无效的日期');
  });
});

describe('buildTemplateData', () => {
  it('fills the three 版头 rows in order and leaves missing ones blank', () => {
    expect(buildTemplateData(requestDocument()).headerFields).toEqual([
      '000123',
      '机密★1年',
      '特急',
    ]);
    expect(
      buildTemplateData({ ...requestDocument(), copyNumber: undefined as never }).headerFields,
    ).toEqual(['机密★1年', '特急', '']);
    expect(buildTemplateData(noticeDocument()).headerFields).toEqual(['', '', '']);
    expect(formatSecrecy('秘密')).toBe('秘密');
  });

  it('narrows long 发文机关标志 and numbers attachments only when there are several', () => {
    const doc = noticeDocument();
    expect(buildTemplateData({ ...doc, issuerMark: '示例县人民政府' }).markVariant).toBe('w100');
    expect(buildTemplateData(doc).markVariant).toBe('w84');
    expect(
      buildTemplateData({ ...doc, issuerMark: '示例县人民政府办公室示例县财政局文件' }).markVariant,
    ).toBe('w50');
    expect(buildTemplateData(doc).attachmentFirst).toBe('1. 公文处理工作要点');
    expect(buildTemplateData(doc).attachmentMore).toEqual(['2. 公文格式样例']);
    expect(buildTemplateData({ ...doc, attachments: ['要点'] }).attachmentFirst).toBe('要点');
  });

  it('lays out 签发人 two names a row, padding two-character names', () => {
    const data = buildTemplateData({ ...requestDocument(), signers: ['张三', '李明华', '王五'] });
    expect(data.docNumberVariant).toBe('upwardRows');
    expect(data.signerLeadRows).toEqual([{ label: '签发人：', names: '张\u3000三\u3000李明华' }]);
    expect(data.signerLastRow).toEqual({ label: '\u3000'.repeat(4), names: '王\u3000五' });
    const one = buildTemplateData({ ...requestDocument(), signers: ['张建国'] });
    expect(one.docNumberVariant).toBe('upward');
    expect(one.signerLastRow).toEqual({ label: '签发人：', names: '张建国' });
    expect(buildTemplateData(noticeDocument()).docNumberVariant).toBe('centred');
  });

  it('pads ragged table rows to the widest row', () => {
    const doc = noticeDocument();
    const body = { blocks: [{ type: 'table' as const, rows: [['甲', '乙', '丙'], ['丁']] }] };
    expect(buildTemplateData({ ...doc, body }).blocks).toEqual([
      {
        kind: 'table',
        rows: [
          ['甲', '乙', '丙'],
          ['丁', '', ''],
        ],
      },
    ]);
  });

  it('adds the punctuation GB/T 9704 asks for', () => {
    const data = buildTemplateData(noticeDocument());
    expect(data.mainRecipients).toBe('各乡镇人民政府，县政府各部门：');
    expect(data.ccRecipients).toBe('县委办公室，县人大常委会办公室，县政协办公室。');
    expect(data.note).toBe('（联系人：王芳，电话：0000-1234567）');
    expect(data.printDateText).toBe('2026年11月25日印发');
  });
});

describe('the .docx', () => {
  it('is built from the readable XML sources, with the official font names', async () => {
    const template = await JSZip.loadAsync(await loadTemplateDocx());
    const styles = await template.file('word/styles.xml')!.async('string');
    for (const font of ['仿宋_GB2312', '方正小标宋简体', '黑体', '楷体_GB2312']) {
      expect(styles).toContain(`w:eastAsia="${font}"`);
    }
    const document = await template.file('word/document.xml')!.async('string');
    expect(document).toContain('+++FOR block IN blocks+++');
    expect(document).not.toContain('<!--');
  });

  it('has every command filled and the page set up as A4 with the GB/T 9704 margins', async () => {
    const docx = await renderOfficialDocx(requestDocument());
    const zip = await JSZip.loadAsync(docx);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).not.toContain('+++');
    for (const text of [
      '示例县人民政府',
      '示政〔2026〕7号',
      '签发人：',
      '张建国',
      '机密★1年',
      '特急',
    ]) {
      expect(xml).toContain(text);
    }
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
    expect(xml).toMatch(/w:top="2098" w:right="1474" w:bottom="1984" w:left="1588"/);
    const footers = await Promise.all(
      ['word/footer1.xml', 'word/footer2.xml'].map((f) => zip.file(f)!.async('string')),
    );
    for (const footer of footers) expect(footer).toContain(' PAGE ');
  });

  it('escapes text so that markup, delimiters and control characters in user input stay inert', async () => {
    const doc = noticeDocument();
    const body = {
      blocks: [
        {
          type: 'paragraph' as const,
          text: '<w:p>&"一二"</w:p>||<w:br/>||\u0001<w:tab/>\u0001\u0007',
        },
        { type: 'paragraph' as const, text: '第一行\r\n第二行' },
      ],
    };
    const docx = await renderOfficialDocx({ ...doc, body });
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    expect(xml).toContain('&lt;w:p&gt;&amp;');
    expect(xml).toContain('||&lt;w:br/&gt;||&lt;w:tab/&gt;');
    expect(xml.includes('\u0001') || xml.includes('\u0007')).toBe(false);
    // The paragraph with a line break reads back as two lines.
    const { body: back } = await importDocx(docx);
    expect(back.blocks).toEqual([
      { type: 'paragraph', text: '<w:p>&"一二"</w:p>||<w:br/>||<w:tab/>' },
      { type: 'paragraph', text: '第一行\n第二行' },
    ]);
  });
});

describe('helpers', () => {
  it('parses pdftotext -bbox-layout output', () => {
    const layout = parseBboxLayout(
      '<doc><page width="595.3" height="841.9"><flow><block><line xMin="1" yMin="2" xMax="3" yMax="4"><word xMin="1" yMin="2" xMax="2" yMax="4">甲&amp;</word><word xMin="2" yMin="2" xMax="3" yMax="4">乙</word></line></block></flow></page></doc>',
    );
    expect(layout.pages).toHaveLength(1);
    expect(layout.pages[0]!.lines[0]).toMatchObject({ text: '甲&乙', xMin: 1, yMax: 4 });
  });

  it('runs at most `limit` tasks at once', async () => {
    const limit = createLimiter(2);
    let running = 0;
    let peak = 0;
    const task = () =>
      limit(async () => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 20));
        running -= 1;
      });
    await Promise.all([task(), task(), task(), task(), task()]);
    expect(peak).toBe(2);
    expect(() => createLimiter(0)).toThrow();
  });
});

describe('a joint 发文机关标志 of 18 characters', () => {
  it('stays on one red line within the 156 mm text block', async () => {
    // A short document: 版头 and title take about 13 of the 22 rows of the first page.
    const { note: _note, attachments: _attachments, ...rest } = noticeDocument();
    const doc: OfficialDocument = {
      ...rest,
      issuerMark: '示例县人民政府办公室示例县财政局文件',
      title: '关于做好公文处理工作的通知',
      body: { blocks: [{ type: 'paragraph', text: '特此通知。' }] },
    };
    const rendered = await createGbt9704Renderer().renderPdf(doc);
    expect(rendered.pageCount).toBe(1);
    const layout = await readPdfLayout(rendered.pdf);
    const mark = layout.pages[0]!.lines.find((l) => l.text === doc.issuerMark);
    expect(mark).toBeDefined();
    expect((mark!.xMax - mark!.xMin) / MM).toBeLessThanOrEqual(156);
    const raster = await rasterise(rendered.pdf, 1);
    const y = Math.round(((mark!.yMin + mark!.yMax) / 2) * 2);
    let red = 0;
    for (let x = 0; x < raster.width; x += 1) if (isRed(raster.pixel(x, y))) red += 1;
    expect(red).toBeGreaterThan(50);
    // Sealed on the only page.
    expect(rendered.sealAnchor.page).toBe(0);
  });
});
