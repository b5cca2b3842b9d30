'use client';

import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { QueryError } from '~/components/query-state';
import { type RouterOutputs, useTRPC } from '~/trpc/react';

export type CaseData = RouterOutputs['outgoing']['get'];
export type Action = CaseData['actions'][number];
export type Opinion = CaseData['check'];

export const fmt = (d: Date | null | undefined) => (d ? dayjs(d).format('YYYY-MM-DD HH:mm') : '—');

export function OpinionLine({ title, o }: { title: string; o: Opinion }) {
  if (!o) return null;
  return (
    <Descriptions.Item label={title}>
      <div style={{ whiteSpace: 'pre-wrap' }}>{o.opinion}</div>
      <Typography.Text type="secondary">
        {o.actorName}
        {o.onBehalfOfName && `（代${o.onBehalfOfName}）`}　{fmt(o.at)}　（第{o.version}版）
      </Typography.Text>
    </Descriptions.Item>
  );
}

/** The 会签 departments of the current round (and earlier rounds) with their opinions. */
export function CountersignCard({ c }: { c: CaseData }) {
  if (
    !c.countersign ||
    (c.countersign.departments.length === 0 && c.countersign.history.length === 0)
  )
    return <Empty description="本件不需会签" />;
  const rounds = [...c.countersign.history.map((r, i) => ({ title: `第${i + 1}轮会签`, ds: r }))];
  if (c.state === 'countersigning')
    rounds.push({
      title: `第${c.countersign.round}轮会签（进行中）`,
      ds: c.countersign.departments,
    });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text>
        会签方式：{c.countersign.mode === 'sequence' ? '依次会签' : '同时会签'}
      </Typography.Text>
      {rounds.map((r) => (
        <Card key={r.title} size="small" title={r.title}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={r.ds}
            columns={[
              { title: '会签部门', dataIndex: 'name', width: 140 },
              {
                title: '状态',
                key: 'status',
                width: 140,
                render: (_, d) => (
                  <Tag color={d.status === 'done' ? 'green' : 'blue'}>{d.statusLabel}</Tag>
                ),
              },
              {
                title: '会签意见',
                key: 'opinion',
                render: (_, d) =>
                  d.opinion ? (
                    <div data-testid={`countersign-opinion-${d.id}`}>
                      <Tag color={d.opinion.agree === false ? 'red' : 'green'}>
                        {d.opinion.agree === false ? '不同意' : '同意'}
                      </Tag>
                      <span style={{ whiteSpace: 'pre-wrap' }}>{d.opinion.opinion}</span>
                      <div>
                        <Typography.Text type="secondary">
                          {d.opinion.actorName}
                          {d.opinion.onBehalfOfName && `（代${d.opinion.onBehalfOfName}）`}　
                          {fmt(d.opinion.at)}
                        </Typography.Text>
                      </div>
                    </div>
                  ) : d.memberOpinion ? (
                    <span>
                      承办人{d.member}意见：{d.memberOpinion.opinion}
                    </span>
                  ) : d.member ? (
                    <span>已指定会签人：{d.member}</span>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        </Card>
      ))}
    </Space>
  );
}

/** 盖章 result: the seal recorded on the case and the offline verification of the stored PDF. */
export function SealCard({ c }: { c: CaseData }) {
  const trpc = useTRPC();
  const v = useQuery({
    ...trpc.outgoing.verifySeal.queryOptions({ caseId: c.id }),
    enabled: !!c.seal,
  });
  if (!c.seal) return <Empty description="尚未盖章" />;
  const reports = v.data?.verification ?? [];
  const ok =
    v.data?.sealed && v.data.unchanged && reports.length > 0 && reports.every((r) => r.valid);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label="文号">{c.seal.docNumber}</Descriptions.Item>
        <Descriptions.Item label="印章单位">{c.seal.signerName}</Descriptions.Item>
        <Descriptions.Item label="盖章人">{c.seal.by}</Descriptions.Item>
        <Descriptions.Item label="盖章时间">{fmt(c.seal.sealedAt)}</Descriptions.Item>
        <Descriptions.Item label="证书序列号">{c.seal.certificateSerial}</Descriptions.Item>
        <Descriptions.Item label="页数">{c.seal.pageCount}</Descriptions.Item>
      </Descriptions>
      <a href={`/api/outgoing/${encodeURIComponent(c.id)}/sealed`} download>
        <Button type="primary" icon={<DownloadOutlined />} data-testid="download-sealed">
          下载已盖章公文（PDF）
        </Button>
      </a>
      <Typography.Text type="secondary">
        验章可用本单位印章根证书：
        <a href="/api/outgoing/seal-certificate">下载根证书（PEM）</a>
      </Typography.Text>
      {v.error ? (
        <QueryError error={v.error} />
      ) : !v.data ? (
        <Spin />
      ) : (
        <Alert
          data-testid="seal-verification"
          type={ok ? 'success' : 'error'}
          showIcon
          title={ok ? '验章通过：文件自盖章后未被修改，证书可信' : '验章未通过'}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {!v.data.unchanged && <li>存储的文件与盖章时记录的摘要不一致</li>}
              {reports.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: one report per signature, in file order
                <li key={i}>
                  {r.signerName ?? '未知签名人'}，签名时间 {fmt(r.signingTime)}，
                  {r.intact ? '内容完整' : '内容已被改动'}，{r.trusted ? '证书可信' : '证书不可信'}
                  {r.revoked && '，证书已吊销'}
                  {r.coversWholeDocument ? '，覆盖全文' : ''}
                  {r.problems.length > 0 && `（${r.problems.join('；')}）`}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </Space>
  );
}

/** 分发 and 回执: every recipient unit with its delivery and receipt. */
export function ReceiptsCard(props: {
  c: CaseData;
  onRecord: (recipient: string) => void;
  onRemind: () => void;
  canRecord: boolean;
  canRemind: boolean;
}) {
  const { c } = props;
  const missing = c.recipients.filter((r) => r.delivery && !r.receipt).length;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {c.distributedAt ? (
          <Typography.Text>
            分发时间：{fmt(c.distributedAt)}；已回执 {c.recipients.filter((r) => r.receipt).length}{' '}
            / {c.recipients.length}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">尚未分发</Typography.Text>
        )}
        {c.reminders.length > 0 && <Tag color="orange">已催收 {c.reminders.length} 次</Tag>}
        {props.canRemind && missing > 0 && (
          <Button size="small" onClick={props.onRemind}>
            催收回执
          </Button>
        )}
      </Space>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        data-testid="receipts"
        dataSource={c.recipients}
        columns={[
          {
            title: '受文单位',
            key: 'name',
            render: (_, r) => (
              <Space>
                {r.name}
                <Tag>{r.list === 'main' ? '主送' : '抄送'}</Tag>
                {r.platform && <Tag color="blue">平台内</Tag>}
              </Space>
            ),
          },
          {
            title: '分发',
            key: 'delivery',
            render: (_, r) => (r.delivery ? `${r.delivery.method}　${fmt(r.delivery.at)}` : '—'),
          },
          {
            title: '回执',
            key: 'receipt',
            render: (_, r) =>
              r.receipt ? (
                <Space direction="vertical" size={0}>
                  <Tag color="green">已签收</Tag>
                  <span>
                    {r.receipt.receivedBy}　{fmt(r.receipt.receivedAt)}
                  </span>
                </Space>
              ) : r.delivery ? (
                <Space>
                  <Tag color="orange">未回执</Tag>
                  {props.canRecord && (
                    <Button size="small" onClick={() => props.onRecord(r.key)}>
                      登记回执
                    </Button>
                  )}
                </Space>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Space>
  );
}
