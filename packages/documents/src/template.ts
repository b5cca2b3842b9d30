import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';

/** The readable OOXML sources of the template, and where each goes in the .docx package. */
const PARTS: ReadonlyArray<readonly [source: string, partName: string]> = [
  ['content-types.xml', '[Content_Types].xml'],
  ['package-rels.xml', '_rels/.rels'],
  ['core.xml', 'docProps/core.xml'],
  ['document.xml', 'word/document.xml'],
  ['document-rels.xml', 'word/_rels/document.xml.rels'],
  ['styles.xml', 'word/styles.xml'],
  ['settings.xml', 'word/settings.xml'],
  ['footer-odd.xml', 'word/footer1.xml'],
  ['footer-even.xml', 'word/footer2.xml'],
];

// Derived by string from this module's URL rather than `new URL('./template/', import.meta.url)`:
// bundlers (Next's Turbopack) treat that pattern as an asset import and cannot resolve a folder.
const TEMPLATE_DIR = new URL(import.meta.url.replace(/[^/]*$/, 'template/'));

let cached: Promise<Uint8Array> | undefined;

/**
 * The GB/T 9704 template as a .docx (docx-templates commands inside), assembled once from the
 * XML files in src/template/. Deterministic: the same sources give the same bytes.
 */
export function loadTemplateDocx(): Promise<Uint8Array> {
  cached ??= buildTemplateDocx().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function buildTemplateDocx(): Promise<Uint8Array> {
  const zip = new JSZip();
  const fixedDate = new Date('2026-01-01T00:00:00Z');
  for (const [source, partName] of PARTS) {
    const xml = await readFile(new URL(source, TEMPLATE_DIR), 'utf8');
    zip.file(partName, stripComments(xml), { date: fixedDate });
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Comments explain the sources; they do not belong in the package. */
function stripComments(xml: string): string {
  return xml.replace(/<!--[\s\S]*?-->\s*/g, '');
}
