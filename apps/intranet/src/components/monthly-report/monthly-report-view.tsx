'use client';

import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { isDestructiveAction, orderActions } from '~/components/action-order';
import { fmt } from '~/components/meeting/labels';
import { QueryError } from '~/components/query-state';
import type { MonthlyReportEventType } from '~/lib/schemas/monthly-report';
import { useTRPC } from '~/trpc/react';
import { MONTHLY_REPORT_STATE_COLORS } from './labels';
import { MonthlyReportAction } from './monthly-report-action';

const PARTS = [
  ['done', '本月工作完成情况'],
  ['problems', '存在问题'],
  ['plan', '下月工作计划'],
] as const;

/** The 工作月报 page: the report, where it stands, its flow and the user's actions. */
export function MonthlyReportView({ caseId }: { caseId: string }) {
  const trpc = useTRPC();
  const q = useQuery({
    ...trpc.monthlyReport.get.queryOptions({ caseId }),
    refetchInterval: 5_000,
  });
  const [action, setAction] = useState<{ type: MonthlyReportEventType; title: string } | null>(
    null,
  );
  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const r = q.data;
  if (!r) return <Card loading />;
  return (
    <div>
      <Card
        title={
          <Space wrap>
            <span data-testid="monthly-report-title">{r.title}</span>
            <Tag color={MONTHLY_REPORT_STATE_COLORS[r.state]} data-testid="monthly-report-state">
              {r.stateLabel}
            </Tag>
          </Space>
        }
        extra={
          <Space wrap>
            {orderActions(r.actions).map((a) => (
              <Button
                key={a.type}
                type={isDestructiveAction(a.type) ? 'default' : 'primary'}
                danger={isDestructiveAction(a.type)}
                data-testid={`monthly-action-${a.type}`}
                onClick={() =>
                  setAction({ type: a.type as MonthlyReportEventType, title: a.title })
                }
              >
                {a.title}
              </Button>
            ))}
          </Space>
        }
      >
        {r.returned && r.state === 'returned' && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="monthly-report-returned"
            title={`${r.returned.byName}退回：${r.returned.reason}`}
          />
        )}
        <Descriptions size="small" bordered column={{ xs: 1, sm: 2, md: 4 }}>
          <Descriptions.Item label="月份">{r.month}</Descriptions.Item>
          <Descriptions.Item label="部门">{r.departmentName}</Descriptions.Item>
          <Descriptions.Item label="拟稿人">{r.authorName}</Descriptions.Item>
          <Descriptions.Item label="报送时间">{fmt(r.submittedAt)}</Descriptions.Item>
          {r.registered && (
            <Descriptions.Item label="登记">
              {r.registered.byName} {fmt(r.registered.at)}
            </Descriptions.Item>
          )}
          {r.archived && (
            <Descriptions.Item label="归档">
              {r.archived.byName} {fmt(r.archived.at)}
            </Descriptions.Item>
          )}
        </Descriptions>
        {PARTS.map(([key, label]) => (
          <div key={key} style={{ marginTop: 16 }}>
            <Typography.Title level={5}>{label}</Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid={`part-${key}`}>
              {r.content[key]}
            </Typography.Paragraph>
          </div>
        ))}
        {r.content.attachments.length > 0 && (
          <Space wrap>
            附件：
            {r.content.attachments.map((a) => (
              <a key={a.blobId} href={`/api/blobs/${encodeURIComponent(a.blobId)}`}>
                {a.name}
              </a>
            ))}
          </Space>
        )}
      </Card>
      <Card title="办理过程" style={{ marginTop: 16 }}>
        <Timeline
          data-testid="flow-timeline"
          items={r.timeline.map((s) => ({
            key: s.seq,
            color: s.event === 'RETURN' ? 'red' : s.event === 'ARCHIVE' ? 'green' : 'blue',
            content: (
              <div data-testid="timeline-step">
                <Space wrap size={4}>
                  <Typography.Text strong>{s.label}</Typography.Text>
                  <span>{s.actorName}</span>
                  {s.onBehalfOfName && <span>（代{s.onBehalfOfName}）</span>}
                  <Typography.Text type="secondary">{fmt(s.at)}</Typography.Text>
                </Space>
                {s.opinion && <div>{s.opinion}</div>}
              </div>
            ),
          }))}
        />
      </Card>
      {action && (
        <MonthlyReportAction
          report={r}
          type={action.type}
          title={action.title}
          onClose={() => setAction(null)}
        />
      )}
    </div>
  );
}
