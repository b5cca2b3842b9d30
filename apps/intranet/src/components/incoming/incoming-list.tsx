'use client';

import { PlusOutlined } from '@ant-design/icons';
import { INCOMING_STATE_LABELS, SECRECY_LEVELS, URGENCIES } from '@gongwen/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  DatePicker,
  Empty,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType, SorterResult } from 'antd/es/table/interface';
import dayjs, { type Dayjs } from 'dayjs';
import Link from 'next/link';
import { useState } from 'react';
import { CaseTags } from '~/components/case-tags';
import { QueryError } from '~/components/query-state';
import { periodOfRange } from '~/lib/date-range';
import type { IncomingListFilter } from '~/lib/schemas/incoming';
import { type RouterOutputs, useTRPC } from '~/trpc/react';

type Line = RouterOutputs['incoming']['list']['items'][number];

/** 收文 list: search by title or 收文编号, filters, sort and pages (all on the server). */
export function IncomingList({ canRegister }: { canRegister: boolean }) {
  const trpc = useTRPC();
  const [filter, setFilter] = useState<IncomingListFilter>({
    page: 1,
    pageSize: 20,
    sort: 'newest',
  });
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const q = useQuery({
    ...trpc.incoming.list.queryOptions(filter),
    placeholderData: keepPreviousData,
  });
  const set = (patch: Partial<IncomingListFilter>) =>
    setFilter((f) => ({ ...f, ...patch, page: 1 }));

  const columns: ColumnsType<Line> = [
    {
      title: '收文编号',
      key: 'serial',
      width: 150,
      sorter: true,
      sortOrder:
        filter.sort === 'serialAsc' ? 'ascend' : filter.sort === 'serialDesc' ? 'descend' : null,
      render: (_, l) => l.serialNo ?? '—',
    },
    {
      title: '标题',
      key: 'title',
      render: (_, l) => (
        <Space direction="vertical" size={0}>
          <Space wrap>
            <CaseTags fields={{ urgency: l.urgency, secrecy: l.secrecy }} />
            {l.overdue && <Tag color="error">已超期</Tag>}
            {l.reminderCount > 0 && <Tag color="orange">催办{l.reminderCount}次</Tag>}
            <Link href={`/incoming/${encodeURIComponent(l.id)}`}>{l.title}</Link>
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {l.senderUnit}
            {l.senderDocNumber ? `　${l.senderDocNumber}` : ''}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '状态', key: 'state', width: 110, render: (_, l) => <Tag>{l.stateLabel}</Tag> },
    {
      title: '签收时间',
      key: 'registeredAt',
      width: 150,
      sorter: true,
      sortOrder: filter.sort === 'oldest' ? 'ascend' : filter.sort === 'newest' ? 'descend' : null,
      render: (_, l) => dayjs(l.registeredAt).format('YYYY-MM-DD HH:mm'),
    },
    {
      title: '办理时限',
      key: 'deadline',
      width: 120,
      render: (_, l) =>
        l.deadline ? (
          <Typography.Text type={l.overdue ? 'danger' : undefined}>
            {dayjs(l.deadline).format('YYYY-MM-DD')}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <Card
      title="收文"
      variant="borderless"
      extra={
        canRegister && (
          <Link href="/incoming/new">
            <Button type="primary" icon={<PlusOutlined />} data-testid="register-button">
              签收登记
            </Button>
          </Link>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder="标题、收文编号、来文字号或来文单位"
          style={{ width: 300 }}
          onSearch={(v) => set({ search: v.trim() || undefined })}
          aria-label="搜索收文"
        />
        <Select
          allowClear
          placeholder="紧急程度"
          style={{ width: 120 }}
          options={URGENCIES.map((v) => ({ value: v, label: v }))}
          onChange={(v?: (typeof URGENCIES)[number]) => set({ urgency: v })}
        />
        <Select
          allowClear
          placeholder="密级"
          style={{ width: 110 }}
          options={SECRECY_LEVELS.map((v) => ({ value: v, label: v }))}
          onChange={(v?: (typeof SECRECY_LEVELS)[number]) => set({ secrecy: v })}
        />
        <Select
          allowClear
          placeholder="办理状态"
          style={{ width: 130 }}
          options={Object.entries(INCOMING_STATE_LABELS).map(([value, label]) => ({
            value,
            label,
          }))}
          onChange={(v?: string) => set({ state: v })}
        />
        <DatePicker.RangePicker
          value={range}
          placeholder={['签收开始日期', '签收结束日期']}
          onChange={(r) => {
            setRange(r);
            set({
              period: periodOfRange(r),
            });
          }}
        />
      </Space>
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<Line>
          rowKey="id"
          // The title column keeps about 300 px on a narrow screen; the table scrolls sideways.
          scroll={{ x: 830 }}
          columns={columns}
          dataSource={q.data?.items ?? []}
          loading={q.isFetching}
          locale={{ emptyText: <Empty description="暂无收文" /> }}
          onChange={(p, _f, s) => {
            const sorter = s as SorterResult<Line>;
            const sort =
              sorter.columnKey === 'serial' && sorter.order
                ? sorter.order === 'ascend'
                  ? 'serialAsc'
                  : 'serialDesc'
                : sorter.columnKey === 'registeredAt' && sorter.order === 'ascend'
                  ? 'oldest'
                  : 'newest';
            setFilter((f) => ({
              ...f,
              sort,
              page: sort !== f.sort ? 1 : (p.current ?? 1),
              pageSize: p.pageSize ?? 20,
            }));
          }}
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: q.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (t) => `共 ${t} 件`,
          }}
        />
      )}
    </Card>
  );
}
