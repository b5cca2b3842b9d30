'use client';

import { useQuery } from '@tanstack/react-query';
import { Card, DatePicker, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import Link from 'next/link';
import { useState } from 'react';
import { fmt } from '~/components/meeting/labels';
import { QueryError } from '~/components/query-state';
import { useTRPC } from '~/trpc/react';
import { lastMonth, STANDING_COLORS } from './labels';

/** 部门汇总: for a chosen month, every department with whether its report is 未报/已报/已登记/已归档. */
export function DepartmentSummaryView() {
  const trpc = useTRPC();
  const [month, setMonth] = useState(lastMonth());
  const q = useQuery({
    ...trpc.monthlyReport.summary.queryOptions({ month }),
    refetchInterval: 10_000,
  });
  const lines = q.data ?? [];
  const missing = lines.filter((l) => l.standing === 'missing').length;
  return (
    <Card
      title="工作月报 · 部门汇总"
      extra={
        <DatePicker
          picker="month"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
          data-testid="summary-month"
        />
      }
    >
      {q.error ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <>
          <Space style={{ marginBottom: 12 }}>
            <Typography.Text data-testid="summary-counts">
              共 {lines.length} 个部门，已报 {lines.length - missing} 个，未报 {missing} 个
            </Typography.Text>
          </Space>
          <Table
            rowKey="departmentId"
            size="middle"
            scroll={{ x: 340 }}
            loading={q.isLoading}
            dataSource={lines}
            pagination={false}
            data-testid="department-summary"
            onRow={(r) => ({ 'data-testid': `summary-${r.departmentId}` }) as never}
            columns={[
              { title: '部门', key: 'dept', render: (_, r) => r.departmentName },
              {
                title: '状态',
                key: 'standing',
                width: 110,
                render: (_, r) => (
                  <Tag color={STANDING_COLORS[r.standing]} data-testid="summary-standing">
                    {r.standingLabel}
                  </Tag>
                ),
              },
              {
                title: '报送时间',
                key: 'at',
                width: 160,
                // a phone shows the department, its standing and the link
                responsive: ['sm'],
                render: (_, r) => fmt(r.submittedAt),
              },
              {
                title: '月报',
                key: 'link',
                width: 90,
                render: (_, r) =>
                  r.caseId ? (
                    <Link href={`/monthly-report/${encodeURIComponent(r.caseId)}`}>查看</Link>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
