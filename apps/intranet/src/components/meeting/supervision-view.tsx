'use client';

import { useQuery } from '@tanstack/react-query';
import { Card, Segmented, Table, Tag } from 'antd';
import Link from 'next/link';
import { useState } from 'react';
import { QueryError } from '~/components/query-state';
import { useTRPC } from '~/trpc/react';
import { fmt, RESOLUTION_STATUS } from './labels';
import { MeetingNav } from './meeting-nav';
import { usePeople } from './use-people';

type Status = 'open' | 'overdue' | 'completed' | 'all';

/** 决议事项督办: resolutions of every meeting the user may see, overdue first. */
export function SupervisionView() {
  const trpc = useTRPC();
  const people = usePeople();
  const [status, setStatus] = useState<Status>('all');
  const q = useQuery(trpc.meeting.supervision.queryOptions(status === 'all' ? {} : { status }));
  return (
    <div>
      <MeetingNav />
      <Card
        title="决议事项督办"
        extra={
          <Segmented
            value={status}
            onChange={(v) => setStatus(v as Status)}
            options={[
              { value: 'all', label: '全部' },
              { value: 'overdue', label: '已逾期' },
              { value: 'open', label: '办理中' },
              { value: 'completed', label: '已办结' },
            ]}
          />
        }
      >
        {q.error ? (
          <QueryError error={q.error} onRetry={() => void q.refetch()} />
        ) : (
          <Table
            rowKey={(i) => `${i.caseId}:${i.resolutionId}`}
            size="middle"
            loading={q.isLoading}
            dataSource={q.data ?? []}
            locale={{ emptyText: '暂无决议事项' }}
            columns={[
              { title: '决议事项', dataIndex: 'title' },
              {
                title: '会议',
                key: 'meeting',
                render: (_, i) => (
                  <Link href={`/meetings/${encodeURIComponent(i.caseId)}`}>{i.meetingTitle}</Link>
                ),
              },
              {
                title: '责任部门',
                key: 'dept',
                render: (_, i) => people.deptName(i.ownerDepartmentId),
              },
              { title: '办理期限', key: 'deadline', render: (_, i) => fmt(i.deadlineAt) },
              {
                title: '状态',
                key: 'status',
                render: (_, i) => (
                  <>
                    <Tag color={RESOLUTION_STATUS[i.status]?.color}>
                      {RESOLUTION_STATUS[i.status]?.label}
                    </Tag>
                    {i.completedLate && <Tag color="orange">逾期办结</Tag>}
                  </>
                ),
              },
              { title: '催办次数', dataIndex: 'reminderCount', width: 90 },
              {
                title: '最新进展/结果',
                key: 'p',
                render: (_, i) => i.result ?? i.lastProgress?.note ?? '',
              },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
