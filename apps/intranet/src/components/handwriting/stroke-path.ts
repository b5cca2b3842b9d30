import { getStroke, type StrokeOptions } from 'perfect-freehand';

/** One pen stroke as sampled: [x, y, pressure] points. */
export type StrokePoints = ReadonlyArray<readonly [number, number, number]>;

/** The brush of 手写批注: a fountain-pen feel that follows pen pressure. */
export const HANDWRITING_STROKE_OPTIONS: StrokeOptions = {
  size: 6,
  thinning: 0.6,
  smoothing: 0.5,
  streamline: 0.45,
  simulatePressure: false,
  last: true,
};

const average = (a: number, b: number) => (a + b) / 2;

/**
 * The SVG path (`d`) of one stroke's outline, smoothed by perfect-freehand: a closed shape
 * of quadratic curves to be filled. Pure, so pages, print views and the PDF share it.
 */
export function strokePath(
  points: StrokePoints,
  options: StrokeOptions = HANDWRITING_STROKE_OPTIONS,
): string {
  if (points.length === 0) return '';
  // A mouse reports no pressure: let perfect-freehand simulate it from the speed.
  const flat = points.every((p) => p[2] === 0.5);
  const outline = getStroke(
    points.map((p) => [p[0], p[1], p[2]]),
    flat ? { ...options, simulatePressure: true } : options,
  );
  const len = outline.length;
  if (len < 4) {
    const [x, y] = points[0] ?? [0, 0];
    const r = (options.size ?? 6) / 2;
    return `M ${x - r} ${y} a ${r} ${r} 0 1 0 ${2 * r} 0 a ${r} ${r} 0 1 0 ${-2 * r} 0 Z`;
  }
  const f = (n: number) => n.toFixed(2);
  // Quadratic curves through the midpoints, each controlled by an outline point: the same
  // shape as perfect-freehand's `M … Q … T …` path, spelled with explicit Q commands so that
  // every renderer (browsers, pdf-lib) reads it alike.
  const a = outline[0]!;
  let d = `M ${f(a[0]!)} ${f(a[1]!)}`;
  for (let i = 1; i < len - 1; i++) {
    const p = outline[i]!;
    const q = outline[i + 1]!;
    d += ` Q ${f(p[0]!)} ${f(p[1]!)} ${f(average(p[0]!, q[0]!))} ${f(average(p[1]!, q[1]!))}`;
  }
  return `${d} Z`;
}
