'use client';

import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Empty,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { QueryError } from '~/components/query-state';
import { AUDIT_ACTION_LABELS } from '~/lib/audit-labels';
import { periodOfRange } from '~/lib/date-range';
import type { AuditFilter } from '~/lib/schemas/admin';
import { type RouterOutputs, useTRPC } from '~/trpc/react';

type Line = RouterOutputs['audit']['list']['items'][number];
type Verification = RouterOutputs['audit']['verify'];

const TRIGGERS: Record<string, string> = {
  manual: '手动验证',
  daily: '每日自动校验',
  script: '脚本校验',
};

const DANGER = new Set(['auth.signInFailed', 'auth.locked', 'auth.signInRefused']);

/** The export link with the page's filters (the server audits the export). */
function exportHref(f: AuditFilter): string {
  const p = new URLSearchParams();
  if (f.action) p.set('action', f.action);
  if (f.search) p.set('search', f.search);
  const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));
  if (f.from) p.set('from', iso(f.from));
  if (f.to) p.set('to', iso(f.to));
  return `/api/export/audit?${p.toString()}`;
}

/** The outcome of 验证: intact, or every problem located by its 序号. */
function VerificationResult({ v }: { v: Verification }) {
  if (v.ok) {
    return (
      <Alert
        type="success"
        showIcon
        style={{ marginBottom: 16 }}
        message={`审计日志完整：共校验 ${v.rows} 条记录，哈希链未被篡改`}
        description={`链头序号 ${v.headSeq}，链头哈希 ${v.headHash}${v.prunedSeq > 0 ? `；第 ${v.prunedSeq} 条及以前的记录已按保留期清理` : ''}`}
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      message={`审计日志完整性校验失败：发现 ${v.problems.length}${v.truncated ? '+' : ''} 处问题`}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {v.problems.slice(0, 20).map((p) => (
            <li key={`${p.seq}-${p.problem}`}>
              {p.seq !== null ? `第 ${p.seq} 条：` : ''}
              {p.problem}
            </li>
          ))}
        </ul>
      }
    />
  );
}

/** 审计日志: sign-ins, administrative changes, seal use, downloads and exports, newest first. */
export function AuditView() {
  const trpc = useTRPC();
  const [filter, setFilter] = useState<AuditFilter>({ page: 1, pageSize: 20 });
  const q = useQuery({
    ...trpc.audit.list.queryOptions(filter),
    placeholderData: keepPreviousData,
  });
  const checks = useQuery(trpc.audit.checks.queryOptions());
  const verify = useMutation(
    trpc.audit.verify.mutationOptions({
      onSettled: () => {
        void checks.refetch();
        void q.refetch();
      },
    }),
  );
  const set = (patch: Partial<AuditFilter>) => setFilter((f) => ({ ...f, ...patch, page: 1 }));
  const last = checks.data?.[0];
  return (
    <Card
      title="审计日志"
      variant="borderless"
      extra={
        <Space wrap>
          {last && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              最近校验：{dayjs(last.at).format('YYYY-MM-DD HH:mm')}（
              {TRIGGERS[last.trigger] ?? last.trigger}）
              {last.ok ? <Tag color="green">完整</Tag> : <Tag color="red">异常</Tag>}
            </Typography.Text>
          )}
          <Button type="primary" loading={verify.isPending} onClick={() => verify.mutate()}>
            验证
          </Button>
          <Button href={exportHref(filter)}>导出 Excel</Button>
        </Space>
      }
    >
      {verify.data && <VerificationResult v={verify.data} />}
      {verify.error && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} message={verify.error.message} />
      )}
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
          scroll={{ x: 1000 }}
          loading={q.isFetching}
          dataSource={q.data?.items ?? []}
          locale={{ emptyText: <Empty description="暂无审计记录" /> }}
          columns={[
            {
              title: '序号',
              dataIndex: 'seq',
              width: 80,
            },
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
            {
              title: '哈希',
              dataIndex: 'hash',
              width: 110,
              render: (v: string, l) => (
                <Tooltip title={`哈希 ${v}；前一哈希 ${l.prevHash}`}>
                  <Typography.Text code style={{ fontSize: 12 }}>
                    {v.slice(0, 10)}
                  </Typography.Text>
                </Tooltip>
              ),
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
