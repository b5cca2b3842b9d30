import type { OfficialDocument } from '@gongwen/core';
import { createReport } from 'docx-templates';
import { loadTemplateDocx } from './template.ts';
import {
  buildTemplateData,
  LITERAL_XML_DELIMITER,
  type TemplateDataOptions,
} from './template-data.ts';

/** Fills the GB/T 9704 template with `doc` using docx-templates; returns the .docx bytes. */
export async function renderOfficialDocx(
  doc: OfficialDocument,
  options: TemplateDataOptions = {},
): Promise<Uint8Array> {
  const template = await loadTemplateDocx();
  const data = buildTemplateData(doc, options);
  return createReport({
    template,
    data: { ...data },
    cmdDelimiter: ['+++', '+++'],
    // The template is ours and its commands only read `data`; values are never evaluated.
    noSandbox: true,
    rejectNullish: true,
    // "\n" in a value becomes a line break (<w:br/> between two <w:t>).
    processLineBreaks: true,
    processLineBreaksAsNewText: true,
    // docx-templates treats text between two delimiters as raw XML; buildTemplateData strips
    // control characters from every value, so this one can never occur in user text.
    literalXmlDelimiter: LITERAL_XML_DELIMITER,
    indentXml: false,
  });
}
