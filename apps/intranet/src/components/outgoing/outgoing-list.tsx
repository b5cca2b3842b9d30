'use client';

import { NumberOutlined, PlusOutlined } from '@ant-design/icons';
import { DOC_TYPES, OUTGOING_STATE_LABELS, SECRECY_LEVELS, URGENCIES } from '@gongwen/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Checkbox, Input, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import Link from 'next/link';
import { useState } from 'react';
import { CaseTags } from '~/components/case-tags';
import { QueryError } from '~/components/query-state';
import type { OutgoingListFilter } from '~/lib/schemas/outgoing';
import { type RouterOutputs, useTRPC } from '~/trpc/react';

type Line = RouterOutputs['outgoing']['list']['items'][number];

const opts = (xs: readonly string[]) => xs.map((x) => ({ value: x, label: x }));

/** 发文 list: search by 标题 / 文号, filters, pages. */
export function OutgoingList() {
  const trpc = useTRPC();
  const [filter, setFilter] = useState<OutgoingListFilter>({ page: 1, pageSize: 20 });
  const q = useQuery({
    ...trpc.outgoing.list.queryOptions(filter),
    placeholderData: keepPreviousData,
  });
  const org = useQuery(trpc.outgoing.org.queryOptions());
  const set = (patch: Partial<OutgoingListFilter>) =>
    setFilter((f) => ({ ...f, ...patch, page: 1 }));
  const seesNumbers =
    org.data?.me.roles.includes('secretary') || org.data?.me.roles.includes('admin');

  const columns: ColumnsType<Line> = [
    {
      title: '标题',
      key: 'title',
      render: (_, l) => (
        <Space wrap>
          <CaseTags fields={{ urgency: l.urgency, secrecy: l.secrecy }} />
          <Link href={`/outgoing/${encodeURIComponent(l.id)}`}>{l.title}</Link>
        </Space>
      ),
    },
    { title: '文号', dataIndex: 'docNumber', width: 180, render: (v: string | null) => v ?? '—' },
    { title: '文种', dataIndex: 'docType', width: 90 },
    { title: '拟稿单位', dataIndex: 'draftingDepartment', width: 140 },
    { title: '拟稿人', dataIndex: 'drafter', width: 90 },
    { title: '状态', dataIndex: 'stateLabel', width: 110 },
    {
      title: '拟稿时间',
      dataIndex: 'draftedAt',
      width: 150,
      render: (d: Date) => dayjs(d).format('YYYY-MM-DD HH:mm'),
    },
  ];

  return (
    <Card
      title="发文"
      extra={
        <Space wrap>
          {seesNumbers && (
            <Link href="/outgoing/doc-numbers">
              <Button icon={<NumberOutlined />}>文号使用记录</Button>
            </Link>
          )}
          <Link href="/outgoing/new">
            <Button type="primary" icon={<PlusOutlined />}>
              拟稿
            </Button>
          </Link>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder="标题或文号"
          style={{ width: 260 }}
          onSearch={(v) => set({ search: v.trim() || undefined })}
          aria-label="搜索标题或文号"
        />
        <Select
          allowClear
          placeholder="文种"
          style={{ width: 120 }}
          options={opts(DOC_TYPES)}
          onChange={(v) => set({ docType: v ?? undefined })}
        />
        <Select
          allowClear
          placeholder="紧急程度"
          style={{ width: 110 }}
          options={opts(URGENCIES)}
          onChange={(v) => set({ urgency: v ?? undefined })}
        />
        <Select
          allowClear
          placeholder="密级"
          style={{ width: 100 }}
          options={opts(SECRECY_LEVELS)}
          onChange={(v) => set({ secrecy: v ?? undefined })}
        />
        <Select
          allowClear
          placeholder="办理状态"
          style={{ width: 130 }}
          options={Object.entries(OUTGOING_STATE_LABELS).map(([value, label]) => ({
            value,
            label,
          }))}
          onChange={(v) => set({ state: v ?? undefined })}
        />
        <Checkbox onChange={(e) => set({ mine: e.target.checked || undefined })}>
          只看我拟稿的
        </Checkbox>
      </Space>
      {q.error ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<Line>
          rowKey="id"
          size="middle"
          // The title column keeps about 300 px on a narrow screen; the table scrolls sideways.
          scroll={{ x: 1060 }}
          loading={q.isFetching}
          columns={columns}
          dataSource={q.data?.items ?? []}
          locale={{ emptyText: '没有符合条件的发文' }}
          pagination={{
            current: filter.page ?? 1,
            pageSize: filter.pageSize ?? 20,
            total: q.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (t) => `共 ${t} 件`,
            onChange: (page, pageSize) => setFilter((f) => ({ ...f, page, pageSize })),
          }}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
        仅显示您参与办理或有权查看的发文；涉密发文只对参与办理的人员显示。
      </Typography.Paragraph>
    </Card>
  );
}
