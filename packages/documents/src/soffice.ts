import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DocumentRenderError } from './errors.ts';
import { runTool } from './process.ts';

/** The fontconfig file that maps 仿宋_GB2312, 方正小标宋简体, 黑体 and 楷体_GB2312 to free fonts. */
export const FONTCONFIG_FILE = fileURLToPath(new URL('../fontconfig/fonts.conf', import.meta.url));

/** How to run LibreOffice. */
export interface SofficeOptions {
  /** The soffice executable; default "soffice" on the PATH. */
  command?: string;
  /** Kill a conversion after this many milliseconds; default 60 000. */
  timeoutMs?: number;
  /** Directory for the per-run temporary folders; default the OS temp dir. */
  tempDir?: string;
}

/**
 * Converts a .docx to PDF with `soffice --headless --convert-to pdf`, in a fresh temporary
 * directory with a private LibreOffice profile (so parallel runs never share one), with
 * FONTCONFIG_FILE pointing at the package's font mapping. The directory is always removed.
 */
export async function convertDocxToPdf(
  docx: Uint8Array,
  options: SofficeOptions = {},
): Promise<Uint8Array> {
  const command = options.command ?? 'soffice';
  const dir = await mkdtemp(join(options.tempDir ?? tmpdir(), 'gongwen-soffice-'));
  try {
    const input = join(dir, 'document.docx');
    const outDir = join(dir, 'out');
    await writeFile(input, docx);
    const profile = pathToFileURL(join(dir, 'profile')).href;
    const result = await runTool(
      command,
      [
        `-env:UserInstallation=${profile}`,
        '--headless',
        '--invisible',
        '--nodefault',
        '--nolockcheck',
        '--nologo',
        '--norestore',
        '--convert-to',
        'pdf:writer_pdf_Export',
        '--outdir',
        outDir,
        input,
      ],
      {
        env: { ...process.env, FONTCONFIG_FILE, HOME: dir, SAL_USE_VCLPLUGIN: 'svp' },
        cwd: dir,
        timeoutMs: options.timeoutMs ?? 60_000,
        label: 'LibreOffice (soffice)',
      },
    );
    const pdf = await readFile(join(outDir, 'document.pdf')).catch(() => undefined);
    if (result.code !== 0 || !pdf) {
      throw new DocumentRenderError(
        'CONVERSION_FAILED',
        `LibreOffice 转换 PDF 失败（退出码 ${result.code ?? result.signal}）`,
        `${result.stderr}\n${result.stdout}`.trim(),
      );
    }
    if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
      throw new DocumentRenderError('BAD_OUTPUT', 'LibreOffice 输出的不是 PDF 文件', result.stderr);
    }
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
