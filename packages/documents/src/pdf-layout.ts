import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentRenderError } from './errors.ts';
import { runTool } from './process.ts';

/** A box in PDF points, measured from the top-left corner of the page (as pdftotext reports). */
export interface PdfBox {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** One word as pdftotext -bbox-layout cuts it. */
export interface PdfWord extends PdfBox {
  text: string;
}

/** One text line; `text` is its words joined without spaces (Chinese text has none). */
export interface PdfLine extends PdfBox {
  text: string;
  words: PdfWord[];
}

/** One page: size in points and its lines from top to bottom. */
export interface PdfPage {
  width: number;
  height: number;
  lines: PdfLine[];
}

/** Text layout of a whole PDF. */
export interface PdfLayout {
  pages: PdfPage[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x?[0-9a-f]+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) {
      return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    }
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}

function box(attrs: string): PdfBox {
  const num = (name: string) =>
    Number(new RegExp(`${name}="([^"]+)"`).exec(attrs)?.[1] ?? Number.NaN);
  return { xMin: num('xMin'), yMin: num('yMin'), xMax: num('xMax'), yMax: num('yMax') };
}

/** Parses the XHTML that `pdftotext -bbox-layout` prints. */
export function parseBboxLayout(xhtml: string): PdfLayout {
  const pages: PdfPage[] = [];
  const pageRe = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g;
  for (const page of xhtml.matchAll(pageRe)) {
    const lines: PdfLine[] = [];
    for (const line of (page[3] ?? '').matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)) {
      const words: PdfWord[] = [];
      for (const word of (line[2] ?? '').matchAll(/<word ([^>]*)>([\s\S]*?)<\/word>/g)) {
        words.push({ ...box(word[1] ?? ''), text: decode(word[2] ?? '') });
      }
      lines.push({ ...box(line[1] ?? ''), words, text: words.map((w) => w.text).join('') });
    }
    lines.sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
    pages.push({ width: Number(page[1]), height: Number(page[2]), lines });
  }
  return { pages };
}

/** Options of `readPdfLayout`. */
export interface PdfLayoutOptions {
  /** The pdftotext executable (poppler-utils); default "pdftotext". */
  command?: string;
  timeoutMs?: number;
}

/** Reads the position of every text line of `pdf` with poppler's `pdftotext -bbox-layout`. */
export async function readPdfLayout(
  pdf: Uint8Array,
  options: PdfLayoutOptions = {},
): Promise<PdfLayout> {
  const dir = await mkdtemp(join(tmpdir(), 'gongwen-pdftotext-'));
  try {
    const file = join(dir, 'document.pdf');
    await writeFile(file, pdf);
    const result = await runTool(options.command ?? 'pdftotext', ['-bbox-layout', file, '-'], {
      timeoutMs: options.timeoutMs ?? 30_000,
      label: 'pdftotext (poppler-utils)',
    });
    if (result.code !== 0) {
      throw new DocumentRenderError('BAD_OUTPUT', 'pdftotext 无法读取 PDF', result.stderr);
    }
    return parseBboxLayout(result.stdout);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
