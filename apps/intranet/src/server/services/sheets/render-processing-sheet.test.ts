import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ZHandwriting } from '~/lib/schemas/handwriting';
import { formatSheetTime, renderProcessingSheet } from './render-processing-sheet';

const dir = mkdtempSync(join(tmpdir(), 'sheet-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function save(bytes: Uint8Array, name: string): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** Dark pixels of page 1 rendered in grey at 36 dpi (PGM: a short header, then one byte per pixel). */
function darkPixels(file: string): number {
  const out = join(dir, `ink-${Math.random().toString(36).slice(2)}`);
  execFileSync('pdftoppm', ['-r', '36', '-gray', '-f', '1', '-l', '1', '-singlefile', file, out]);
  const pgm = readFileSync(`${out}.pgm`);
  let offset = 0;
  for (let fields = 0; fields < 4; ) {
    while (pgm[offset] === 0x20 || pgm[offset] === 0x0a) offset++;
    while (pgm[offset] !== 0x20 && pgm[offset] !== 0x0a) offset++;
    fields++;
  }
  offset++;
  let dark = 0;
  for (let i = offset; i < pgm.length; i++) if (pgm[i]! < 96) dark++;
  return dark;
}

const strokes = ZHandwriting.parse({
  width: 400,
  height: 160,
  strokes: [
    Array.from({ length: 30 }, (_, i) => [20 + i * 10, 40 + Math.sin(i / 3) * 20, 0.3 + i / 60]),
    [
      [50, 120, 0.5],
      [120, 110, 0.5],
      [200, 125, 0.5],
    ],
  ],
});

describe('renderProcessingSheet', () => {
  it('renders one A4 page with the title, the fields and every opinion (handwriting as paths)', async () => {
    const pdf = await renderProcessingSheet({
      title: '收文处理笺',
      unitName: '示例县人民政府',
      fields: [
        ['收文编号', '收〔2026〕0001'],
        ['标题', '关于做好2027年度预算编制工作的通知'],
        ['来文单位', '市财政局'],
      ],
      opinions: [
        {
          step: '拟办意见',
          name: '周文秘',
          at: new Date('2026-11-25T01:30:00Z'),
          text: '拟请张县长阅示，县财政局牵头办理。',
        },
        {
          step: '领导批示',
          name: '徐秘书长（代张县长）',
          at: new Date('2026-11-25T03:00:00Z'),
          text: '请财政局研究落实',
          strokes,
        },
      ],
    });
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const file = save(pdf, 'sheet.pdf');
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text.stderr).toBe(''); // poppler accepts the embedded font
    for (const s of [
      '收文处理笺',
      '示例县人民政府',
      '收〔2026〕0001',
      '关于做好2027年度预算编制工作的通知',
      '拟请张县长阅示，县财政局牵头办理。',
      '请财政局研究落实',
      '徐秘书长（代张县长）',
      formatSheetTime(new Date('2026-11-25T03:00:00Z')),
    ]) {
      expect(text.stdout).toContain(s);
    }
    expect(formatSheetTime(new Date('2026-11-25T03:00:00Z'))).toBe('2026-11-25 11:00');
    // A subset of the CJK font, not the 25 MB collection.
    expect(pdf.byteLength).toBeLessThan(300_000);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/NotoSerifCJKsc-Regular.*CID Type 0C.*yes/);
    // The handwriting is drawn as filled vector paths: the page has clearly more ink with it.
    const plain = save(
      await renderProcessingSheet({
        title: '收文处理笺',
        unitName: '示例县人民政府',
        fields: [
          ['收文编号', '收〔2026〕0001'],
          ['标题', '关于做好2027年度预算编制工作的通知'],
          ['来文单位', '市财政局'],
        ],
        opinions: [
          {
            step: '拟办意见',
            name: '周文秘',
            at: new Date('2026-11-25T01:30:00Z'),
            text: '拟请张县长阅示，县财政局牵头办理。',
          },
          {
            step: '领导批示',
            name: '徐秘书长（代张县长）',
            at: new Date('2026-11-25T03:00:00Z'),
            text: '请财政局研究落实',
          },
        ],
      }),
      'plain.pdf',
    );
    expect(darkPixels(file)).toBeGreaterThan(darkPixels(plain) + 200);
  });

  it('continues on a second page when the opinions run long', async () => {
    const pdf = await renderProcessingSheet({
      title: '收文处理笺',
      fields: [['标题', '测试']],
      opinions: Array.from({ length: 40 }, (_, i) => ({
        step: '阅文意见',
        name: `阅读人${i + 1}`,
        at: new Date('2026-11-25T03:00:00Z'),
        text: '已阅。'.repeat(20),
      })),
    });
    const file = save(pdf, 'long.pdf');
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThan(1);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('阅读人40');
  });
});
