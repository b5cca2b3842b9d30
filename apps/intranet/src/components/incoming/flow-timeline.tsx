'use client';

import { PaperClipOutlined } from '@ant-design/icons';
import { Space, Table, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { HandwritingView } from '~/components/handwriting/handwriting-view';
import type { RouterOutputs } from '~/trpc/react';

type TimelineData = RouterOutputs['incoming']['timeline'];

const COLORS: Record<string, string> = {
  RETURN: 'red',
  SEND_BACK: 'red',
  WITHDRAW: 'gray',
  REMIND: 'orange',
  DEADLINE_REMIND: 'orange',
  ARCHIVE: 'green',
  CONFIRM: 'green',
};

const fmt = (d: Date | string | null) => (d ? dayjs(d).format('YYYY-MM-DD HH:mm') : '—');

/** The flow as steps (only what the user may see), each with its opinion and handwriting. */
export function FlowTimeline({ data }: { data: TimelineData }) {
  return (
    <>
      {data.scope === 'downward' && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          按规定只显示您本人及下级人员的办理环节。
        </Typography.Paragraph>
      )}
      <Timeline
        data-testid="flow-timeline"
        items={data.steps.map((s) => ({
          key: s.seq,
          color: COLORS[s.event] ?? 'blue',
          content: (
            <div data-testid="timeline-step">
              <Space wrap size={4}>
                <Typography.Text strong>{s.label}</Typography.Text>
                <Typography.Text>
                  {s.actorName}
                  {s.onBehalfOfName && (
                    <Tag color="blue" style={{ marginLeft: 6 }}>
                      代{s.onBehalfOfName}
                    </Tag>
                  )}
                </Typography.Text>
                <Typography.Text type="secondary">{fmt(s.at)}</Typography.Text>
                {s.withdrawn && <Tag>已撤回</Tag>}
              </Space>
              {s.detail && <div style={{ color: '#595959' }}>{s.detail}</div>}
              {s.opinion && (
                <div
                  style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}
                  data-testid="timeline-opinion"
                >
                  {s.opinion}
                </div>
              )}
              {s.handwriting && (
                <div
                  style={{
                    marginTop: 6,
                    border: '1px solid #f0f0f0',
                    display: 'inline-block',
                    padding: 4,
                  }}
                >
                  <HandwritingView
                    handwriting={s.handwriting}
                    width={280}
                    label={`${s.actorName}的手写批注`}
                  />
                </div>
              )}
              {s.attachments.length > 0 && (
                <div>
                  {s.attachments.map((a) => (
                    <a key={a.blobId} href={`/api/blobs/${a.blobId}`} style={{ marginRight: 12 }}>
                      <PaperClipOutlined /> {a.name}
                    </a>
                  ))}
                </div>
              )}
            </div>
          ),
        }))}
      />
    </>
  );
}

/** 流程统计: per node, who was meant to act, who did, 签收时间 and 处理时间. */
export function FlowStatistics({ data }: { data: TimelineData }) {
  return (
    <Table
      size="small"
      rowKey={(r) => `${r.node}-${String(r.arrivedAt)}-${r.definedHandlers.join()}`}
      pagination={false}
      dataSource={data.statistics}
      columns={[
        { title: '节点', dataIndex: 'node' },
        { title: '定义处理人', render: (_, r) => r.definedHandlers.join('、') },
        {
          title: '实际处理人',
          render: (_, r) =>
            r.actualHandler
              ? `${r.actualHandler}${r.onBehalfOf ? `（代${r.onBehalfOf}）` : ''}`
              : '—',
        },
        { title: '到达时间', render: (_, r) => fmt(r.arrivedAt) },
        { title: '签收时间', render: (_, r) => fmt(r.openedAt) },
        { title: '处理时间', render: (_, r) => fmt(r.doneAt) },
        {
          title: '状态',
          render: (_, r) =>
            r.overdue ? (
              <Tag color="error">超期</Tag>
            ) : r.doneAt ? (
              <Tag color="success">已办</Tag>
            ) : (
              <Tag>在办</Tag>
            ),
        },
      ]}
    />
  );
}
