'use client';

import { useQuery } from '@tanstack/react-query';
import { Card, Space, Table, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { HandwritingView } from '~/components/handwriting/handwriting-view';
import { QueryError } from '~/components/query-state';
import { useTRPC } from '~/trpc/react';

const fmt = (d: Date | null | undefined) => (d ? dayjs(d).format('MM-DD HH:mm') : '—');

/** 办理过程: the visible ledger as a timeline, and the 流程统计 of every node. */
export function TimelineCard({ caseId }: { caseId: string }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.outgoing.timeline.queryOptions({ caseId }));
  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const data = q.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card size="small" title="办理过程" loading={!data} data-testid="timeline">
        {data?.scope === 'downward' && (
          <Typography.Paragraph type="secondary">
            仅显示您及下级人员的办理环节。
          </Typography.Paragraph>
        )}
        <Timeline
          items={(data?.steps ?? []).map((s) => ({
            color: s.withdrawn
              ? 'gray'
              : s.event === 'REJECT' || s.event === 'RETURN'
                ? 'red'
                : 'blue',
            content: (
              <div style={{ opacity: s.withdrawn ? 0.55 : 1 }}>
                <Space wrap>
                  <b>{s.label}</b>
                  <span>
                    {s.actorName}
                    {s.onBehalfOfName && `（代${s.onBehalfOfName}）`}
                  </span>
                  <Typography.Text type="secondary">
                    {dayjs(s.at).format('YYYY-MM-DD HH:mm')}
                  </Typography.Text>
                  {s.withdrawn && <Tag>已撤回</Tag>}
                  {s.fromState && s.fromState !== s.toState && (
                    <Typography.Text type="secondary">
                      {s.fromState} → {s.toState}
                    </Typography.Text>
                  )}
                </Space>
                {s.detail && <div>{s.detail}</div>}
                {s.opinion && <div style={{ whiteSpace: 'pre-wrap' }}>意见：{s.opinion}</div>}
                {s.handwriting && <HandwritingView handwriting={s.handwriting} width={240} />}
              </div>
            ),
          }))}
        />
      </Card>
      <Card size="small" title="流程统计">
        <Table
          size="small"
          rowKey={(r) => `${r.node}-${String(r.arrivedAt)}`}
          pagination={false}
          dataSource={data?.statistics ?? []}
          columns={[
            { title: '环节', dataIndex: 'node' },
            {
              title: '定义处理人',
              dataIndex: 'definedHandlers',
              render: (v: string[]) => v.join('、'),
            },
            {
              title: '实际处理人',
              key: 'actual',
              render: (_, r) =>
                r.actualHandler
                  ? `${r.actualHandler}${r.onBehalfOf ? `（代${r.onBehalfOf}）` : ''}`
                  : '—',
            },
            { title: '到达时间', dataIndex: 'arrivedAt', render: fmt },
            { title: '签收时间', dataIndex: 'openedAt', render: fmt },
            { title: '处理时间', dataIndex: 'doneAt', render: fmt },
          ]}
        />
      </Card>
    </Space>
  );
}
