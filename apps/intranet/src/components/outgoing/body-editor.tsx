'use client';

import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  MinusOutlined,
  PlusOutlined,
  TableOutlined,
} from '@ant-design/icons';
import type { DocumentBlock, DocumentBody } from '@gongwen/core';
import { Button, Input, Select, Space, Tooltip, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { type KeyboardEvent, useCallback, useEffect, useRef, useState } from 'react';

/** The kind selector's values: heading levels, paragraph and table. */
type Kind = 'h1' | 'h2' | 'h3' | 'h4' | 'p' | 'table';

const KIND_OPTIONS: Array<{ value: Kind; label: string }> = [
  { value: 'h1', label: '一级标题（一、）' },
  { value: 'h2', label: '二级标题（（一））' },
  { value: 'h3', label: '三级标题（1.）' },
  { value: 'h4', label: '四级标题（（1））' },
  { value: 'p', label: '正文段落' },
  { value: 'table', label: '表格' },
];

/** How each heading level looks in the editor (GB/T 9704: 黑体, 楷体, 仿宋 加粗, 仿宋). */
const HEADING_STYLE: Record<1 | 2 | 3 | 4, React.CSSProperties> = {
  1: { fontWeight: 700, fontSize: 17 },
  2: { fontWeight: 600, fontSize: 16, fontStyle: 'italic' },
  3: { fontWeight: 600, fontSize: 15 },
  4: { fontSize: 15 },
};

function kindOf(b: DocumentBlock): Kind {
  if (b.type === 'heading') return `h${b.level}` as Kind;
  return b.type === 'table' ? 'table' : 'p';
}

function textOf(b: DocumentBlock): string {
  return b.type === 'table' ? b.rows.map((r) => r.join(' ')).join('\n') : b.text;
}

/** Converts a block to another kind, keeping its text. */
function convert(b: DocumentBlock, kind: Kind): DocumentBlock {
  if (kind === 'table') {
    if (b.type === 'table') return b;
    return {
      type: 'table',
      rows: [
        [b.text, ''],
        ['', ''],
      ],
    };
  }
  const text = b.type === 'table' ? b.rows.map((r) => r.join('　')).join('\n') : b.text;
  if (kind === 'p') return { type: 'paragraph', text };
  return { type: 'heading', level: Number(kind.slice(1)) as 1 | 2 | 3 | 4, text };
}

interface Item {
  id: number;
  block: DocumentBlock;
}

/** A rectangular table with at least one cell. */
function normaliseRows(rows: string[][]): string[][] {
  const cols = Math.max(1, ...rows.map((r) => r.length));
  const out = rows.length > 0 ? rows : [['']];
  return out.map((r) => [...r, ...Array<string>(cols - r.length).fill('')]);
}

/**
 * The structured 正文 editor: a list of blocks (heading levels 1–4, paragraphs, tables) that
 * can be added, moved, converted, edited and deleted. Keyboard:
 * - Enter in a heading, Ctrl+Enter anywhere: a new paragraph below;
 * - Backspace in an empty block: delete it;
 * - Alt+↑ / Alt+↓: move the block; ↑ at the start / ↓ at the end: go to the block above / below;
 * - Ctrl+Alt+1 … 4: heading level; Ctrl+Alt+0: paragraph.
 * Uncontrolled: give it a new `key` to load another body (e.g. after a Word import).
 */
export function BodyEditor(props: {
  defaultValue: DocumentBody;
  onChange: (body: DocumentBody) => void;
  /** Field errors of the body (`blocks.3.text` → message), shown on their block. */
  errors?: Record<string, string>;
  id?: string;
}) {
  const nextId = useRef(1);
  const [items, setItems] = useState<Item[]>(() =>
    props.defaultValue.blocks.map((block) => ({ id: nextId.current++, block })),
  );
  const refs = useRef(new Map<number, HTMLTextAreaElement | HTMLInputElement | null>());
  const [focusId, setFocusId] = useState<{ id: number; at: 'start' | 'end' } | null>(null);
  const { onChange } = props;

  const commit = useCallback(
    (next: Item[]) => {
      setItems(next);
      onChange({ blocks: next.map((i) => i.block) });
    },
    [onChange],
  );

  useEffect(() => {
    if (!focusId) return;
    const el = refs.current.get(focusId.id);
    if (el) {
      el.focus();
      const pos = focusId.at === 'start' ? 0 : el.value.length;
      el.setSelectionRange(pos, pos);
    }
    setFocusId(null);
  }, [focusId]);

  const update = (id: number, block: DocumentBlock) =>
    commit(items.map((i) => (i.id === id ? { ...i, block } : i)));
  const insertAfter = (index: number, block: DocumentBlock) => {
    const item = { id: nextId.current++, block };
    commit([...items.slice(0, index + 1), item, ...items.slice(index + 1)]);
    setFocusId({ id: item.id, at: 'start' });
  };
  const remove = (index: number) => {
    const next = items.filter((_, i) => i !== index);
    commit(next);
    const neighbour = next[Math.max(0, index - 1)];
    if (neighbour) setFocusId({ id: neighbour.id, at: 'end' });
  };
  const move = (index: number, delta: -1 | 1) => {
    const target = index + delta;
    if (target < 0 || target >= items.length) return;
    const next = [...items];
    const [moved] = next.splice(index, 1);
    next.splice(target, 0, moved!);
    commit(next);
    setFocusId({ id: moved!.id, at: 'end' });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement | HTMLInputElement>, index: number) => {
    const item = items[index]!;
    const el = e.currentTarget;
    const atStart = el.selectionStart === 0 && el.selectionEnd === 0;
    const atEnd = el.selectionStart === el.value.length;
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey || item.block.type === 'heading')) {
      e.preventDefault();
      insertAfter(index, { type: 'paragraph', text: '' });
    } else if (e.key === 'Backspace' && el.value === '' && items.length > 1) {
      e.preventDefault();
      remove(index);
    } else if (e.altKey && !e.ctrlKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      move(index, e.key === 'ArrowUp' ? -1 : 1);
    } else if (e.key === 'ArrowUp' && atStart && index > 0) {
      e.preventDefault();
      setFocusId({ id: items[index - 1]!.id, at: 'end' });
    } else if (e.key === 'ArrowDown' && atEnd && index < items.length - 1) {
      e.preventDefault();
      setFocusId({ id: items[index + 1]!.id, at: 'start' });
    } else if (e.ctrlKey && e.altKey && /^[0-4]$/.test(e.key)) {
      e.preventDefault();
      update(item.id, convert(item.block, e.key === '0' ? 'p' : (`h${e.key}` as Kind)));
      setFocusId({ id: item.id, at: 'end' });
    }
  };

  const setRef = (id: number) => (el: TextAreaRef | { input: HTMLInputElement | null } | null) => {
    const node =
      el && 'resizableTextArea' in el
        ? (el.resizableTextArea?.textArea ?? null)
        : ((el as { input: HTMLInputElement | null } | null)?.input ?? null);
    refs.current.set(id, node);
  };

  return (
    <div id={props.id} data-testid="body-editor">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        标题在 Enter 后接正文段落；Ctrl+Enter 插入段落；Alt+↑/↓ 移动；空块按退格删除；Ctrl+Alt+1…4
        设为标题，Ctrl+Alt+0 设为段落。
      </Typography.Paragraph>
      <ol style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="正文内容">
        {items.map((item, index) => {
          const b = item.block;
          const error = Object.entries(props.errors ?? {})
            .filter(([k]) => k.startsWith(`blocks.${index}.`) || k === `blocks.${index}`)
            .map(([, m]) => m)[0];
          return (
            <li
              key={item.id}
              data-testid={`block-${index}`}
              style={{
                display: 'flex',
                gap: 8,
                alignItems: 'flex-start',
                padding: '6px 0',
                borderBottom: '1px dashed #f0f0f0',
              }}
            >
              <Select<Kind>
                aria-label={`第${index + 1}块的类型`}
                size="small"
                style={{ width: 150, flex: 'none' }}
                value={kindOf(b)}
                options={KIND_OPTIONS}
                onChange={(k) => update(item.id, convert(b, k))}
              />
              <div style={{ flex: 1, minWidth: 0 }}>
                {b.type === 'heading' && (
                  <Input
                    ref={setRef(item.id)}
                    aria-label={`第${index + 1}块：${b.level}级标题`}
                    value={b.text}
                    placeholder={['一、…', '（一）…', '1. …', '（1）…'][b.level - 1]}
                    style={HEADING_STYLE[b.level]}
                    status={error ? 'error' : undefined}
                    onChange={(e) => update(item.id, { ...b, text: e.target.value })}
                    onKeyDown={(e) => onKeyDown(e, index)}
                  />
                )}
                {b.type === 'paragraph' && (
                  <Input.TextArea
                    ref={setRef(item.id)}
                    aria-label={`第${index + 1}块：正文段落`}
                    value={b.text}
                    autoSize={{ minRows: 1, maxRows: 20 }}
                    placeholder="正文段落"
                    status={error ? 'error' : undefined}
                    onChange={(e) => update(item.id, { ...b, text: e.target.value })}
                    onKeyDown={(e) => onKeyDown(e, index)}
                  />
                )}
                {b.type === 'table' && (
                  <TableBlockEditor
                    index={index}
                    rows={b.rows}
                    onChange={(rows) =>
                      update(item.id, { type: 'table', rows: normaliseRows(rows) })
                    }
                  />
                )}
                {error && (
                  <Typography.Text type="danger" style={{ fontSize: 12 }}>
                    {error}
                  </Typography.Text>
                )}
              </div>
              <Space size={0} style={{ flex: 'none' }}>
                <Tooltip title="上移（Alt+↑）">
                  <Button
                    size="small"
                    type="text"
                    aria-label="上移"
                    icon={<ArrowUpOutlined />}
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                  />
                </Tooltip>
                <Tooltip title="下移（Alt+↓）">
                  <Button
                    size="small"
                    type="text"
                    aria-label="下移"
                    icon={<ArrowDownOutlined />}
                    disabled={index === items.length - 1}
                    onClick={() => move(index, 1)}
                  />
                </Tooltip>
                <Tooltip title="在下方插入段落（Ctrl+Enter）">
                  <Button
                    size="small"
                    type="text"
                    aria-label="在下方插入段落"
                    icon={<PlusOutlined />}
                    onClick={() => insertAfter(index, { type: 'paragraph', text: '' })}
                  />
                </Tooltip>
                <Tooltip title="删除">
                  <Button
                    size="small"
                    type="text"
                    danger
                    aria-label="删除"
                    icon={<DeleteOutlined />}
                    onClick={() => remove(index)}
                  />
                </Tooltip>
              </Space>
            </li>
          );
        })}
      </ol>
      <Space style={{ marginTop: 8 }} wrap>
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() => insertAfter(items.length - 1, { type: 'heading', level: 1, text: '' })}
        >
          添加标题
        </Button>
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() => insertAfter(items.length - 1, { type: 'paragraph', text: '' })}
        >
          添加段落
        </Button>
        <Button
          size="small"
          icon={<TableOutlined />}
          onClick={() =>
            insertAfter(items.length - 1, {
              type: 'table',
              rows: [
                ['', ''],
                ['', ''],
              ],
            })
          }
        >
          添加表格
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          共 {items.length} 块，{items.reduce((n, i) => n + textOf(i.block).length, 0)} 字
        </Typography.Text>
      </Space>
    </div>
  );
}

