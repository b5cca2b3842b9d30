import { z } from 'zod';

/**
 * The body (正文) of an official document as structured blocks. The same shape is written
 * by the browser editor, produced by .docx import, versioned by the 发文 workflow and
 * rendered into the GB/T 9704 layout.
 *
 * Heading levels follow GB/T 9704-2012 §7.3.3: 1 = "一、" (黑体), 2 = "（一）" (楷体),
 * 3 = "1." (仿宋), 4 = "（1）" (仿宋). The heading text carries its own numbering exactly as
 * the drafter wrote it ("一、工作目标"); renderers never renumber.
 */
export const ZDocumentBlock = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('heading'),
    level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    text: z.string().trim().min(1, '标题不能为空').max(200, '标题过长（最多 200 字）'),
  }),
  z.object({
    type: z.literal('paragraph'),
    text: z.string().max(10_000, '段落过长（最多 10000 字）'),
  }),
  z.object({
    type: z.literal('table'),
    rows: z
      .array(z.array(z.string().max(2_000, '单元格内容过长')).min(1).max(30))
      .min(1, '表格至少一行')
      .max(500, '表格过大（最多 500 行）'),
  }),
]);
/** One block of a document body (a paragraph, heading or table), the output of `ZDocumentBlock`. */
export type DocumentBlock = z.infer<typeof ZDocumentBlock>;

/** A whole 正文. */
export const ZDocumentBody = z.object({
  blocks: z.array(ZDocumentBlock).max(5_000, '正文过长'),
});
/** A document body (正文) as blocks, the output of `ZDocumentBody`. */
export type DocumentBody = z.infer<typeof ZDocumentBody>;

/** Plain text of a body, one block per line (tables as tab-separated rows). */
export function bodyToPlainText(body: DocumentBody): string {
  return body.blocks
    .map((block) =>
      block.type === 'table' ? block.rows.map((row) => row.join('\t')).join('\n') : block.text,
    )
    .join('\n');
}
