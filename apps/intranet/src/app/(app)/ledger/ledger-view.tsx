'use client';

import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Empty,
  Input,
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
import { useMemo, useState } from 'react';
import { CaseTags } from '~/components/case-tags';
import { QueryError } from '~/components/query-state';
import { periodOfRange } from '~/lib/date-range';
import { ledgerColumns } from '~/lib/ledger-columns';
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

/** 流程台帐: the 收文 and 发文 ledgers, filtered and paged on the server, with export and print. */
export function LedgerView() {
  const [workflow, setWorkflow] = useState<LedgerWorkflow>('incoming');
  return (
    <Card title="流程台帐" variant="borderless">
      <Tabs
        activeKey={workflow}
        onChange={(k) => setWorkflow(k as LedgerWorkflow)}
        items={(['incoming', 'outgoing'] as const).map((w) => ({
          key: w,
          label: LEDGER_TITLES[w],
          children: <LedgerTable key={w} workflow={w} />,
        }))}
        destroyOnHidden
      />
    </Card>
  );
}

function LedgerTable({ workflow }: { workflow: LedgerWorkflow }) {
  const trpc = useTRPC();
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

  const columns = useMemo<ColumnsType<Line>>(
    () =>
      ledgerColumns(workflow).map((c) => ({
        title: c.title,
        key: c.key,
        width: c.width * 14,
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
    [workflow],
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
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<Line>
          rowKey={(l) => l.caseId}
          columns={columns}
          dataSource={q.data?.items ?? []}
          loading={q.isFetching}
          bordered
          size="small"
          scroll={{ x: ledgerColumns(workflow).reduce((a, c) => a + c.width * 14, 0) }}
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
          }}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        导出和打印使用当前的筛选条件。
      </Typography.Paragraph>
    </>
  );
}