/** A table block: a grid of cells with rows and columns to add and remove. */
function TableBlockEditor(props: {
  index: number;
  rows: string[][];
  onChange: (rows: string[][]) => void;
}) {
  const { rows } = props;
  const cols = rows[0]?.length ?? 1;
  const setCell = (r: number, c: number, text: string) =>
    props.onChange(rows.map((row, i) => (i === r ? row.map((x, j) => (j === c ? text : x)) : row)));
  return (
    <div>
      <table style={{ borderCollapse: 'collapse', width: '100%' }}>
        <tbody>
          {rows.map((row, r) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their position
            <tr key={r}>
              {row.map((cell, c) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells have no identity beyond their position
                <td key={c} style={{ border: '1px solid #d9d9d9', padding: 2 }}>
                  <Input
                    variant="borderless"
                    size="small"
                    aria-label={`第${props.index + 1}块表格第${r + 1}行第${c + 1}列`}
                    value={cell}
                    onChange={(e) => setCell(r, c, e.target.value)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <Space size={4} style={{ marginTop: 4 }}>
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() => props.onChange([...rows, Array<string>(cols).fill('')])}
        >
          行
        </Button>
        <Button
          size="small"
          icon={<MinusOutlined />}
          disabled={rows.length <= 1}
          onClick={() => props.onChange(rows.slice(0, -1))}
        >
          行
        </Button>
        <Button
          size="small"
          icon={<PlusOutlined />}
          disabled={cols >= 30}
          onClick={() => props.onChange(rows.map((r) => [...r, '']))}
        >
          列
        </Button>
        <Button
          size="small"
          icon={<MinusOutlined />}
          disabled={cols <= 1}
          onClick={() => props.onChange(rows.map((r) => r.slice(0, -1)))}
        >
          列
        </Button>
      </Space>
    </div>
  );
}
