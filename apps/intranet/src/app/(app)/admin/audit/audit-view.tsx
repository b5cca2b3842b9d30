'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, DatePicker, Empty, Input, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { QueryError } from '~/components/query-state';
import { AUDIT_ACTION_LABELS } from '~/lib/audit-labels';
import { periodOfRange } from '~/lib/date-range';
import type { AuditFilter } from '~/lib/schemas/admin';
import { type RouterOutputs, useTRPC } from '~/trpc/react';

type Line = RouterOutputs['admin']['audit']['items'][number];

const DANGER = new Set(['auth.signInFailed', 'auth.locked', 'auth.signInRefused']);

/** 审计日志: sign-ins and administrative changes, newest first. */
export function AuditView() {
  const trpc = useTRPC();
  const [filter, setFilter] = useState<AuditFilter>({ page: 1, pageSize: 20 });
  const q = useQuery({
    ...trpc.admin.audit.queryOptions(filter),
    placeholderData: keepPreviousData,
  });
  const set = (patch: Partial<AuditFilter>) => setFilter((f) => ({ ...f, ...patch, page: 1 }));
  return (
    <Card title="审计日志" variant="borderless">
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder="操作类型"
          style={{ width: 160 }}
          options={Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label }))}
          onChange={(v?: string) => set({ action: v })}
        />
        <Input.Search
          allowClear
          placeholder="对象、操作人或内容"
          style={{ width: 240 }}
          onSearch={(v) => set({ search: v.trim() || undefined })}
        />
        <DatePicker.RangePicker
          onChange={(r) => {
            const period = periodOfRange(r);
            set({ from: period?.from, to: period?.to });
          }}
        />
      </Space>
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<Line>
          rowKey="id"
          size="middle"
          loading={q.isFetching}
          dataSource={q.data?.items ?? []}
          locale={{ emptyText: <Empty description="暂无审计记录" /> }}
          columns={[
            {
              title: '时间',
              dataIndex: 'at',
              width: 170,
              render: (v: Date) => dayjs(v).format('YYYY-MM-DD HH:mm:ss'),
            },
            {
              title: '操作',
              dataIndex: 'action',
              width: 130,
              render: (v: string) => (
                <Tag color={DANGER.has(v) ? 'red' : undefined}>{AUDIT_ACTION_LABELS[v] ?? v}</Tag>
              ),
            },
            {
              title: '操作人',
              key: 'actor',
              width: 120,
              render: (_, l) => l.actorName ?? l.actorId ?? '—',
            },
            {
              title: '对象',
              dataIndex: 'target',
              width: 160,
              render: (v: string | null) => v ?? '—',
            },
            {
              title: '详情',
              dataIndex: 'detail',
              render: (v: Record<string, unknown>) => (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {Object.keys(v).length > 0 ? JSON.stringify(v) : '—'}
                </Typography.Text>
              ),
            },
            {
              title: 'IP 地址',
              dataIndex: 'ip',
              width: 130,
              render: (v: string | null) => v ?? '—',
            },
          ]}
          onChange={(p) =>
            setFilter((f) => ({ ...f, page: p.current ?? 1, pageSize: p.pageSize ?? 20 }))
          }
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: q.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (t) => `共 ${t} 条`,
          }}
        />
      )}
    </Card>
  );
}
