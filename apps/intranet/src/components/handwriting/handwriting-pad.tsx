'use client';

import { ClearOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { type PointerEvent, useRef, useState } from 'react';
import { HANDWRITING_MAX_POINTS, type Handwriting, type Stroke } from '~/lib/schemas/handwriting';
import { strokePath } from './stroke-path';

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * 手写批注 pad: draw with a pen (pressure), a finger or the mouse. Strokes are smoothed by
 * perfect-freehand as they are drawn; the value is the raw vector strokes ([x, y, pressure]
 * points in pad pixels), so they print sharp at any size. Undo removes the last stroke.
 */
export function HandwritingPad(props: {
  value: Handwriting | null;
  onChange: (value: Handwriting | null) => void;
  width?: number;
  height?: number;
}) {
  const width = props.width ?? 560;
  const height = props.height ?? 220;
  const strokes = props.value?.strokes ?? [];
  const [current, setCurrent] = useState<Stroke | null>(null);
  const svg = useRef<SVGSVGElement>(null);
  const total = strokes.reduce((n, s) => n + s.length, 0) + (current?.length ?? 0);

  const pointOf = (e: PointerEvent<SVGSVGElement>): [number, number, number] => {
    const box = svg.current!.getBoundingClientRect();
    const x = ((e.clientX - box.left) / box.width) * width;
    const y = ((e.clientY - box.top) / box.height) * height;
    // Mice report 0 (or 0.5 while pressed); pens and some touch screens report real pressure.
    const pressure = e.pointerType === 'pen' && e.pressure > 0 ? e.pressure : 0.5;
    return [
      round(Math.min(width, Math.max(0, x))),
      round(Math.min(height, Math.max(0, y))),
      round(pressure * 100) / 100,
    ];
  };
  const emit = (next: Stroke[]) =>
    props.onChange(next.length === 0 ? null : { width, height, strokes: next });

  return (
    <div>
      <svg
        ref={svg}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{
          maxWidth: width,
          aspectRatio: `${width} / ${height}`,
          border: '1px dashed #bfbfbf',
          borderRadius: 6,
          background: '#fffdf5',
          touchAction: 'none',
          cursor: 'crosshair',
          display: 'block',
        }}
        role="application"
        aria-label="手写批注板"
        data-testid="handwriting-pad"
        onPointerDown={(e) => {
          if (e.button !== 0 && e.pointerType === 'mouse') return;
          if (total >= HANDWRITING_MAX_POINTS) return;
          e.currentTarget.setPointerCapture(e.pointerId);
          setCurrent([pointOf(e)]);
        }}
        onPointerMove={(e) => {
          if (!current) return;
          const events = e.nativeEvent.getCoalescedEvents?.() ?? [];
          const points =
            events.length > 0
              ? events.map((c) =>
                  pointOf({
                    ...e,
                    clientX: c.clientX,
                    clientY: c.clientY,
                    pressure: c.pressure,
                  } as PointerEvent<SVGSVGElement>),
                )
              : [pointOf(e)];
          setCurrent([...current, ...points].slice(0, 5000));
        }}
        onPointerUp={() => {
          if (!current) return;
          emit([...strokes, current]);
          setCurrent(null);
        }}
        onPointerCancel={() => setCurrent(null)}
      >
        {strokes.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: strokes only grow or shrink at the end
          <path key={i} d={strokePath(s)} fill="#1f1f1f" />
        ))}
        {current && <path d={strokePath(current)} fill="#1f1f1f" />}
      </svg>
      <Space style={{ marginTop: 8 }}>
        <Button
          size="small"
          icon={<UndoOutlined />}
          disabled={strokes.length === 0}
          onClick={() => emit(strokes.slice(0, -1))}
        >
          撤销一笔
        </Button>
        <Button
          size="small"
          icon={<ClearOutlined />}
          disabled={strokes.length === 0}
          onClick={() => emit([])}
        >
          清除
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {strokes.length > 0 ? `已写 ${strokes.length} 笔` : '可用手写笔、手指或鼠标书写'}
        </Typography.Text>
      </Space>
    </div>
  );
}
