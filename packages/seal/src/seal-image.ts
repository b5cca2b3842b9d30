import type { Font } from 'fontkit';
import { loadSealFont } from './seal-font.ts';

/** What to draw on a standard round seal (圆形公章). */
export interface RoundSealDesign {
  /** Unit name along the upper arc. */
  unitName: string;
  /** Optional seal code (印章编码) along the lower arc. */
  code?: string;
  /** Optional horizontal line under the star, e.g. 公文专用章. */
  label?: string;
  /** CJK font (a fontkit Font); defaults to loadSealFont(). */
  font?: Font;
}

type Matrix = [number, number, number, number, number, number];

const RED = '0.863 0.078 0.094';

const mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const translate = (x: number, y: number): Matrix => [1, 0, 0, 1, x, y];
const rotate = (rad: number): Matrix => [
  Math.cos(rad),
  Math.sin(rad),
  -Math.sin(rad),
  Math.cos(rad),
  0,
  0,
];
const scale = (sx: number, sy: number): Matrix => [sx, 0, 0, sy, 0, 0];
const num = (n: number): string => {
  const r = Math.round(n * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
};

/** PDF path operators for one glyph's outline (in font units). */
function glyphPath(font: Font, char: string): { ops: string; advance: number } {
  const glyph = font.layout(char).glyphs[0];
  if (!glyph) return { ops: '', advance: font.unitsPerEm };
  const ops: string[] = [];
  let cx = 0;
  let cy = 0;
  for (const { command, args } of glyph.path.commands) {
    const a = args.map(num);
    if (command === 'moveTo') ops.push(`${a[0]} ${a[1]} m`);
    else if (command === 'lineTo') ops.push(`${a[0]} ${a[1]} l`);
    else if (command === 'bezierCurveTo') ops.push(`${a.join(' ')} c`);
    else if (command === 'quadraticCurveTo') {
      // Raise the quadratic to a cubic: control points at 2/3 towards the quadratic control.
      const [qx, qy, x, y] = args as [number, number, number, number];
      const c1x = cx + (2 / 3) * (qx - cx);
      const c1y = cy + (2 / 3) * (qy - cy);
      const c2x = x + (2 / 3) * (qx - x);
      const c2y = y + (2 / 3) * (qy - y);
      ops.push(`${[c1x, c1y, c2x, c2y, x, y].map(num).join(' ')} c`);
    } else if (command === 'closePath') ops.push('h');
    if (args.length >= 2) {
      cx = args[args.length - 2]!;
      cy = args[args.length - 1]!;
    }
  }
  return { ops: ops.join('\n'), advance: glyph.advanceWidth };
}

/**
 * The font-unit→seal matrix for a glyph whose bottom centre sits on a circle of `radius`
 * around (c, c) at angle `theta`, turned by `turn`, scaled `sx`×`sy` per font unit.
 */
function onCircle(
  c: number,
  radius: number,
  theta: number,
  turn: number,
  sx: number,
  sy: number,
  descent: number,
): (advance: number) => Matrix {
  return (advance) =>
    [
      translate(c + radius * Math.cos(theta), c + radius * Math.sin(theta)),
      rotate(turn),
      scale(sx, sy),
      translate(-advance / 2, -descent),
    ].reduce(mul);
}

/** Draws `char` with the given font-unit→seal matrix as a filled outline. */
function placeGlyph(font: Font, char: string, place: (advance: number) => Matrix): string {
  const { ops, advance } = glyphPath(font, char);
  if (!ops) return '';
  return `q ${place(advance).map(num).join(' ')} cm\n${ops}\nf Q`;
}

function star(cx: number, cy: number, outer: number): string {
  const inner = outer * 0.382;
  const points: string[] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = Math.PI / 2 + (i * Math.PI) / 5;
    points.push(`${num(cx + r * Math.cos(a))} ${num(cy + r * Math.sin(a))} ${i === 0 ? 'm' : 'l'}`);
  }
  return `${points.join('\n')}\nh f`;
}

