'use client';

import {
  DownloadOutlined,
  LeftOutlined,
  PrinterOutlined,
  RightOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Empty,
  Grid,
  Input,
  Popover,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import type { Dayjs } from 'dayjs';
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CaseTags } from '~/components/case-tags';
import { QueryError } from '~/components/query-state';
import { periodOfRange } from '~/lib/date-range';
import { ledgerColumns, visibleLedgerColumns } from '~/lib/ledger-columns';
import { caseHref } from '~/lib/links';
import {
  LEDGER_TITLES,
  type LedgerFilter,
  type LedgerWorkflow,
  ledgerQueryToSearchParams,
} from '~/lib/schemas/ledger';
import { SECRECY_OPTIONS, URGENCY_OPTIONS } from '~/lib/schemas/tasks';
import { type RouterOutputs, useTRPC } from '~/trpc/react';

type Line = RouterOutputs['ledger']['list']['items'][number];

const CELL_STYLE = { whiteSpace: 'pre-line' as const, fontSize: 13 };

/** Pixels per character of a column's width. */
const CHAR_PX = 14;

/** Where the columns a user hid are kept: per user and ledger, in this browser. */
const hiddenColumnsKey = (userId: string, workflow: LedgerWorkflow) =>
  `gongwen:ledger-hidden-columns:${userId}:${workflow}`;

/** The columns this user hid (列设置), remembered in localStorage. */
function useHiddenColumns(userId: string, workflow: LedgerWorkflow) {
  const [hidden, setHidden] = useState<string[]>([]);
  useEffect(() => {
    try {
      const saved = JSON.parse(localStorage.getItem(hiddenColumnsKey(userId, workflow)) ?? '[]');
      if (Array.isArray(saved)) setHidden(saved.filter((k) => typeof k === 'string'));
    } catch {
      // an unreadable entry is the same as none
    }
  }, [userId, workflow]);
  const save = useCallback(
    (next: string[]) => {
      setHidden(next);
      try {
        localStorage.setItem(hiddenColumnsKey(userId, workflow), JSON.stringify(next));
      } catch {
        // storage full or disabled: the choice lasts for this page only
      }
    },
    [userId, workflow],
  );
  return [hidden, save] as const;
}

/**
 * Whether the table's scrolling part has more to the left or right, followed as it scrolls
 * or resizes (the 左右滚动 hint and arrows).
 */
