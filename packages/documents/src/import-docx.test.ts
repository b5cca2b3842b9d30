import { ValidationFailed } from '@gongwen/core';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { importDocx, numberedHeadingLevel } from './import-docx.ts';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const para = (text: string, style?: string) =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;
const cell = (text: string, span = 1) =>
  `<w:tc><w:tcPr>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}</w:tcPr>${para(text)}</w:tc>`;

// A 1×1 transparent PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const image = `<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:extent cx="9525" cy="9525"/><wp:docPr id="1" name="图片 1"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="1" name="image1.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdImage"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;

/** A .docx as Word writes one: built-in heading styles, a Chinese-named heading, a table, an image. */
async function wordDocx(bodyXml: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdImage" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/></Relationships>`,
  );
  zip.file('word/media/image1.png', PNG);
  const style = (id: string, name: string) =>
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/></w:style>`;
  zip.file(
    'word/styles.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="${W}">${style('Normal', 'Normal')}${style('Heading1', 'heading 1')}${style('Heading2', 'heading 2')}${style('a3', '标题 3')}${style('Title', 'Title')}</w:styles>`,
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${bodyXml}<w:sectPr/></w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array' });
}

describe('importDocx', () => {
  it('maps Word headings, GB-numbered paragraphs and tables; drops images with a warning', async () => {
    const docx = await wordDocx(
      [
        para('总体要求', 'Heading1'),
        para('（一）工作原则', 'Heading2'),
        para('1.细化任务', 'a3'),
        para(''),
        para('各单位要按照要求认真落实。'),
        para('二、保障措施'),
        para('（二）加强领导'),
        para('2.压实责任'),
        para('（1）明确分工'),
        para('（2）主要负责同志要亲自抓。分管负责同志要具体抓，确保各项任务落到实处。'),
        para('2026年11月25日前完成。'),
        image,
        `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>${cell('序号')}${cell('事项')}${cell('责任单位')}</w:tr><w:tr>${cell('1')}${cell('公文格式', 2)}</w:tr></w:tbl>`,
      ].join(''),
    );
    const { body, warnings } = await importDocx(docx);
    expect(body.blocks).toEqual([
      { type: 'heading', level: 1, text: '总体要求' },
      { type: 'heading', level: 2, text: '（一）工作原则' },
      { type: 'heading', level: 3, text: '1.细化任务' },
      { type: 'paragraph', text: '各单位要按照要求认真落实。' },
      { type: 'heading', level: 1, text: '二、保障措施' },
      { type: 'heading', level: 2, text: '（二）加强领导' },
      { type: 'heading', level: 3, text: '2.压实责任' },
      { type: 'heading', level: 4, text: '（1）明确分工' },
      {
        type: 'paragraph',
        text: '（2）主要负责同志要亲自抓。分管负责同志要具体抓，确保各项任务落到实处。',
      },
      { type: 'paragraph', text: '2026年11月25日前完成。' },
      {
        type: 'table',
        rows: [
          ['序号', '事项', '责任单位'],
          ['1', '公文格式', ''],
        ],
      },
    ]);
    expect(warnings).toContain('已忽略 1 张图片（正文只保留文字和表格）');
  });

  it('rejects bytes that are not a .docx with a Chinese message', async () => {
    const error = await importDocx(new TextEncoder().encode('不是文档')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationFailed);
    expect((error as ValidationFailed).message).toContain('无法读取该 Word 文档');
  });

  it('keeps line breaks inside table cells and paragraphs', async () => {
    const docx = await wordDocx(
      `<w:p><w:r><w:t>第一行</w:t></w:r><w:r><w:br/></w:r><w:r><w:t>第二行</w:t></w:r></w:p><w:tbl><w:tr><w:tc>${para('甲')}${para('乙')}</w:tc></w:tr></w:tbl>`,
    );
    const { body } = await importDocx(docx);
    expect(body.blocks).toEqual([
      { type: 'paragraph', text: '第一行\n第二行' },
      { type: 'table', rows: [['甲\n乙']] },
    ]);
  });
});

describe('numberedHeadingLevel', () => {
  it.each([
    ['一、工作目标', 1],
    ['十二、其他', 1],
    ['（三）组织实施', 2],
    ['(三)组织实施', 2],
    ['3.强化督查', 3],
    ['３．强化督查', 3],
    ['（4）按时报送', 4],
    ['1.5倍以上', undefined],
    ['一、要高度重视。各单位要把这项工作摆上重要议事日程，切实加强领导。', undefined],
    ['根据有关规定，现通知如下。', undefined],
  ] as const)('%s → %s', (text, level) => {
    expect(numberedHeadingLevel(text)).toBe(level);
  });
});
