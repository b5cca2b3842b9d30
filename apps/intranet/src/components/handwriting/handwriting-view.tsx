import type { Handwriting } from '~/lib/schemas/handwriting';
import { strokePath } from './stroke-path';

/**
 * 手写批注 as an SVG: every stroke filled with its perfect-freehand outline. No client code,
 * so it renders the same on the case page, in the print view and in the timeline.
 */
export function HandwritingView(props: {
  handwriting: Handwriting;
  /** Display width in CSS pixels (height follows the pad's aspect ratio). */
  width?: number;
  color?: string;
  label?: string;
}) {
  const { width: w, height: h, strokes } = props.handwriting;
  const width = props.width ?? Math.min(w, 360);
  return (
    <svg
      role="img"
      aria-label={props.label ?? '手写批注'}
      viewBox={`0 0 ${w} ${h}`}
      width={width}
      height={(width * h) / w}
      style={{ display: 'block', maxWidth: '100%', height: 'auto' }}
      data-testid="handwriting-view"
    >
      {strokes.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: strokes are immutable once written
        <path key={i} d={strokePath(s)} fill={props.color ?? '#1f1f1f'} />
      ))}
    </svg>
  );
}