function circle(cx: number, cy: number, r: number): string {
  const k = 0.5523 * r;
  return [
    `${num(cx + r)} ${num(cy)} m`,
    `${num(cx + r)} ${num(cy + k)} ${num(cx + k)} ${num(cy + r)} ${num(cx)} ${num(cy + r)} c`,
    `${num(cx - k)} ${num(cy + r)} ${num(cx - r)} ${num(cy + k)} ${num(cx - r)} ${num(cy)} c`,
    `${num(cx - r)} ${num(cy - k)} ${num(cx - k)} ${num(cy - r)} ${num(cx)} ${num(cy - r)} c`,
    `${num(cx + k)} ${num(cy - r)} ${num(cx + r)} ${num(cy - k)} ${num(cx + r)} ${num(cy)} c`,
    'h S',
  ].join('\n');
}

/**
 * The content stream of a red round seal drawn in a `size`×`size` box: ring, five-pointed
 * star, unit name along the upper arc and optional code along the lower arc. Glyphs are
 * outlines from a real CJK font; nothing is filled behind them, so the page shows through.
 */
export function roundSealContent(design: RoundSealDesign, size: number): string {
  const font = design.font ?? loadSealFont();
  const key = JSON.stringify([design.unitName, design.code, design.label, size]);
  const cache = drawn.get(font) ?? new Map<string, string>();
  drawn.set(font, cache);
  const cached = cache.get(key);
  if (cached) return cached;
  const content = drawRoundSeal(design, font, size);
  if (cache.size >= 256) cache.clear();
  cache.set(key, content);
  return content;
}

/** Drawn seals by font and design: a unit's seal is drawn once, not on every document. */
const drawn = new WeakMap<Font, Map<string, string>>();

function drawRoundSeal(design: RoundSealDesign, font: Font, size: number): string {
  const em = font.unitsPerEm;
  const descent = (font['OS/2'] as { typoDescender?: number } | undefined)?.typoDescender ?? -120;
  const c = size / 2;
  const ring = size * 0.03;
  const outer = c - ring / 2 - size * 0.005;
  const parts = [
    `${RED} rg ${RED} RG ${num(ring)} w`,
    circle(c, c, outer),
    star(c, c, size * 0.17),
  ];

  const name = [...design.unitName.trim()];
  if (name.length > 0) {
    const h = size * 0.15;
    const s = h / em;
    const base = outer - ring / 2 - size * 0.03 - h;
    const span = Math.min(Math.max(name.length * 0.42, 1.6), 4.4);
    const perChar = (base * span) / name.length;
    const squeeze = Math.min(1, (perChar * 0.92) / h);
    name.forEach((ch, i) => {
      const theta = Math.PI / 2 + span / 2 - (span * (i + 0.5)) / name.length;
      // Upright towards the rim: the glyph's top points away from the centre.
      parts.push(
        placeGlyph(
          font,
          ch,
          onCircle(c, base, theta, theta - Math.PI / 2, s * squeeze, s, descent),
        ),
      );
    });
  }

  const code = [...(design.code ?? '').trim()];
  if (code.length > 0) {
    const h = size * 0.065;
    const s = h / em;
    const base = outer - ring / 2 - size * 0.025;
    const span = Math.min(code.length * 0.11, 2.2);
    code.forEach((ch, i) => {
      const theta = (3 * Math.PI) / 2 - span / 2 + (span * (i + 0.5)) / code.length;
      // Read from below: the glyph's top points towards the centre.
      parts.push(
        placeGlyph(font, ch, onCircle(c, base, theta, theta + Math.PI / 2, s, s, descent)),
      );
    });
  }

  const label = [...(design.label ?? '').trim()];
  if (label.length > 0) {
    const h = size * 0.1;
    const s = h / em;
    const width = Math.min(size * 0.6, label.length * h);
    const squeeze = Math.min(1, width / (label.length * h));
    label.forEach((ch, i) => {
      const x = c - width / 2 + (width * (i + 0.5)) / label.length;
      parts.push(
        placeGlyph(font, ch, (advance) =>
          [
            translate(x, c - size * 0.3),
            scale(s * squeeze, s),
            translate(-advance / 2, -descent),
          ].reduce(mul),
        ),
      );
    });
  }
  return parts.filter(Boolean).join('\n');
}
