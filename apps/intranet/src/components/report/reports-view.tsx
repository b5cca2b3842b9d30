'use client';

import { PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Segmented, Space, Table, Tag } from 'antd';
import Link from 'next/link';
import { useState } from 'react';
import { fmt } from '~/components/meeting/labels';
import { usePeople } from '~/components/meeting/use-people';
import { QueryError } from '~/components/query-state';
import { useTRPC } from '~/trpc/react';
import { REPORT_STATE_COLORS } from './labels';

type Scope = 'all' | 'mine' | 'toApprove';

/** 报告审批: the reports the user writes or approves. */
export function ReportsView() {
  const trpc = useTRPC();
  const people = usePeople();
  const [scope, setScope] = useState<Scope>('all');
  // Pages of 50, newest first; 加载更多 asks for the next.
  const q = useInfiniteQuery({
    ...trpc.report.list.infiniteQueryOptions(
      { scope },
      { getNextPageParam: (p) => p.nextCursor ?? undefined },
    ),
    refetchInterval: 10_000,
  });
  const lines = q.data?.pages.flatMap((p) => p.items) ?? [];
  const total = q.data?.pages[0]?.total ?? 0;
  return (
    <Card
      title="报告审批"
      extra={
        <Space wrap>
          <Segmented
            value={scope}
            onChange={(v) => setScope(v as Scope)}
            options={[
              { value: 'all', label: '全部' },
              { value: 'mine', label: '我的报告' },
              { value: 'toApprove', label: '待我审批' },
            ]}
          />
          <Link href="/reports/new">
            <Button type="primary" icon={<PlusOutlined />} data-testid="new-report">
              新建报告
            </Button>
          </Link>
        </Space>
      }
    >
      {q.error ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <>
          <Table
            rowKey="id"
            scroll={{ x: 900 }}
            loading={q.isLoading}
            dataSource={lines}
            locale={{ emptyText: '暂无报告' }}
            pagination={{ showTotal: () => `共 ${total} 份报告` }}
            columns={[
              {
                title: '标题',
                key: 'title',
                render: (_, r) => (
                  <Space wrap>
                    <Tag>{r.kind}</Tag>
                    <Link href={`/reports/${encodeURIComponent(r.id)}`}>{r.title}</Link>
                    {r.mine && <Tag color="red">待办</Tag>}
                  </Space>
                ),
              },
              {
                title: '拟稿人',
                key: 'author',
                width: 100,
                render: (_, r) => people.userName(r.author),
              },
              {
                title: '状态',
                key: 'state',
                width: 110,
                render: (_, r) => <Tag color={REPORT_STATE_COLORS[r.state]}>{r.stateLabel}</Tag>,
              },
              {
                title: '当前办理人',
                key: 'holders',
                width: 180,
                render: (_, r) => r.holders.map(people.userName).join('、'),
              },
              { title: '送审时间', key: 'at', width: 160, render: (_, r) => fmt(r.submittedAt) },
            ]}
          />
          {q.hasNextPage && (
            <Button
              block
              loading={q.isFetchingNextPage}
              onClick={() => void q.fetchNextPage()}
              data-testid="reports-more"
            >
              加载更多（已显示 {lines.length} / {total}）
            </Button>
          )}
        </>
      )}
    </Card>
  );
}
