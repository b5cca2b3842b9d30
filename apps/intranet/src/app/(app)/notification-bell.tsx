'use client';

import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, List, Popover, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import Link from 'next/link';
import { useState } from 'react';
import { caseHref } from '~/lib/links';
import { useTRPC } from '~/trpc/react';

/** 消息提醒: new tasks and 催办 delivered by the engine's outbox; polled every 30 s. */
export function NotificationBell() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const list = useQuery({
    ...trpc.notifications.list.queryOptions({ limit: 10 }),
    refetchInterval: 30_000,
  });
  const markRead = useMutation(
    trpc.notifications.markRead.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.notifications.list.pathFilter()),
    }),
  );
  const unread = list.data?.unread ?? 0;
  const content = (
    <div style={{ width: 360 }}>
      {list.isPending ? (
        <Spin />
      ) : list.isError ? (
        <Typography.Text type="danger">{list.error.message}</Typography.Text>
      ) : list.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无消息" />
      ) : (
        <List
          size="small"
          dataSource={list.data.items}
          renderItem={(n) => (
            <List.Item style={{ opacity: n.read ? 0.6 : 1 }}>
              <List.Item.Meta
                title={
                  n.caseId && n.workflow ? (
                    <Link
                      href={caseHref(n.workflow, n.caseId)}
                      data-workflow={n.workflow}
                      onClick={() => setOpen(false)}
                    >
                      {n.title}
                    </Link>
                  ) : (
                    n.title
                  )
                }
                description={
                  <>
                    <div>{n.body}</div>
                    {n.obsolete && <Tag data-testid="notification-obsolete">{n.obsolete}</Tag>}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      title={
        <div style={{ display: 'flex', justifyContent: 'space-between' }}>
          <span>消息提醒</span>
          <Button
            size="small"
            type="link"
            disabled={unread === 0}
            loading={markRead.isPending}
            onClick={() => markRead.mutate({})}
          >
            全部标为已读
          </Button>
        </div>
      }
      content={content}
    >
      <Badge count={unread} size="small" data-testid="notification-count">
        <Button
          type="text"
          aria-label="消息提醒"
          icon={<BellOutlined style={{ fontSize: 18 }} />}
        />
      </Badge>
    </Popover>
  );
}
