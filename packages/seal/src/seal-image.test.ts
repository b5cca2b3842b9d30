import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createUnitCa, issueSealCertificate } from './certificates.ts';
import { sealPdf } from './pdf-sign.ts';
import { loadSealFont } from './seal-font.ts';
import { roundSealContent } from './seal-image.ts';
import { softwareSigner } from './signer.ts';
import { LONG, makePdf, NOW, tempDir } from './test-helpers.ts';

/** Reads a binary PPM (P6) written by pdftoppm. */
function readPpm(file: string): { width: number; height: number; rgb: Buffer } {
  const data = readFileSync(file);
  const header = data
    .subarray(0, 64)
    .toString('latin1')
    .match(/^P6\s+(\d+)\s+(\d+)\s+255\s/);
  if (!header) throw new Error('not a P6 PPM');
  return {
    width: Number(header[1]),
    height: Number(header[2]),
    rgb: data.subarray(header[0].length),
  };
}

describe('round seal image', () => {
  it('is pure vector drawing in red with glyph outlines from the CJK font (no text operators)', () => {
    const content = roundSealContent(
      { unitName: '北京市海淀区人民政府办公室', code: '1101080012345', label: '公文专用章' },
      119,
    );
    expect(content).toContain('0.863 0.078 0.094 rg');
    expect(content).not.toMatch(/\bBT\b|\bTj\b/);
    // ring + star + 13 name glyphs + 13 code glyphs + 5 label glyphs, each placed with its own cm
    expect(content.match(/ cm\n/g)).toHaveLength(13 + 13 + 5);
    expect(content).not.toMatch(/\b(re|B)\n?f\b.*1 1 1 rg/); // no white background
  });

  it('uses the Simplified Chinese face of the Noto CJK collection', () => {
    expect(loadSealFont().postscriptName).toMatch(/SC|sc/);
    expect(() => loadSealFont('/nonexistent/font.ttc')).toThrow();
  });

  it('renders red, and the text beneath shows through (checked with pdftoppm)', async () => {
    const ca = createUnitCa({ name: '某省电子印章管理中心', ...LONG });
    const unit = issueSealCertificate(ca, {
      unitName: '北京市财政局',
      creditCode: '11110000000000000Y',
      ...LONG,
    });
    const sealed = await sealPdf(await makePdf(1), {
      signer: softwareSigner(unit),
      placement: { page: 0, x: 400, y: 200, size: 119 },
      appearance: { kind: 'round', unitName: '北京市财政局' },
      signingTime: NOW,
    });
    const dir = tempDir();
    writeFileSync(join(dir, 's.pdf'), sealed.pdf);
    // 72 dpi: one pixel per point; crop the seal's box (PDF y=200 is 842-200 from the top).
    execFileSync('pdftoppm', [
      '-r',
      '72',
      '-x',
      '340',
      '-y',
      String(842 - 260),
      '-W',
      '120',
      '-H',
      '120',
      join(dir, 's.pdf'),
      join(dir, 'crop'),
    ]);
    const file = execFileSync('ls', [dir])
      .toString()
      .split('\n')
      .find((f) => f.endsWith('.ppm'))!;
    const { rgb } = readPpm(join(dir, file));
    let red = 0;
    let dark = 0;
    for (let i = 0; i + 2 < rgb.length; i += 3) {
      const [r, g, b] = [rgb[i]!, rgb[i + 1]!, rgb[i + 2]!];
      if (r > 150 && g < 100 && b < 100) red++;
      if (r < 80 && g < 80 && b < 80) dark++;
    }
    expect(red).toBeGreaterThan(1500);
    expect(dark).toBeGreaterThan(50); // the black SIGNATURE BLOCK text under the seal
  });
});
