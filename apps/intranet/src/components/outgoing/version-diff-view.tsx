'use client';

import type { BlockDiffRow, DiffSegment, DocumentBlock, TextDiff } from '@gongwen/core';
import { Empty, Space, Tag, Typography } from 'antd';
import { BlockView } from './body-view';

const ADDED = { background: '#d9f7be', textDecoration: 'none' } as const;
const REMOVED = { background: '#ffccc7', textDecoration: 'line-through' } as const;

function Segments({ segments }: { segments: DiffSegment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.op === 'equal' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional
          <span key={i}>{s.text}</span>
        ) : s.op === 'added' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional
          <ins key={i} style={ADDED} data-diff="added">
            {s.text}
          </ins>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional
          <del key={i} style={REMOVED} data-diff="removed">
            {s.text}
          </del>
        ),
      )}
    </>
  );
}

const BLOCK_NAME = (b: DocumentBlock) =>
  b.type === 'heading' ? `${b.level}级标题` : b.type === 'table' ? '表格' : '段落';

function ChangedText({
  diff,
  side,
  block,
}: {
  diff: TextDiff;
  side: 'left' | 'right';
  block: DocumentBlock;
}) {
  const heading = block.type === 'heading';
  return (
    <p
      style={{
        textIndent: '2em',
        margin: '4px 0',
        whiteSpace: 'pre-wrap',
        lineHeight: 1.9,
        fontWeight: heading && block.level <= 3 ? 700 : undefined,
      }}
    >
      <Segments segments={side === 'left' ? diff.left : diff.right} />
    </p>
  );
}

function ChangedCells({ cells, side }: { cells: TextDiff[][]; side: 'left' | 'right' }) {
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%' }}>
      <tbody>
        {cells.map((row, r) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
          <tr key={r}>
            {row.map((cell, c) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
              <td key={c} style={{ border: '1px solid #595959', padding: '2px 6px' }}>
                <Segments segments={side === 'left' ? cell.left : cell.right} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const CELL: React.CSSProperties = { verticalAlign: 'top', padding: '2px 8px', width: '50%' };

/**
 * Two versions side by side: unchanged blocks on both sides, removed blocks red on the left,
 * added blocks green on the right, and changed blocks with their removed and added characters
 * marked (tables cell by cell).
 */
export function VersionDiffView(props: {
  fromLabel: string;
  toLabel: string;
  rows: BlockDiffRow[];
  stats: {
    changed: number;
    added: number;
    removed: number;
    charsAdded: number;
    charsRemoved: number;
  };
}) {
  const { rows, stats } = props;
  return (
    <div data-testid="version-diff">
      <Space wrap style={{ marginBottom: 8 }}>
        <Tag color="blue">修改 {stats.changed} 处</Tag>
        <Tag color="green">新增 {stats.added} 块</Tag>
        <Tag color="red">删除 {stats.removed} 块</Tag>
        <Typography.Text type="secondary">
          增加 {stats.charsAdded} 字，删除 {stats.charsRemoved} 字
        </Typography.Text>
      </Space>
      {rows.length === 0 ? (
        <Empty description="两个版本都没有内容" />
      ) : (
        <table
          style={{
            width: '100%',
            borderCollapse: 'collapse',
            tableLayout: 'fixed',
            fontFamily: 'FangSong, "Noto Serif CJK SC", serif',
          }}
        >
          <thead>
            <tr>
              <th style={{ ...CELL, textAlign: 'left' }}>{props.fromLabel}</th>
              <th style={{ ...CELL, textAlign: 'left' }}>{props.toLabel}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => {
              const bg =
                row.kind === 'added'
                  ? '#f6ffed'
                  : row.kind === 'removed'
                    ? '#fff1f0'
                    : row.kind === 'changed'
                      ? '#fffbe6'
                      : undefined;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: diff rows are positional
                <tr key={i} data-kind={row.kind} style={{ borderTop: '1px solid #f0f0f0' }}>
                  <td style={{ ...CELL, background: row.kind === 'added' ? undefined : bg }}>
                    {row.kind === 'equal' && <BlockView block={row.left} />}
                    {row.kind === 'removed' && (
                      <div style={{ ...REMOVED, textDecoration: 'line-through' }}>
                        <BlockView block={row.left} />
                      </div>
                    )}
                    {row.kind === 'changed' &&
                      (row.cells ? (
                        <ChangedCells cells={row.cells} side="left" />
                      ) : row.text ? (
                        <ChangedText diff={row.text} side="left" block={row.left} />
                      ) : (
                        <BlockView block={row.left} />
                      ))}
                  </td>
                  <td style={{ ...CELL, background: row.kind === 'removed' ? undefined : bg }}>
                    {row.kind === 'equal' && <BlockView block={row.right} />}
                    {row.kind === 'added' && (
                      <div style={ADDED}>
                        <BlockView block={row.right} />
                      </div>
                    )}
                    {row.kind === 'changed' && (
                      <>
                        {row.left.type !== row.right.type ||
                        (row.left.type === 'heading' &&
                          row.right.type === 'heading' &&
                          row.left.level !== row.right.level) ? (
                          <Tag color="orange">
                            {BLOCK_NAME(row.left)} → {BLOCK_NAME(row.right)}
                          </Tag>
                        ) : null}
                        {row.cells ? (
                          <ChangedCells cells={row.cells} side="right" />
                        ) : row.text ? (
                          <ChangedText diff={row.text} side="right" block={row.right} />
                        ) : (
                          <BlockView block={row.right} />
                        )}
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
