'use client';

import { Empty, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { RouterOutputs } from '~/trpc/react';

type ReadStatus = RouterOutputs['incoming']['readStatus'];

/** 传阅 status: per department, who has read (with the time) and who has not. */
export function ReadStatusPanel({ data }: { data: ReadStatus }) {
  if (data.departments.length === 0 && data.waiting.length === 0)
    return <Empty description="暂无传阅" />;
  return (
    <div data-testid="read-status">
      <Typography.Paragraph>
        已阅 {data.readCount} 人，未阅 {data.unreadCount} 人
      </Typography.Paragraph>
      {data.waiting.map((w) => (
        <div key={w.departmentId} style={{ marginBottom: 8 }}>
          <Typography.Text strong>{w.departmentName}</Typography.Text>
          <Tag style={{ marginLeft: 8 }}>待{w.heads.join('、') || '部门负责人'}指定阅读人</Tag>
        </div>
      ))}
      {data.departments.map((d) => (
        <div key={d.departmentId} style={{ marginBottom: 12 }}>
          <Typography.Text strong>{d.departmentName}</Typography.Text>
          <div style={{ marginTop: 4 }}>
            <Space wrap size={[4, 4]}>
              {d.read.map((r) => (
                <Tag key={r.userId} color="success">
                  {r.name} 已阅 {dayjs(r.readAt).format('MM-DD HH:mm')}
                </Tag>
              ))}
              {d.unread.map((r) => (
                <Tag key={r.userId} color="warning">
                  {r.name} 未阅
                </Tag>
              ))}
            </Space>
          </div>
        </div>
      ))}
    </div>
  );
}
