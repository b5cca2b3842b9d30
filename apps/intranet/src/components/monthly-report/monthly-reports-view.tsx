'use client';

import { PlusOutlined, TableOutlined } from '@ant-design/icons';
import { MONTHLY_REPORT_STATE_LABELS } from '@gongwen/core/events';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import Link from 'next/link';
import { useState } from 'react';
import { fmt } from '~/components/meeting/labels';
import { usePeople } from '~/components/meeting/use-people';
import { QueryError } from '~/components/query-state';
import { useTRPC } from '~/trpc/react';
import { MONTHLY_REPORT_STATE_COLORS, monthText } from './labels';

/** 工作月报: the reports the user may see, filtered by 月份, 部门 and 状态. */
export function MonthlyReportsView({ seesAll }: { seesAll: boolean }) {
  const trpc = useTRPC();
  const people = usePeople();
  const [month, setMonth] = useState<string | null>(null);
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [state, setState] = useState<string | null>(null);
  const q = useInfiniteQuery({
    ...trpc.monthlyReport.list.infiniteQueryOptions(
      { month, departmentId, state },
      { getNextPageParam: (p) => p.nextCursor ?? undefined },
    ),
    refetchInterval: 10_000,
  });
  const lines = q.data?.pages.flatMap((p) => p.items) ?? [];
  const total = q.data?.pages[0]?.total ?? 0;
  return (
    <Card
      title="工作月报"
      extra={
        <Space wrap>
          {seesAll && (
            <Link href="/monthly-report/summary">
              <Button icon={<TableOutlined />} data-testid="monthly-summary-link">
                部门汇总
              </Button>
            </Link>
          )}
          <Link href="/monthly-report/new">
            <Button type="primary" icon={<PlusOutlined />} data-testid="new-monthly-report">
              新建月报
            </Button>
          </Link>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker
          picker="month"
          placeholder="月份"
          value={month ? dayjs(`${month}-01`) : null}
          onChange={(d) => setMonth(d ? d.format('YYYY-MM') : null)}
          data-testid="filter-month"
        />
        {seesAll && (
          <Select
            allowClear
            placeholder="部门"
            style={{ minWidth: 160 }}
            value={departmentId}
            onChange={(v) => setDepartmentId(v ?? null)}
            options={people.departmentOptions}
            data-testid="filter-department"
          />
        )}
        <Select
          allowClear
          placeholder="状态"
          style={{ minWidth: 120 }}
          value={state}
          onChange={(v) => setState(v ?? null)}
          options={Object.entries(MONTHLY_REPORT_STATE_LABELS).map(([value, label]) => ({
            value,
            label,
          }))}
          data-testid="filter-state"
        />
      </Space>
      {q.error ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <>
          <Table
            rowKey="id"
            scroll={{ x: 640 }}
            loading={q.isLoading}
            dataSource={lines}
            locale={{ emptyText: '暂无工作月报' }}
            pagination={{ showTotal: () => `共 ${total} 份月报` }}
            data-testid="monthly-report-list"
            columns={[
              {
                title: '月份',
                key: 'month',
                width: 120,
                render: (_, r) => (
                  <Link href={`/monthly-report/${encodeURIComponent(r.id)}`}>
                    {monthText(r.month)}
                  </Link>
                ),
              },
              { title: '部门', key: 'dept', render: (_, r) => r.departmentName },
              { title: '拟稿人', key: 'author', width: 100, render: (_, r) => r.authorName },
              {
                title: '状态',
                key: 'state',
                width: 110,
                render: (_, r) => (
                  <Tag color={MONTHLY_REPORT_STATE_COLORS[r.state]}>{r.stateLabel}</Tag>
                ),
              },
              { title: '报送时间', key: 'at', width: 160, render: (_, r) => fmt(r.submittedAt) },
            ]}
          />
          {q.hasNextPage && (
            <Button block loading={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()}>
              加载更多（已显示 {lines.length} / {total}）
            </Button>
          )}
        </>
      )}
    </Card>
  );
}
