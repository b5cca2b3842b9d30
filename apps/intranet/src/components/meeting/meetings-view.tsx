'use client';

import { PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Badge, Button, Calendar, Card, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { QueryError } from '~/components/query-state';
import { type RouterOutputs, useTRPC } from '~/trpc/react';
import { fmt, MEETING_STATE_COLORS } from './labels';
import { MeetingNav } from './meeting-nav';
import { usePeople } from './use-people';

type Line = RouterOutputs['meeting']['list']['items'][number];

/** Beijing calendar day of an instant: 2026-12-02. */
const dayOf = (iso: string) => fmt(iso).slice(0, 10);

/** 会议管理: the meetings the user may see, as a list and as a month calendar. */
export function MeetingsView() {
  const trpc = useTRPC();
  const people = usePeople();
  const [month, setMonth] = useState<Dayjs>(() => dayjs());
  // Pages of 50, latest start first; 加载更多 asks for the next.
  const all = useInfiniteQuery(
    trpc.meeting.list.infiniteQueryOptions(
      { order: 'startDesc' },
      { getNextPageParam: (p) => p.nextCursor ?? undefined },
    ),
  );
  const allLines = all.data?.pages.flatMap((p) => p.items) ?? [];
  const from = month.startOf('month').subtract(7, 'day').toDate();
  const to = month.endOf('month').add(7, 'day').toDate();
  // The calendar shows every meeting of the month: follow the pages of that period.
  const monthly = useInfiniteQuery(
    trpc.meeting.list.infiniteQueryOptions(
      { from, to, limit: 100 },
      { getNextPageParam: (p) => p.nextCursor ?? undefined },
    ),
  );
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = monthly;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const monthLines = monthly.data?.pages.flatMap((p) => p.items) ?? [];
  const rooms = useQuery(trpc.meeting.rooms.queryOptions());
  const roomName = (id: string | null) =>
    id ? (rooms.data?.rooms.find((r) => r.id === id)?.name ?? id) : '未预订';

  const columns: ColumnsType<Line> = [
    {
      title: '会议名称',
      key: 'title',
      render: (_, l) => (
        <Space wrap>
          <Link href={`/meetings/${encodeURIComponent(l.id)}`}>{l.title}</Link>
          {l.mine && <Tag color="red">待办</Tag>}
        </Space>
      ),
    },
    { title: '类型', dataIndex: 'type', width: 90 },
    {
      title: '时间',
      key: 'time',
      width: 220,
      render: (_, l) => `${fmt(l.start)}—${fmt(l.end).slice(11)}`,
    },
    { title: '会议室', key: 'room', width: 130, render: (_, l) => roomName(l.roomId) },
    {
      title: '召集人',
      key: 'organiser',
      width: 100,
      render: (_, l) => people.userName(l.organiser),
    },
    {
      title: '状态',
      key: 'state',
      width: 200,
      render: (_, l) => <Tag color={MEETING_STATE_COLORS[l.state]}>{l.stateLabel}</Tag>,
    },
  ];

  return (
    <div>
      <MeetingNav />
      <Card
        title="会议管理"
        extra={
          <Link href="/meetings/new">
            <Button type="primary" icon={<PlusOutlined />} data-testid="new-meeting">
              新建会议
            </Button>
          </Link>
        }
      >
        <Tabs
          items={[
            {
              key: 'list',
              label: '会议列表',
              children: all.error ? (
                <QueryError error={all.error} onRetry={() => void all.refetch()} />
              ) : (
                <>
                  <Table
                    rowKey="id"
                    size="middle"
                    scroll={{ x: 1000 }}
                    loading={all.isLoading}
                    columns={columns}
                    dataSource={allLines}
                    locale={{ emptyText: '暂无会议' }}
                    pagination={{
                      pageSize: 20,
                      showTotal: () => `共 ${all.data?.pages[0]?.total ?? 0} 个会议`,
                    }}
                  />
                  {all.hasNextPage && (
                    <Button
                      block
                      loading={all.isFetchingNextPage}
                      onClick={() => void all.fetchNextPage()}
                      data-testid="meetings-more"
                    >
                      加载更多（已显示 {allLines.length} / {all.data?.pages[0]?.total ?? 0}）
                    </Button>
                  )}
                </>
              ),
            },
            {
              key: 'calendar',
              label: '会议月历',
              children: (
                <Calendar
                  value={month}
                  onPanelChange={(d) => setMonth(d)}
                  onSelect={(d, info) => {
                    if (info.source !== 'date') setMonth(d);
                  }}
                  cellRender={(d, info) => {
                    if (info.type !== 'date') return info.originNode;
                    const key = d.format('YYYY-MM-DD');
                    const items = monthLines.filter((m) => dayOf(m.start) === key);
                    return (
                      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                        {items.map((m) => (
                          <li key={m.id}>
                            <Link href={`/meetings/${encodeURIComponent(m.id)}`}>
                              <Badge
                                status={
                                  m.state === 'cancelled' || m.state === 'rejected'
                                    ? 'default'
                                    : 'processing'
                                }
                                text={
                                  <Typography.Text style={{ fontSize: 12 }}>
                                    {fmt(m.start).slice(11)} {m.title}
                                  </Typography.Text>
                                }
                              />
                            </Link>
                          </li>
                        ))}
                      </ul>
                    );
                  }}
                />
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
