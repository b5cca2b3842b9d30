import {
  type DocumentBlock,
  type DocumentBody,
  ValidationFailed,
  ZDocumentBody,
} from '@gongwen/core';
import mammoth from 'mammoth';

/** What `importDocx` produced: the body and what was lost on the way, in Chinese. */
export interface ImportedDocx {
  body: DocumentBody;
  warnings: string[];
}

/**
 * Paragraph styles of this package's own template that are not part of the 正文 (版头, 标题,
 * 署名, 版记 …): importing a document rendered here gives back its body alone.
 */
const IGNORED_STYLES = [
  '版头要素',
  '发文机关标志',
  '发文字号',
  '发文字号（上行文）',
  '签发人',
  '公文标题',
  '主送机关',
  '附件说明',
  '附件说明（续）',
  '发文机关署名',
  '发文机关署名（长）',
  '成文日期',
  '附注',
  '版记',
  '印发机关和印发日期',
  '页码',
];

const STYLE_MAP = [
  ...IGNORED_STYLES.map((name) => `p[style-name='${name}'] => !`),
  "p[style-name='正文段落'] => p:fresh",
  "p[style-name='表格文字'] => p:fresh",
  // Chinese Word installations name the built-in headings 标题 1 … 标题 4.
  "p[style-name='标题 1'] => h1:fresh",
  "p[style-name='标题 2'] => h2:fresh",
  "p[style-name='标题 3'] => h3:fresh",
  "p[style-name='标题 4'] => h4:fresh",
];

/** GB/T 9704 §7.3.3 numbering at the start of a paragraph, by heading level. */
const NUMBERING: ReadonlyArray<readonly [RegExp, 1 | 2 | 3 | 4]> = [
  [/^[一二三四五六七八九十百零〇]+、/, 1],
  [/^[（(][一二三四五六七八九十百零〇]+[）)]/, 2],
  [/^[0-9０-９]+[.．](?![0-9])/, 3],
  [/^[（(][0-9０-９]+[）)]/, 4],
];

/** A numbered paragraph counts as a heading when it is short and holds no sentence inside. */
const MAX_NUMBERED_HEADING = 50;

/** The heading level a GB-style numbered paragraph stands for, or undefined for body text. */
export function numberedHeadingLevel(text: string): 1 | 2 | 3 | 4 | undefined {
  const t = text.trim();
  if (t.length > MAX_NUMBERED_HEADING) return undefined;
  if (/[。；！？]/.test(t.slice(0, -1))) return undefined;
  return NUMBERING.find(([pattern]) => pattern.test(t))?.[1];
}

// ---- A small reader for the well-formed HTML that mammoth writes. ----

interface HtmlElement {
  tag: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
}
type HtmlNode = HtmlElement | string;

