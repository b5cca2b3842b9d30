'use client';

import { useQuery } from '@tanstack/react-query';
import { Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { BodyView } from '~/components/outgoing/body-view';
import { VersionDiffView } from '~/components/outgoing/version-diff-view';
import { QueryError } from '~/components/query-state';
import { type RouterOutputs, useTRPC } from '~/trpc/react';

type CaseData = RouterOutputs['outgoing']['get'];
type Version = CaseData['versions'][number];

const STEP: Record<string, string> = {
  draft: '拟稿',
  check: '核稿',
  countersign: '会签',
  consolidate: '返还',
  recheck: '复核',
  sign: '签发',
  finalize: '成文',
};
const KIND: Record<string, string> = {
  draft: '拟稿人稿',
  edit: '修改稿',
  proposal: '会签修改建议',
  final: '成文稿（清稿）',
};

const label = (v: Version) => `第${v.no}版（${v.author}，${STEP[v.step] ?? v.step}）`;

/** 版本: every saved version, one to read, and any two side by side with the changes marked. */
export function VersionsCard({ caseData: c }: { caseData: CaseData }) {
  const trpc = useTRPC();
  const first = c.versions[0]?.no ?? 1;
  const [from, setFrom] = useState(
    c.versions.length > 1 ? (c.versions.at(-2)?.no ?? first) : first,
  );
  const [to, setTo] = useState(c.currentVersion);
  const [reading, setReading] = useState<number | null>(null);
  const diff = useQuery({
    ...trpc.outgoing.diff.queryOptions({ caseId: c.id, from, to }),
    enabled: from !== to,
  });
  const read = useQuery({
    ...trpc.outgoing.version.queryOptions({ caseId: c.id, no: reading ?? 1 }),
    enabled: reading !== null,
  });
  const options = c.versions.map((v) => ({ value: v.no, label: label(v) }));
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card size="small" title={`正文版本（共 ${c.versions.length} 版）`}>
        <Table<Version>
          size="small"
          rowKey="no"
          pagination={false}
          dataSource={c.versions}
          columns={[
            { title: '版本', dataIndex: 'no', width: 70, render: (n: number) => `第${n}版` },
            {
              title: '类别',
              key: 'kind',
              render: (_, v) => (
                <Space>
                  {KIND[v.kind] ?? v.kind}
                  {v.department && <Tag>{v.department}</Tag>}
                  {v.no === c.signedVersion && <Tag color="red">签发稿</Tag>}
                  {v.no === c.finalized?.version && <Tag color="volcano">成文稿</Tag>}
                  {v.withdrawn && <Tag>已撤回</Tag>}
                </Space>
              ),
            },
            { title: '环节', dataIndex: 'step', width: 80, render: (s: string) => STEP[s] ?? s },
            {
              title: '修改人',
              key: 'author',
              width: 140,
              render: (_, v) =>
                v.author === v.actorName ? v.author : `${v.actorName}（代${v.author}）`,
            },
            {
              title: '时间',
              dataIndex: 'at',
              width: 140,
              render: (d: Date) => dayjs(d).format('MM-DD HH:mm'),
            },
            { title: '说明', dataIndex: 'note', render: (n: string | null) => n ?? '' },
            {
              title: '',
              key: 'ops',
              width: 150,
              render: (_, v) => (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setReading(v.no)}>
                    阅读
                  </Button>
                  <Button
                    type="link"
                    size="small"
                    onClick={() => {
                      setFrom(v.no);
                      setTo(c.currentVersion === v.no ? v.no : c.currentVersion);
                    }}
                  >
                    与最新版比较
                  </Button>
                </Space>
              ),
            },
          ]}
        />
        {reading !== null && (
          <Card
            size="small"
            style={{ marginTop: 12 }}
            title={`第${reading}版正文`}
            extra={
              <Button size="small" onClick={() => setReading(null)}>
                关闭
              </Button>
            }
          >
            {read.error ? (
              <QueryError error={read.error} />
            ) : read.data ? (
              <BodyView body={read.data.body} />
            ) : null}
          </Card>
        )}
      </Card>
      <Card
        size="small"
        title="版本比较"
        extra={
          <Space wrap>
            <Select
              aria-label="比较的旧版本"
              style={{ width: 240 }}
              value={from}
              options={options}
              onChange={setFrom}
            />
            <Typography.Text>与</Typography.Text>
            <Select
              aria-label="比较的新版本"
              style={{ width: 240 }}
              value={to}
              options={options}
              onChange={setTo}
            />
          </Space>
        }
      >
        {from === to ? (
          <Typography.Text type="secondary">请选择两个不同的版本进行比较。</Typography.Text>
        ) : diff.error ? (
          <QueryError error={diff.error} onRetry={() => void diff.refetch()} />
        ) : diff.data ? (
          <VersionDiffView
            fromLabel={label(c.versions.find((v) => v.no === from)!)}
            toLabel={label(c.versions.find((v) => v.no === to)!)}
            rows={diff.data.rows}
            stats={diff.data.stats}
          />
        ) : (
          <Typography.Text type="secondary">正在比较……</Typography.Text>
        )}
      </Card>
    </Space>
  );
}