function useHorizontalOverflow(layout: string) {
  const wrapper = useRef<HTMLDivElement>(null);
  const [overflow, setOverflow] = useState({ left: false, right: false });
  const scroller = useCallback(
    () =>
      wrapper.current?.querySelector<HTMLElement>('.ant-table-body, .ant-table-content') ?? null,
    [],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: measured again when the layout (columns, rows) changes
  useEffect(() => {
    const el = scroller();
    if (!el) return;
    const measure = () =>
      setOverflow({
        left: el.scrollLeft > 1,
        right: el.scrollLeft + el.clientWidth < el.scrollWidth - 1,
      });
    measure();
    el.addEventListener('scroll', measure, { passive: true });
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => {
      el.removeEventListener('scroll', measure);
      observer.disconnect();
    };
  }, [scroller, layout]);
  const scrollBy = (direction: -1 | 1) => {
    const el = scroller();
    el?.scrollBy({ left: direction * el.clientWidth * 0.8, behavior: 'smooth' });
  };
  return { wrapper, overflow, scrollBy };
}

/** 流程台帐: the 收文 and 发文 ledgers, filtered and paged on the server, with export and print. */
export function LedgerView({ userId }: { userId: string }) {
  const [workflow, setWorkflow] = useState<LedgerWorkflow>('incoming');
  return (
    <Card title="流程台帐" variant="borderless">
      <Tabs
        activeKey={workflow}
        onChange={(k) => setWorkflow(k as LedgerWorkflow)}
        items={(['incoming', 'outgoing'] as const).map((w) => ({
          key: w,
          label: LEDGER_TITLES[w],
          children: <LedgerTable key={w} workflow={w} userId={userId} />,
        }))}
        destroyOnHidden
      />
    </Card>
  );
}

function LedgerTable({ workflow, userId }: { workflow: LedgerWorkflow; userId: string }) {
  const trpc = useTRPC();
  const screens = Grid.useBreakpoint();
  // phones: only 标题 stays at the left, narrower, so that the other columns have room
  const narrow = screens.md === false;
  const [hidden, setHidden] = useHiddenColumns(userId, workflow);
  const all = ledgerColumns(workflow);
  const shown = useMemo(() => {
    const visible = visibleLedgerColumns(workflow, hidden);
    // phones: 标题 first, the only column kept at the left
    return narrow
      ? [...visible.filter((c) => c.key === 'title'), ...visible.filter((c) => c.key !== 'title')]
      : visible;
  }, [workflow, hidden, narrow]);
  const [filter, setFilter] = useState<LedgerFilter>({ workflow, page: 1, pageSize: 20 });
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const options = useQuery({
    ...trpc.ledger.options.queryOptions({ workflow }),
    staleTime: 5 * 60_000,
  });
  const q = useQuery({
    ...trpc.ledger.list.queryOptions(filter),
    placeholderData: keepPreviousData,
  });
  const set = (patch: Partial<LedgerFilter>) => setFilter((f) => ({ ...f, ...patch, page: 1 }));
  const params = ledgerQueryToSearchParams(filter).toString();

  const widthOf = useCallback(
    (c: (typeof all)[number]) => (narrow && c.key === 'title' ? 150 : c.width * CHAR_PX),
    [narrow],
  );
  const columns = useMemo<ColumnsType<Line>>(
    () =>
      shown.map((c) => ({
        title: c.title,
        key: c.key,
        width: widthOf(c),
        ...(c.pinned && (!narrow || c.key === 'title') ? { fixed: 'left' as const } : {}),
        render: (_: unknown, l: Line) => {
          const text = l.cells[c.key] ?? '';
          if (c.key === 'title')
            return (
              <Space orientation="vertical" size={2}>
                <Link href={caseHref(l.workflow, l.caseId)}>{text}</Link>
                <Space size={4} wrap>
                  <CaseTags fields={{ urgency: l.urgency, secrecy: l.secrecy }} />
                  {l.overdue && <Tag color="error">超期</Tag>}
                </Space>
              </Space>
            );
          return <span style={CELL_STYLE}>{text || '—'}</span>;
        },
      })),
    [shown, narrow, widthOf],
  );
  const tableWidth = shown.reduce((a, c) => a + widthOf(c), 0);
  const { wrapper, overflow, scrollBy } = useHorizontalOverflow(
    `${shown.map((c) => c.key).join()}|${narrow}|${q.data?.items.length ?? 0}`,
  );
  const hideable = all.filter((c) => !c.pinned);
  const chooser = (
    <Checkbox.Group
      style={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(96px, auto))', gap: 6 }}
      value={hideable.filter((c) => !hidden.includes(c.key)).map((c) => c.key)}
      onChange={(keys) => setHidden(hideable.map((c) => c.key).filter((k) => !keys.includes(k)))}
      options={hideable.map((c) => ({ value: c.key, label: c.title }))}
      data-testid="ledger-column-options"
    />
  );

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={workflow === 'incoming' ? '标题、文号或收文编号' : '标题或文号'}
          style={{ width: 240 }}
          onSearch={(v) => set({ search: v.trim() || undefined })}
          aria-label="搜索标题或文号"
        />
        <DatePicker.RangePicker
          value={range}
          placeholder={[workflow === 'incoming' ? '签收开始日期' : '拟稿开始日期', '结束日期']}
          aria-label="期间"
          onChange={(r) => {
            setRange(r);
            set({
              period: periodOfRange(r),
            });
          }}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={workflow === 'incoming' ? '承办/传阅部门' : '拟稿/会签部门'}
          style={{ width: 170 }}
          aria-label="部门"
          options={(options.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
          onChange={(v?: string) => set({ departmentId: v })}
        />
        <Select
          allowClear
          placeholder="状态"
          style={{ width: 130 }}
          aria-label="状态"
          options={options.data?.states ?? []}
          onChange={(v?: string) => set({ state: v })}
        />
        <Select
          allowClear
          placeholder="紧急程度"
          style={{ width: 110 }}
          aria-label="紧急程度"
          options={URGENCY_OPTIONS.map((v) => ({ value: v, label: v }))}
          onChange={(v?: (typeof URGENCY_OPTIONS)[number]) => set({ urgency: v })}
        />
        <Select
          allowClear
          placeholder="密级"
          style={{ width: 100 }}
          aria-label="密级"
          options={SECRECY_OPTIONS.map((v) => ({ value: v, label: v }))}
          onChange={(v?: (typeof SECRECY_OPTIONS)[number]) => set({ secrecy: v })}
        />
        <Button
          icon={<DownloadOutlined />}
          href={`/api/export/ledger?${params}`}
          download
          data-testid="ledger-export"
        >
          导出 Excel
        </Button>
        <Button
          icon={<PrinterOutlined />}
          href={`/ledger/print?${params}`}
          target="_blank"
          data-testid="ledger-print"
        >
          打印
        </Button>
      </Space>
      {q.data?.scope === 'downward' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="仅列出您本人及下级经办的办件，上级的办理环节不显示。"
        />
      )}
      <Space
        wrap
        style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}
        data-testid="ledger-columns-bar"
      >
        <Typography.Text type="secondary" data-testid="ledger-columns-hint">
          显示 {shown.length}/{all.length} 列
          {overflow.right || overflow.left
            ? `，${overflow.right ? '向右' : '向左'}滚动查看其余各列`
            : ''}
        </Typography.Text>
        <Space size={4}>
          <Button
            size="small"
            icon={<LeftOutlined />}
            disabled={!overflow.left}
            onClick={() => scrollBy(-1)}
            aria-label="向左滚动"
          />
          <Button
            size="small"
            icon={<RightOutlined />}
            disabled={!overflow.right}
            onClick={() => scrollBy(1)}
            aria-label="向右滚动"
            data-testid="ledger-scroll-right"
          />
          <Popover
            trigger="click"
            placement="bottomRight"
            title={
              <Space style={{ width: '100%', justifyContent: 'space-between' }}>
                <span>显示的列</span>
                <Button size="small" type="link" onClick={() => setHidden([])}>
                  全部显示
                </Button>
              </Space>
            }
            content={chooser}
          >
            <Button size="small" icon={<SettingOutlined />} data-testid="ledger-column-chooser">
              列设置
            </Button>
          </Popover>
        </Space>
      </Space>
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <div ref={wrapper}>
          <Table<Line>
            rowKey={(l) => l.caseId}
            columns={columns}
            dataSource={q.data?.items ?? []}
            loading={q.isFetching}
            bordered
            size="small"
            scroll={{ x: tableWidth }}
            // the horizontal scrollbar stays at the bottom of the window, not below the last row
            sticky={{ offsetScroll: 0 }}
            data-testid="ledger-table"
            locale={{ emptyText: <Empty description="暂无符合条件的办件" /> }}
            rowClassName={(l) => (l.overdue ? 'row-overdue' : '')}
            onChange={(p) =>
              setFilter((f) => ({ ...f, page: p.current ?? 1, pageSize: p.pageSize ?? 20 }))
            }
            pagination={{
              current: filter.page,
              pageSize: filter.pageSize,
              total: q.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (t) => `共 ${t} 件`,
              simple: narrow,
            }}
          />
        </div>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        导出和打印使用当前的筛选条件。
      </Typography.Paragraph>
    </>
  );
}
