import type { DocumentBody, OfficialDocument } from '@gongwen/core';
import {
  formatChineseDate,
  formatSecrecy,
  inParentheses,
  withColon,
  withFullStop,
} from './format.ts';

/** One body block as the template's FOR loop sees it. */
export type TemplateBlock =
  | { kind: 'paragraph' | 'heading1' | 'heading2' | 'heading3' | 'heading4'; text: string }
  | { kind: 'table'; rows: string[][] };

/** A row of 签发人: the label ("签发人：" or blank of the same width) and up to two names. */
export interface SignerRow {
  label: string;
  names: string;
}

/** Everything src/template/document.xml reads. */
export interface TemplateData {
  headerFields: [string, string, string];
  markVariant: 'w100' | 'w84' | 'w72' | 'w63' | 'w50' | 'small';
  issuerMark: string;
  /** 下行文 centred; 上行文 with one row of 签发人, or with several rows. */
  docNumberVariant: 'centred' | 'upward' | 'upwardRows';
  docNumber: string;
  signerLeadRows: SignerRow[];
  signerLastRow: SignerRow;
  title: string;
  mainRecipients: string;
  blocks: TemplateBlock[];
  attachmentFirst: string;
  attachmentMore: string[];
  signatureVariant: 'centred' | 'long';
  signatureName: string;
  dateText: string;
  note: string;
  ccRecipients: string;
  printer: string;
  printDateText: string;
}

/** Rendering choices that are not part of the document itself. */
export interface TemplateDataOptions {
  /** IANA zone in which 成文日期 and 印发日期 are read; default Asia/Shanghai. */
  timeZone?: string;
}

/** Width of `text` in body characters: CJK and full-width forms count 1, everything else ½. */
export function textWidthInChars(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    width += code >= 0x2e80 || (code >= 0x2014 && code <= 0x2026) ? 1 : 0.5;
  }
  return width;
}

/**
 * Horizontal scale of the 发文机关标志 (42 pt characters, 14.8 mm wide): full width up to 10
 * characters, then narrower so that the mark stays within about 150 mm of the 156 mm line.
 */
function markVariantFor(mark: string): TemplateData['markVariant'] {
  const width = textWidthInChars(mark);
  if (width <= 10) return 'w100';
  if (width <= 12) return 'w84';
  if (width <= 14) return 'w72';
  if (width <= 16) return 'w63';
  if (width <= 20) return 'w50';
  return 'small';
}

/** The 署名 is centred over the date by a centre tab; it fits when at most 15 characters wide. */
const MAX_CENTRED_SIGNATURE = 15;

const IDEOGRAPHIC_SPACE = '\u3000';

/** Two-character names take a space in the middle ("张　三") so that names line up. */
function padName(name: string): string {
  const chars = [...name];
  return chars.length === 2 ? chars.join(IDEOGRAPHIC_SPACE) : name;
}

/** Two names a row (one when a name is longer than three characters, so rows never wrap). */
function signerRows(signers: readonly string[]): SignerRow[] {
  const names = signers.map(padName);
  const perRow = names.some((n) => [...n].length > 3) ? 1 : 2;
  const rows: SignerRow[] = [];
  for (let i = 0; i < names.length; i += perRow) {
    rows.push({
      label: i === 0 ? '签发人：' : IDEOGRAPHIC_SPACE.repeat(4),
      names: names.slice(i, i + perRow).join(IDEOGRAPHIC_SPACE),
    });
  }
  return rows;
}

function templateBlocks(body: DocumentBody): TemplateBlock[] {
  return body.blocks.map((block): TemplateBlock => {
    if (block.type === 'heading') return { kind: `heading${block.level}`, text: block.text };
    if (block.type === 'paragraph') return { kind: 'paragraph', text: block.text };
    // Ragged rows are padded so that every row has as many cells as the widest.
    const columns = Math.max(...block.rows.map((row) => row.length));
    return {
      kind: 'table',
      rows: block.rows.map((row) => [...row, ...Array<string>(columns - row.length).fill('')]),
    };
  });
}

/** Marks raw XML for docx-templates; made of a control character that `clean` removes. */
export const LITERAL_XML_DELIMITER = '\u0001';

/**
 * Removes the C0 control characters XML 1.0 forbids (keeping tab and line feed) and carriage
 * returns, so that no value can break the document or smuggle in raw XML.
 */
export function clean(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

/** Applies `clean` to every string in a value built from strings, arrays and plain objects. */
function cleanAll<T>(value: T): T {
  if (typeof value === 'string') return clean(value) as T;
  if (Array.isArray(value)) return value.map(cleanAll) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanAll(v)])) as T;
  }
  return value;
}

/** Maps an `OfficialDocument` to the plain values the template prints (cleaned of controls). */
export function buildTemplateData(
  doc: OfficialDocument,
  options: TemplateDataOptions = {},
): TemplateData {
  const timeZone = options.timeZone;
  const headerFields = [
    doc.copyNumber?.trim(),
    formatSecrecy(doc.secrecy, doc.secrecyPeriod),
    doc.urgency,
  ].filter((field): field is string => Boolean(field));
  while (headerFields.length < 3) headerFields.push('');

  const signers = (doc.signers ?? []).map((s) => s.trim()).filter(Boolean);
  const rows = signerRows(signers);
  const attachments = (doc.attachments ?? []).map((a) => a.trim()).filter(Boolean);
  const numbered = attachments.length > 1;
  const attachmentNames = attachments.map((name, i) => (numbered ? `${i + 1}. ${name}` : name));

  return cleanAll<TemplateData>({
    headerFields: headerFields as [string, string, string],
    markVariant: markVariantFor(doc.issuerMark),
    issuerMark: doc.issuerMark.trim(),
    docNumberVariant:
      signers.length === 0 ? 'centred' : rows.length === 1 ? 'upward' : 'upwardRows',
    docNumber: doc.docNumber?.trim() ?? '',
    signerLeadRows: rows.slice(0, -1),
    signerLastRow: rows.at(-1) ?? { label: '', names: '' },
    title: doc.title.trim(),
    mainRecipients: doc.mainRecipients?.trim() ? withColon(doc.mainRecipients) : '',
    blocks: templateBlocks(doc.body),
    attachmentFirst: attachmentNames[0] ?? '',
    attachmentMore: attachmentNames.slice(1),
    signatureVariant:
      textWidthInChars(doc.signatureName.trim()) <= MAX_CENTRED_SIGNATURE ? 'centred' : 'long',
    signatureName: doc.signatureName.trim(),
    dateText: formatChineseDate(doc.date, timeZone),
    note: doc.note?.trim() ? inParentheses(doc.note) : '',
    ccRecipients: doc.ccRecipients?.trim() ? withFullStop(doc.ccRecipients) : '',
    printer: doc.printer.trim(),
    printDateText: `${formatChineseDate(doc.printDate, timeZone)}印发`,
  });
}
