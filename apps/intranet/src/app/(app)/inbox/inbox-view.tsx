'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, DatePicker, Empty, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType, SorterResult } from 'antd/es/table/interface';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { QueryError } from '~/components/query-state';
import { CaseTitleCell, listPagination, TaskListFilters } from '~/components/task-list-parts';
import { useWorkflows } from '~/components/use-workflows';
import { periodOfRange } from '~/lib/date-range';
import { TASK_KIND_LABELS } from '~/lib/links';
import type { InboxFilter } from '~/lib/schemas/tasks';
import { type RouterOutputs, useTRPC } from '~/trpc/react';

type Line = RouterOutputs['tasks']['inbox']['items'][number];

/** 待办: every open task of mine (and of whom I deputise for), filtered, sorted and paged on the server. */
export function InboxView() {
  const trpc = useTRPC();
  const workflows = useWorkflows();
  const [filter, setFilter] = useState<InboxFilter>({ page: 1, pageSize: 20, sort: 'newest' });
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const q = useQuery({
    ...trpc.tasks.inbox.queryOptions(filter),
    placeholderData: keepPreviousData,
  });
  const set = (patch: Partial<InboxFilter>) => setFilter((f) => ({ ...f, ...patch, page: 1 }));

  const columns: ColumnsType<Line> = [
    {
      title: '标题',
      key: 'title',
      render: (_, l) => (
        <CaseTitleCell
          workflow={l.task.workflow}
          caseId={l.task.caseId}
          title={l.caseTitle}
          fields={l.caseFields}
          before={
            <>
              {l.reminded && <Tag color="red">催办</Tag>}
              {l.overdue && <Tag color="error">已超期</Tag>}
            </>
          }
        />
      ),
    },
    {
      title: '流程',
      key: 'workflow',
      width: 110,
      render: (_, l) => workflows.title(l.task.workflow),
    },
    {
      title: '待办事项',
      key: 'label',
      width: 200,
      render: (_, l) => (
        <Space>
          <span>{l.task.label}</span>
          {l.task.kind === 'read' && <Tag>{TASK_KIND_LABELS.read}</Tag>}
          {l.principalName && (
            <Tooltip title="代理授权">
              <Tag color="blue">代{l.principalName}</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: '到达时间',
      key: 'createdAt',
      width: 150,
      sorter: true,
      sortOrder: filter.sort === 'oldest' ? 'ascend' : filter.sort === 'newest' ? 'descend' : null,
      render: (_, l) => dayjs(l.task.createdAt).format('YYYY-MM-DD HH:mm'),
    },
    {
      title: '办理时限',
      key: 'dueAt',
      width: 150,
      sorter: true,
      sortOrder: filter.sort === 'dueSoonest' ? 'ascend' : null,
      render: (_, l) =>
        l.task.dueAt ? (
          <Typography.Text type={l.overdue ? 'danger' : undefined}>
            {dayjs(l.task.dueAt).format('YYYY-MM-DD HH:mm')}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <Card title="待办" variant="borderless">
      <TaskListFilters searchPlaceholder="标题、文号或事项" workflows={workflows} set={set}>
        <Select
          allowClear
          placeholder="事项类型"
          style={{ width: 110 }}
          options={Object.entries(TASK_KIND_LABELS).map(([value, label]) => ({ value, label }))}
          onChange={(v?: 'act' | 'read' | 'remind') => set({ kind: v })}
        />
        <Select
          allowClear
          placeholder="是否超期"
          style={{ width: 120 }}
          options={[
            { value: 'yes', label: '仅超期' },
            { value: 'no', label: '未超期' },
          ]}
          onChange={(v?: string) => set({ overdue: v === undefined ? undefined : v === 'yes' })}
        />
        <DatePicker.RangePicker
          value={range}
          placeholder={['到达开始日期', '到达结束日期']}
          onChange={(r) => {
            setRange(r);
            set({
              period: periodOfRange(r),
            });
          }}
        />
      </TaskListFilters>
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<Line>
          rowKey={(l) => l.task.id}
          columns={columns}
          dataSource={q.data?.items ?? []}
          loading={q.isFetching}
          locale={{ emptyText: <Empty description="暂无待办事项" /> }}
          rowClassName={(l) => (l.overdue ? 'row-overdue' : '')}
          onChange={(p, _f, s) => {
            const sorter = s as SorterResult<Line>;
            const sort =
              sorter.columnKey === 'dueAt' && sorter.order
                ? 'dueSoonest'
                : sorter.columnKey === 'createdAt' && sorter.order === 'ascend'
                  ? 'oldest'
                  : 'newest';
            setFilter((f) => ({
              ...f,
              sort,
              page: sort !== f.sort ? 1 : (p.current ?? 1),
              pageSize: p.pageSize ?? 20,
            }));
          }}
          pagination={listPagination(filter, q.data?.total ?? 0)}
        />
      )}
    </Card>
  );
}
