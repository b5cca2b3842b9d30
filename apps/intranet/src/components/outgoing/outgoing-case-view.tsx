'use client';

import {
  FilePdfOutlined,
  PrinterOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Grid,
  Popconfirm,
  Result,
  Space,
  Spin,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { orderActions } from '~/components/action-order';
import { CaseTags } from '~/components/case-tags';
import { BodyView } from '~/components/outgoing/body-view';
import { QueryError } from '~/components/query-state';
import { type RouterOutputs, useTRPC } from '~/trpc/react';
import { OutgoingActionModal } from './outgoing-action-modal';
import { CountersignCard, fmt, OpinionLine, ReceiptsCard, SealCard } from './outgoing-case-cards';
import { SealDialog } from './seal-dialog';
import { TimelineCard } from './timeline-card';
import { VersionsCard } from './versions-card';

type CaseData = RouterOutputs['outgoing']['get'];
type Action = CaseData['actions'][number];

/** The 发文 case page: header, current step, the user's actions, versions, preview, seal, 分发. */
export function OutgoingCaseView({ caseId }: { caseId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const q = useQuery(trpc.outgoing.get.queryOptions({ caseId }));
  const org = useQuery(trpc.outgoing.org.queryOptions());
  const [open, setOpen] = useState<{ action: Action; preset?: Record<string, unknown> } | null>(
    null,
  );
  const [sealing, setSealing] = useState(false);
  const screens = Grid.useBreakpoint();
  const openTasks = useMutation(trpc.outgoing.open.mutationOptions());
  const distribute = useMutation(
    trpc.outgoing.distribute.mutationOptions({
      onSuccess: async (r) => {
        message.success(`已分发至 ${r.deliveries.length} 个单位`);
        await queryClient.invalidateQueries(trpc.outgoing.pathFilter());
      },
      onError: (e) => message.error(e.message),
    }),
  );
  const unopened = q.data?.unopenedTaskIds.length ?? 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: record 签收时间 once per newly arrived task
  useEffect(() => {
    if (unopened > 0) openTasks.mutate({ caseId });
  }, [unopened, caseId]);

  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data || !org.data) return <Spin />;
  const c = q.data;
  const h = c.header;
  const action = (type: string) => c.actions.find((a) => a.type === type);
  // the step's own action first, 退回 / 不予签发 / 作废 / 撤回 last (components/action-order.ts)
  const buttons = orderActions(
    c.actions.filter((a) => a.type !== 'RECORD_RECEIPT' && a.type !== 'REMIND_RECEIPTS'),
  );
  const finished = c.status !== 'active';
  const previewSrc = `/api/outgoing/${encodeURIComponent(c.id)}/preview?rev=${c.rev}`;
  const wide = screens.lg === true;

  // The title has a line of its own (in a card head it shared the line with the buttons and
  // was squeezed to nothing on phones); on tablets and phones 当前环节 with the 办理 buttons
  // comes before the 稿头, where a leader looks first.
  const titleCard = (
    <Card variant="borderless" key="title">
      <Space direction="vertical" size={8} style={{ width: '100%' }}>
        <Space wrap size={[8, 4]}>
          <CaseTags fields={{ urgency: h.urgency, secrecy: h.secrecy }} />
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="case-title">
            {c.title}
          </Typography.Title>
        </Space>
        <Space wrap>
          <Tag color={finished ? 'default' : 'processing'} data-testid="case-state">
            {c.stateLabel}
          </Tag>
          <Link href={`/outgoing/${encodeURIComponent(c.id)}/sheet`}>
            <Button icon={<PrinterOutlined />}>发文稿纸</Button>
          </Link>
          <a href={previewSrc} target="_blank" rel="noreferrer">
            <Button icon={<FilePdfOutlined />}>公文 PDF</Button>
          </a>
        </Space>
      </Space>
    </Card>
  );
  const detailsCard = (
    <Card size="small" title="稿头" key="details" data-testid="case-details">
      <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
        <Descriptions.Item label="文号">
          <span data-testid="doc-number">{c.docNumber ?? '（签发后编号）'}</span>
        </Descriptions.Item>
        <Descriptions.Item label="文种">{h.docType}</Descriptions.Item>
        <Descriptions.Item label="密级">
          {h.secrecy}
          {h.secrecy !== '非密' && h.secrecyTerm ? `★${h.secrecyTerm}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="紧急程度">{h.urgency}</Descriptions.Item>
        <Descriptions.Item label="拟稿单位">{h.draftingDepartmentName}</Descriptions.Item>
        <Descriptions.Item label="拟稿人">
          {c.drafter.name}　{fmt(c.draftedAt)}
        </Descriptions.Item>
        <Descriptions.Item label="主送" span={2}>
          {h.mainRecipientNames.join('，') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label="份数">{h.copies}</Descriptions.Item>
        <Descriptions.Item label="抄送" span={2}>
          {h.ccRecipientNames.join('，') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label="分类">{h.classification || '—'}</Descriptions.Item>
        <Descriptions.Item label="主题词" span={2}>
          {h.keywords.join(' ') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label="签发人">{c.signer?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="附件" span={3}>
          {h.attachments.length === 0
            ? '—'
            : h.attachments.map((a) => (
                <div key={a.blobId}>
                  <a href={`/api/blobs/${encodeURIComponent(a.blobId)}`}>{a.name}</a>
                  {a.role === 'original' && (
                    <Typography.Text type="secondary">（原稿）</Typography.Text>
                  )}
                </div>
              ))}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );

  const currentCard = (
    <Card size="small" title="当前环节" key="current" data-testid="actions-card">
      {c.rejected && (
        <Alert
          type="error"
          showIcon
          title={`不予签发：${c.rejected.reason}`}
          description={`${c.rejected.by}　${fmt(c.rejected.at)}`}
        />
      )}
      {c.cancelled && <Alert type="warning" showIcon title={`拟稿已作废：${c.cancelled.reason}`} />}
      {c.returned &&
        c.state !== 'archived' &&
        (c.state === 'drafting' || c.state === 'consolidating') && (
          <Alert
            style={{ marginBottom: 8 }}
            type="warning"
            showIcon
            title={`${c.returned.fromStep}退回：${c.returned.reason}`}
            description={`${c.returned.by}　${fmt(c.returned.at)}`}
          />
        )}
      {c.archivedAt && (
        <Alert
          type="success"
          showIcon
          title={`已归档${c.archiveCode ? `，档号 ${c.archiveCode}` : ''}`}
        />
      )}
      {c.current.length === 0 && !finished && <Typography.Text>无待办环节</Typography.Text>}
      <Space direction="vertical" style={{ width: '100%' }}>
        {c.current.map((t) => (
          <Space key={t.id} wrap>
            <Tag color={t.mine ? 'red' : 'blue'}>{t.label}</Tag>
            <span>{t.people.join('、')}</span>
            {t.mine && <Tag color="red">待您办理</Tag>}
          </Space>
        ))}
      </Space>
      {(buttons.length > 0 || c.canSeal || c.canDistribute) && (
        <Space wrap style={{ marginTop: 12 }} data-testid="actions">
          {buttons.map((a) => (
            <Button
              key={`${a.type}-${a.onBehalfOf ?? ''}`}
              type={
                [
                  'SUBMIT',
                  'CHECK',
                  'COUNTERSIGN',
                  'SIGN',
                  'RECHECK',
                  'FINALIZE',
                  'ARCHIVE',
                  'SEND_TO_RECHECK',
                ].includes(a.type)
                  ? 'primary'
                  : 'default'
              }
              danger={['REJECT', 'CANCEL', 'VOID_DOC_NUMBER'].includes(a.type)}
              onClick={() => setOpen({ action: a })}
            >
              {a.title}
              {a.onBehalfOfName && `（代${a.onBehalfOfName}）`}
            </Button>
          ))}
          {c.canSeal && (
            <Button
              type="primary"
              danger
              icon={<SafetyCertificateOutlined />}
              onClick={() => setSealing(true)}
            >
              盖章
            </Button>
          )}
          {c.canDistribute && (
            <Popconfirm
              title="确认分发"
              description={`将分发给 ${c.recipients.length} 个受文单位，平台内单位将自动收到收文。`}
              okText="分发"
              cancelText="取消"
              onConfirm={() => distribute.mutate({ caseId: c.id })}
            >
              <Button type="primary" icon={<SendOutlined />} loading={distribute.isPending}>
                分发
              </Button>
            </Popconfirm>
          )}
        </Space>
      )}
    </Card>
  );

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {titleCard}
      {wide ? [detailsCard, currentCard] : [currentCard, detailsCard]}

      <Tabs
        defaultActiveKey="body"
        items={[
          {
            key: 'body',
            label: '正文',
            children: (
              <Card size="small" title={`正文（第${c.currentVersion}版）`}>
                <BodyView body={c.currentBody} />
              </Card>
            ),
          },
          {
            key: 'versions',
            label: `版本与比较（${c.versions.length}）`,
            children: <VersionsCard caseData={c} />,
          },
          {
            key: 'opinions',
            label: '审核意见',
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Descriptions size="small" column={1} bordered>
                  {OpinionLine({ title: '核稿意见', o: c.check })}
                  {OpinionLine({ title: '复核意见', o: c.recheck })}
                  {OpinionLine({ title: '签发意见', o: c.signing })}
                </Descriptions>
                <CountersignCard c={c} />
              </Space>
            ),
          },
          {
            key: 'preview',
            label: '公文预览',
            children: (
              <Card
                size="small"
                title={c.seal ? '已盖章的正式公文' : '按 GB/T 9704 生成的公文版式'}
                extra={
                  <a href={previewSrc} target="_blank" rel="noreferrer">
                    新窗口打开
                  </a>
                }
              >
                <iframe
                  title="公文预览"
                  src={previewSrc}
                  data-testid="preview-frame"
                  style={{ width: '100%', height: 820, border: '1px solid #f0f0f0' }}
                />
              </Card>
            ),
          },
          {
            key: 'seal',
            label: '盖章',
            children: <SealCard c={c} />,
          },
          {
            key: 'distribution',
            label: '分发与回执',
            children: (
              <ReceiptsCard
                c={c}
                canRecord={!!action('RECORD_RECEIPT')}
                canRemind={!!action('REMIND_RECEIPTS')}
                onRecord={(recipient) => {
                  const a = action('RECORD_RECEIPT');
                  if (a) setOpen({ action: a, preset: { recipient } });
                }}
                onRemind={() => {
                  const a = action('REMIND_RECEIPTS');
                  if (a) setOpen({ action: a });
                }}
              />
            ),
          },
          {
            key: 'numbers',
            label: '文号',
            children: (
              <Table
                size="small"
                rowKey={(r) => `${r.docNumber}-${String(r.allocatedAt)}`}
                pagination={false}
                locale={{ emptyText: '尚未取号（签发时自动编号）' }}
                dataSource={c.docNumbers}
                columns={[
                  { title: '文号', dataIndex: 'docNumber' },
                  { title: '取号时间', dataIndex: 'allocatedAt', render: fmt },
                  { title: '取号人', dataIndex: 'allocatedBy' },
                  {
                    title: '状态',
                    key: 'status',
                    render: (_, r) =>
                      r.voidedAt ? (
                        <span>
                          <Tag color="red">已作废</Tag>
                          {r.voidReason}（{r.voidedBy}，{fmt(r.voidedAt)}）
                        </span>
                      ) : (
                        <Tag color="green">有效</Tag>
                      ),
                  },
                ]}
              />
            ),
          },
          {
            key: 'timeline',
            label: '办理过程',
            children: <TimelineCard caseId={c.id} />,
          },
        ]}
      />

      {open && (
        <OutgoingActionModal
          action={open.action}
          caseData={c}
          org={org.data}
          {...(open.preset && { preset: open.preset })}
          onClose={() => setOpen(null)}
        />
      )}
      {sealing && (
        <SealDialog
          caseId={c.id}
          docNumber={c.docNumber}
          unitName={c.unitName}
          onClose={() => setSealing(false)}
        />
      )}
      {finished && c.state === 'archived' && <Result status="success" title="本件已办结归档" />}
    </Space>
  );
}
