'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { QueryError } from '~/components/query-state';
import { type RouterOutputs, useTRPC } from '~/trpc/react';

type Entry = RouterOutputs['outgoing']['docNumberHistory']['entries'][number];
const fmt = (d: Date | null) => (d ? dayjs(d).format('YYYY-MM-DD HH:mm') : '—');

/** Which 文号 of a 机关代字 and year went to which case, which were voided and why. */
export function DocNumbersView() {
  const trpc = useTRPC();
  const codes = useQuery(trpc.outgoing.issuerCodes.queryOptions());
  const [issuerCode, setIssuerCode] = useState<string | null>(null);
  const [year, setYear] = useState(dayjs().year());
  useEffect(() => {
    if (!issuerCode && codes.data?.[0]) setIssuerCode(codes.data[0]);
  }, [codes.data, issuerCode]);
  const q = useQuery({
    ...trpc.outgoing.docNumberHistory.queryOptions({ issuerCode: issuerCode ?? '', year }),
    enabled: !!issuerCode,
    placeholderData: keepPreviousData,
  });
  return (
    <Card title="文号使用记录">
      <Space wrap style={{ marginBottom: 16 }}>
        <span>机关代字</span>
        <Select
          style={{ width: 180 }}
          value={issuerCode}
          onChange={setIssuerCode}
          options={(codes.data ?? []).map((c) => ({ value: c, label: c }))}
          placeholder="选择机关代字"
        />
        <span>年份</span>
        <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
        {q.data && (
          <Typography.Text type="secondary">
            已取号至第 {q.data.lastSerial} 号，共 {q.data.entries.length} 条记录
          </Typography.Text>
        )}
      </Space>
      {q.data && q.data.missing.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={`以下序号已取出但没有办件记录：${q.data.missing.join('、')}`}
        />
      )}
      {q.error ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<Entry>
          rowKey={(e) => `${e.serial}`}
          size="middle"
          loading={q.isFetching}
          dataSource={q.data?.entries ?? []}
          locale={{ emptyText: '该机关代字本年度尚未使用文号' }}
          pagination={{ pageSize: 50 }}
          columns={[
            { title: '序号', dataIndex: 'serial', width: 70 },
            { title: '文号', dataIndex: 'docNumber', width: 200 },
            {
              title: '办件',
              key: 'case',
              render: (_, e) => (
                <Link href={`/outgoing/${encodeURIComponent(e.caseId)}`}>{e.caseTitle}</Link>
              ),
            },
            {
              title: '取号',
              key: 'allocated',
              width: 220,
              render: (_, e) => `${e.allocatedBy}　${fmt(e.allocatedAt)}`,
            },
            {
              title: '状态',
              key: 'status',
              render: (_, e) =>
                e.status === 'voided' ? (
                  <span>
                    <Tag color="red">已作废</Tag>
                    {e.voidReason}（{e.voidedBy}，{fmt(e.voidedAt)}）
                  </span>
                ) : (
                  <Tag color="green">使用中</Tag>
                ),
            },
          ]}
        />
      )}
    </Card>
  );
}
