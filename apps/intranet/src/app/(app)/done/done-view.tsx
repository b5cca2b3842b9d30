'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, DatePicker, Empty, Select, Table, Tag } from 'antd';
import type { ColumnsType, SorterResult } from 'antd/es/table/interface';
import dayjs from 'dayjs';
import { useState } from 'react';
import { QueryError } from '~/components/query-state';
import { CaseTitleCell, listPagination, TaskListFilters } from '~/components/task-list-parts';
import { useWorkflows } from '~/components/use-workflows';
import { periodOfRange } from '~/lib/date-range';
import type { DoneFilter } from '~/lib/schemas/tasks';
import { type RouterOutputs, useTRPC } from '~/trpc/react';

type Line = RouterOutputs['tasks']['done']['items'][number];

/** 已办: cases I acted on, most recent first, filtered and paged on the server. */
export function DoneView() {
  const trpc = useTRPC();
  const workflows = useWorkflows();
  const [filter, setFilter] = useState<DoneFilter>({ page: 1, pageSize: 20, sort: 'recent' });
  const q = useQuery({
    ...trpc.tasks.done.queryOptions(filter),
    placeholderData: keepPreviousData,
  });
  const set = (patch: Partial<DoneFilter>) => setFilter((f) => ({ ...f, ...patch, page: 1 }));

  const columns: ColumnsType<Line> = [
    {
      title: '标题',
      key: 'title',
      render: (_, l) => (
        <CaseTitleCell workflow={l.workflow} caseId={l.caseId} title={l.title} fields={l.fields} />
      ),
    },
    { title: '流程', key: 'workflow', width: 110, render: (_, l) => workflows.title(l.workflow) },
    {
      title: '当前环节',
      key: 'state',
      width: 160,
      render: (_, l) =>
        l.status === 'done' ? (
          <Tag color="green">已办结</Tag>
        ) : (
          <Tag color="processing">{workflows.stateLabel(l.workflow, l.state)}</Tag>
        ),
    },
    {
      title: '我的办理时间',
      key: 'lastActedAt',
      width: 170,
      sorter: true,
      sortOrder: filter.sort === 'oldest' ? 'ascend' : 'descend',
      render: (_, l) => dayjs(l.lastActedAt).format('YYYY-MM-DD HH:mm'),
    },
  ];

  return (
    <Card title="已办" variant="borderless">
      <TaskListFilters
        searchPlaceholder="标题或文号"
        workflows={workflows}
        set={set}
        afterWorkflow={
          <Select
            allowClear
            placeholder="办理状态"
            style={{ width: 120 }}
            options={[
              { value: 'active', label: '办理中' },
              { value: 'done', label: '已办结' },
            ]}
            onChange={(v?: 'active' | 'done') => set({ status: v })}
          />
        }
      >
        <DatePicker.RangePicker
          placeholder={['办理开始日期', '办理结束日期']}
          onChange={(r) =>
            set({
              period: periodOfRange(r),
            })
          }
        />
      </TaskListFilters>
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<Line>
          rowKey="caseId"
          columns={columns}
          dataSource={q.data?.items ?? []}
          loading={q.isFetching}
          locale={{ emptyText: <Empty description="暂无已办事项" /> }}
          onChange={(p, _f, s) => {
            const sorter = s as SorterResult<Line>;
            const sort = sorter.order === 'ascend' ? 'oldest' : 'recent';
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
