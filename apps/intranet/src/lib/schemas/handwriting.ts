import { z } from 'zod';

/** Most strokes one handwritten opinion may hold. */
export const HANDWRITING_MAX_STROKES = 300;
/** Most points of all strokes together (a full page of 批示 needs far fewer). */
export const HANDWRITING_MAX_POINTS = 30_000;

/** One sampled point of a pen stroke: x, y (pad pixels) and pressure (0–1). */
export const ZStrokePoint = z.tuple([
  z.number().finite().min(0).max(4000),
  z.number().finite().min(0).max(4000),
  z.number().finite().min(0).max(1),
]);

/** 手写批注: vector strokes drawn on a pad of `width` × `height` pixels. */
export const ZHandwriting = z
  .strictObject({
    width: z.number().int().min(50).max(4000),
    height: z.number().int().min(50).max(4000),
    strokes: z
      .array(z.array(ZStrokePoint).min(1, '笔画不能为空').max(5000, '单个笔画过长'))
      .min(1, '手写批注不能为空')
      .max(HANDWRITING_MAX_STROKES, `手写批注最多${HANDWRITING_MAX_STROKES}笔`),
  })
  .refine((h) => h.strokes.reduce((n, s) => n + s.length, 0) <= HANDWRITING_MAX_POINTS, {
    message: '手写批注内容过多，请清除部分笔画',
    path: ['strokes'],
  });

/** Validated handwriting. */
export type Handwriting = z.output<typeof ZHandwriting>;
/** One stroke: its points. */
export type Stroke = Handwriting['strokes'][number];
