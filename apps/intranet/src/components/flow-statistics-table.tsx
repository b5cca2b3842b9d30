'use client';

import { useQuery } from '@tanstack/react-query';
import { Empty, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import dayjs from 'dayjs';
import { QueryError } from '~/components/query-state';
import { type RouterOutputs, useTRPC } from '~/trpc/react';

type Row = RouterOutputs['ledger']['flowStatistics']['rows'][number];

const time = (d: Date | null) => (d ? dayjs(d).format('YYYY-MM-DD HH:mm') : '—');

/**
 * 流程统计 of a case: each node with its name, 定义处理人, 实际处理人, 签收时间 (first opened)
 * and 处理时间. Shows only the nodes the signed-in user may see (the server decides).
 * Embed it on a case page: `<FlowStatisticsTable caseId={id} />`.
 */
export function FlowStatisticsTable({
  caseId,
  title = '流程统计',
}: {
  caseId: string;
  title?: string | null;
}) {
  const trpc = useTRPC();
  const q = useQuery(trpc.ledger.flowStatistics.queryOptions({ caseId }));
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const columns: ColumnsType<Row> = [
    { title: '序号', key: 'no', width: 60, render: (_, __, i) => i + 1 },
    {
      title: '节点名称',
      key: 'node',
      render: (_, r) => (
        <>
          {r.node}
          {r.kind === 'read' && <Tag style={{ marginInlineStart: 8 }}>传阅</Tag>}
          {r.overdue && (
            <Tag color="error" style={{ marginInlineStart: 8 }}>
              超期
            </Tag>
          )}
        </>
      ),
    },
    { title: '定义处理人', key: 'defined', render: (_, r) => r.definedHandlers.join('、') || '—' },
    {
      title: '实际处理人',
      key: 'actual',
      render: (_, r) =>
        r.actualHandler ??
        (r.doneAt ? '—' : <Typography.Text type="secondary">办理中</Typography.Text>),
    },
    { title: '到达时间', key: 'arrivedAt', width: 150, render: (_, r) => time(r.arrivedAt) },
    { title: '签收时间', key: 'openedAt', width: 150, render: (_, r) => time(r.openedAt) },
    { title: '处理时间', key: 'doneAt', width: 150, render: (_, r) => time(r.doneAt) },
  ];
  return (
    <Table<Row>
      size="small"
      rowKey={(r) => `${r.key}:${r.arrivedAt.valueOf()}`}
      title={title ? () => <Typography.Text strong>{title}</Typography.Text> : undefined}
      columns={columns}
      dataSource={q.data?.rows ?? []}
      loading={q.isLoading}
      pagination={false}
      data-testid="flow-statistics"
      locale={{ emptyText: <Empty description="暂无流程节点" /> }}
      footer={
        q.data?.scope === 'downward'
          ? () => <Typography.Text type="secondary">仅显示您本人及下级经办的节点</Typography.Text>
          : undefined
      }
    />
  );
}
