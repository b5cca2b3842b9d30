'use client';

import type { DocumentBlock, DocumentBody } from '@gongwen/core';
import { Empty } from 'antd';

const HEADING_STYLE: Record<1 | 2 | 3 | 4, React.CSSProperties> = {
  1: { fontFamily: 'SimHei, "Noto Sans CJK SC", sans-serif', fontWeight: 700 },
  2: { fontFamily: 'KaiTi, "AR PL UKai CN", serif' },
  3: { fontWeight: 700 },
  4: {},
};

/** One block as it reads in the document (GB/T 9704 heading faces, 2-character indent). */
export function BlockView({ block }: { block: DocumentBlock }) {
  if (block.type === 'table') {
    return (
      <table style={{ borderCollapse: 'collapse', margin: '6px 0', width: '100%' }}>
        <tbody>
          {block.rows.map((row, r) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their position
            <tr key={r}>
              {row.map((cell, c) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells have no identity beyond their position
                <td key={c} style={{ border: '1px solid #595959', padding: '2px 6px' }}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  const style: React.CSSProperties = {
    textIndent: '2em',
    margin: '4px 0',
    whiteSpace: 'pre-wrap',
    lineHeight: 1.9,
    ...(block.type === 'heading' ? HEADING_STYLE[block.level] : {}),
  };
  return <p style={style}>{block.text}</p>;
}

/** A 正文 read-only, in reading order. */
export function BodyView({ body }: { body: DocumentBody }) {
  if (body.blocks.length === 0) return <Empty description="正文为空" />;
  return (
    <div
      data-testid="body-view"
      style={{ fontFamily: 'FangSong, "Noto Serif CJK SC", serif', fontSize: 16 }}
    >
      {body.blocks.map((b, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: blocks of a saved version never move
        <BlockView key={i} block={b} />
      ))}
    </div>
  );
}