const VOID_TAGS = new Set(['br', 'img', 'hr']);
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decode(text: string): string {
  return text.replace(/&(#x?[0-9a-f]+|\w+);/gi, (whole, name: string) => {
    if (/^#x/i.test(name)) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}

function parseHtml(html: string): HtmlElement {
  const root: HtmlElement = { tag: '#root', attrs: {}, children: [] };
  const stack: HtmlElement[] = [root];
  const tokenRe = /<\/?([a-zA-Z0-9]+)([^>]*)>|([^<]+)/g;
  for (const match of html.matchAll(tokenRe)) {
    const top = stack[stack.length - 1]!;
    if (match[3] !== undefined) {
      top.children.push(decode(match[3]));
      continue;
    }
    const tag = (match[1] ?? '').toLowerCase();
    if (match[0].startsWith('</')) {
      const at = stack.map((e) => e.tag).lastIndexOf(tag);
      if (at > 0) stack.length = at;
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (match[2] ?? '').matchAll(/([a-zA-Z-]+)="([^"]*)"/g)) {
      attrs[a[1]!] = decode(a[2] ?? '');
    }
    const element: HtmlElement = { tag, attrs, children: [] };
    top.children.push(element);
    if (!VOID_TAGS.has(tag) && !match[0].endsWith('/>')) stack.push(element);
  }
  return root;
}

function textOf(node: HtmlNode): string {
  if (typeof node === 'string') return node;
  if (node.tag === 'br') return '\n';
  if (node.tag === 'img') return '';
  const separator = node.tag === 'td' || node.tag === 'th' ? '\n' : '';
  return node.children.map(textOf).join(separator);
}

function count(node: HtmlNode, tag: string): number {
  if (typeof node === 'string') return 0;
  return (node.tag === tag ? 1 : 0) + node.children.reduce((n, c) => n + count(c, tag), 0);
}

const MAX_COLUMNS = 30;
const MAX_ROWS = 500;

/**
 * Reads a .docx (a draft written in Word or WPS, or one rendered by this package) into a
 * `DocumentBody` with mammoth: Word headings 1–4 (or 标题 1–4) and short paragraphs numbered
 * "一、", "（一）", "1.", "（1）" become headings of that level, other paragraphs stay
 * paragraphs, tables become rows of cell text. Images and formatting are dropped (with a
 * warning for images). Throws `ValidationFailed` when the result is not a valid body.
 */
export async function importDocx(bytes: Uint8Array): Promise<ImportedDocx> {
  const warnings: string[] = [];
  let result: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
  try {
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { styleMap: STYLE_MAP, ignoreEmptyParagraphs: true },
    );
  } catch (error) {
    throw new ValidationFailed('无法读取该 Word 文档（不是有效的 .docx 文件）', {
      cause: error instanceof Error ? error.message : String(error),
    });
  }
  for (const message of result.messages) {
    const style = /Unrecognised (?:paragraph|run|table) style: '([^']*)'/.exec(message.message);
    warnings.push(
      style ? `未识别的样式“${style[1]}”，已按普通文字导入` : `文档转换提示：${message.message}`,
    );
  }

  const root = parseHtml(result.value);
  const blocks: DocumentBlock[] = [];
  let listItems = 0;
  let nestedTables = 0;
  let cutTables = 0;

  const addParagraph = (raw: string) => {
    const text = raw.replace(/\u00a0/g, ' ').trim();
    if (text === '') return;
    const level = numberedHeadingLevel(text);
    if (level && !text.includes('\n')) blocks.push({ type: 'heading', level, text });
    else blocks.push({ type: 'paragraph', text });
  };

  const addTable = (table: HtmlElement) => {
    const rows: string[][] = [];
    const collectRows = (node: HtmlElement) => {
      for (const child of node.children) {
        if (typeof child === 'string') continue;
        if (child.tag === 'tr') {
          const row: string[] = [];
          for (const cell of child.children) {
            if (typeof cell === 'string' || (cell.tag !== 'td' && cell.tag !== 'th')) continue;
            nestedTables += count(cell, 'table');
            row.push(
              cell.children
                .map(textOf)
                .map((t) => t.trim())
                .filter(Boolean)
                .join('\n'),
            );
            const span = Number(cell.attrs.colspan ?? '1');
            for (let i = 1; i < span; i += 1) row.push('');
          }
          if (row.length > MAX_COLUMNS) cutTables += 1;
          if (row.length > 0) rows.push(row.slice(0, MAX_COLUMNS));
        } else if (child.tag === 'thead' || child.tag === 'tbody' || child.tag === 'tfoot') {
          collectRows(child);
        }
      }
    };
    collectRows(table);
    if (rows.length > MAX_ROWS) cutTables += 1;
    if (rows.length > 0) blocks.push({ type: 'table', rows: rows.slice(0, MAX_ROWS) });
  };

  for (const node of root.children) {
    if (typeof node === 'string') {
      addParagraph(node);
      continue;
    }
    const heading = /^h([1-6])$/.exec(node.tag);
    if (heading) {
      const text = textOf(node).replace(/\s+/g, ' ').trim();
      if (text === '') continue;
      const level = Math.min(Number(heading[1]), 4) as 1 | 2 | 3 | 4;
      if (text.length > 200) blocks.push({ type: 'paragraph', text });
      else blocks.push({ type: 'heading', level, text });
    } else if (node.tag === 'table') {
      addTable(node);
    } else if (node.tag === 'ul' || node.tag === 'ol') {
      for (const item of node.children) {
        if (typeof item === 'string') continue;
        listItems += 1;
        addParagraph(textOf(item));
      }
    } else {
      addParagraph(textOf(node));
    }
  }

  const images = count(root, 'img');
  if (images > 0) warnings.push(`已忽略 ${images} 张图片（正文只保留文字和表格）`);
  if (listItems > 0) {
    warnings.push(`${listItems} 个项目符号或自动编号段落已按普通段落导入，自动编号未保留`);
  }
  if (nestedTables > 0) warnings.push(`${nestedTables} 个嵌套表格已展开为单元格文字`);
  if (cutTables > 0) warnings.push(`有表格超过 ${MAX_COLUMNS} 列或 ${MAX_ROWS} 行，超出部分已舍去`);

  const parsed = ZDocumentBody.safeParse({ blocks });
  if (!parsed.success) {
    throw new ValidationFailed(parsed.error.issues.map((i) => i.message).join('；'), {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  return { body: parsed.data, warnings };
}
