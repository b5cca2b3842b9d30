'use client';

import {
  BellOutlined,
  FilePdfOutlined,
  PaperClipOutlined,
  PrinterOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Col,
  Collapse,
  Descriptions,
  Empty,
  Input,
  Modal,
  Row,
  Skeleton,
  Space,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { orderActions } from '~/components/action-order';
import { CaseTags } from '~/components/case-tags';
import { QueryError } from '~/components/query-state';
import { useTRPC } from '~/trpc/react';
import { ActionForm } from './action-form';
import { FlowStatistics, FlowTimeline } from './flow-timeline';
import { ReadStatusPanel } from './read-status';

const fmt = (d: Date | string | null | undefined, withTime = true) =>
  d ? dayjs(d).format(withTime ? 'YYYY-MM-DD HH:mm' : 'YYYY-MM-DD') : '—';

function RemindButton({ caseId }: { caseId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [commandId, setCommandId] = useState(() => crypto.randomUUID());
  const remind = useMutation(
    trpc.incoming.remind.mutationOptions({
      onSuccess: async () => {
        message.success('已催办，承办人和拟办人将收到提醒');
        setOpen(false);
        setNote('');
        setCommandId(crypto.randomUUID());
        await queryClient.invalidateQueries(trpc.incoming.pathFilter());
      },
      onError: (e) => message.error(e.message),
    }),
  );
  return (
    <>
      <Button icon={<BellOutlined />} onClick={() => setOpen(true)} data-testid="remind-button">
        催办
      </Button>
      <Modal
        open={open}
        title="催办"
        okText="发送催办"
        cancelText="取消"
        confirmLoading={remind.isPending}
        onCancel={() => setOpen(false)}
        onOk={() =>
          remind.mutate({ caseId, commandId, ...(note.trim() ? { note: note.trim() } : {}) })
        }
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder="催办说明（可选），如：请于本周五前反馈办理结果"
          aria-label="催办说明"
        />
      </Modal>
    </>
  );
}

/** The 收文 case page: header, attachments, current step, actions, flow, 传阅 and 处理笺. */
export function IncomingCaseView({ caseId }: { caseId: string }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.incoming.get.queryOptions({ caseId }));
  const timeline = useQuery(trpc.incoming.timeline.queryOptions({ caseId }));
  const reads = useQuery(trpc.incoming.readStatus.queryOptions({ caseId }));
  const open = useMutation(trpc.incoming.open.mutationOptions());
  const opened = useRef(false);
  const [activeAction, setActiveAction] = useState<string | undefined>(undefined);

  const unopened = q.data?.unopenedTaskIds.length ?? 0;
  useEffect(() => {
    if (unopened > 0 && !opened.current) {
      opened.current = true;
      open.mutate({ caseId });
    }
  }, [unopened, caseId, open]);

  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const c = q.data;
  const r = c.registration;
  const actionKey = (a: (typeof c.actions)[number]) => `${a.type}:${a.onBehalfOf ?? ''}`;
  // the step's own action first (and open), 退回 / 撤回 last
  const actions = orderActions(c.actions);
  const hasActions = c.actions.length > 0;

  const detailsCard = (
    <Card title="来文信息" size="small" key="details" data-testid="case-details">
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label="收文编号">{c.serialNo ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="来文单位">{r.senderUnit}</Descriptions.Item>
        <Descriptions.Item label="来文字号">{r.senderDocNumber || '—'}</Descriptions.Item>
        <Descriptions.Item label="文种">{r.docType}</Descriptions.Item>
        <Descriptions.Item label="收文日期">{r.receivedDate}</Descriptions.Item>
        <Descriptions.Item label="成文日期">{r.writtenDate ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="密级">
          {r.secrecy}
          {r.secrecyTerm ? `（${r.secrecyTerm}）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="紧急程度">{r.urgency}</Descriptions.Item>
        <Descriptions.Item label="红头／白头">{r.headType}</Descriptions.Item>
        <Descriptions.Item label="来文方向">{r.direction}</Descriptions.Item>
        <Descriptions.Item label="份数／页数">
          {r.copies} 份／{r.pages} 页
        </Descriptions.Item>
        <Descriptions.Item label="分类代码">{r.classificationCode || '—'}</Descriptions.Item>
        <Descriptions.Item label="主题词" span={2}>
          {r.keywords.length > 0 ? r.keywords.join('　') : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="签收">
          {c.registeredBy}　{fmt(c.registeredAt)}
        </Descriptions.Item>
        <Descriptions.Item label="办理时限">{fmt(c.deadline, false)}</Descriptions.Item>
        {c.proposal && (
          <Descriptions.Item label="拟办安排" span={2}>
            批示领导：{c.proposal.leaders.join('、')}
            {c.proposal.mainDepartment ? `；主办：${c.proposal.mainDepartment}` : ''}
            {c.proposal.assistDepartments.length > 0
              ? `；协办：${c.proposal.assistDepartments.join('、')}`
              : ''}
            {c.proposal.circulateDepartments.length > 0
              ? `；传阅：${c.proposal.circulateDepartments.join('、')}`
              : ''}
            {c.proposal.supervise ? '；需催办' : ''}
          </Descriptions.Item>
        )}
        <Descriptions.Item label="附件" span={2}>
          {c.attachments.length === 0
            ? '无'
            : c.attachments.map((a) => (
                <div key={a.blobId}>
                  <a href={`/api/blobs/${a.blobId}`} data-testid="attachment-link">
                    <PaperClipOutlined /> {a.name}
                  </a>
                </div>
              ))}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
  const flowCard = (
    <Card title="流程跟踪" size="small" key="flow">
      {timeline.isError ? (
        <QueryError error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : !timeline.data ? (
        <Skeleton active />
      ) : (
        <Tabs
          items={[
            {
              key: 'timeline',
              label: '办理过程',
              children: <FlowTimeline data={timeline.data} />,
            },
            {
              key: 'stats',
              label: '流程统计',
              children: <FlowStatistics data={timeline.data} />,
            },
          ]}
        />
      )}
    </Card>
  );
  const currentCard = (
    <Card title="当前环节" size="small" key="current">
      {c.current.length === 0 ? (
        <Typography.Text type="secondary">
          {c.status === 'done' ? '已归档，流程结束' : '暂无待办环节'}
        </Typography.Text>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="current-steps">
          {c.current.map((t) => (
            <div key={t.id}>
              <Badge status={t.overdue ? 'error' : 'processing'} />
              <Typography.Text strong>{t.label}</Typography.Text>
              <Typography.Text type="secondary">　{t.people.join('、')}</Typography.Text>
              {t.mine && (
                <Tag color="blue" style={{ marginLeft: 6 }}>
                  我的待办
                </Tag>
              )}
              {t.dueAt && (
                <Typography.Text
                  type={t.overdue ? 'danger' : 'secondary'}
                  style={{ marginLeft: 6 }}
                >
                  时限 {fmt(t.dueAt, false)}
                </Typography.Text>
              )}
            </div>
          ))}
        </Space>
      )}
    </Card>
  );
  const actionsCard = (
    <Card title="办理" size="small" key="actions" data-testid="actions-card">
      {actions.length === 0 ? (
        <Empty description="您当前没有需要办理的事项" />
      ) : (
        <Collapse
          accordion
          activeKey={
            activeAction && actions.some((a) => actionKey(a) === activeAction)
              ? activeAction
              : actionKey(actions[0]!)
          }
          onChange={(k) => setActiveAction(Array.isArray(k) ? k[0] : k)}
          items={actions.map((a) => ({
            key: actionKey(a),
            label: (
              <span data-testid={`action-${a.type}`}>
                {a.title}
                {a.onBehalfOfName ? `（代${a.onBehalfOfName}）` : ''}
              </span>
            ),
            children: (
              <ActionForm
                // not keyed by the case version: what was entered in one panel stays
                // when another action (撤回 …) changes the case
                key={actionKey(a)}
                caseView={c}
                action={a}
                onDone={() => setActiveAction(undefined)}
              />
            ),
          }))}
        />
      )}
    </Card>
  );
  const readsCard = (
    <Card title="传阅情况" size="small" key="reads">
      {reads.isError ? (
        <Alert type="error" title={reads.error.message} />
      ) : !reads.data ? (
        <Skeleton active />
      ) : (
        <ReadStatusPanel data={reads.data} />
      )}
    </Card>
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="incoming-case">
      <Card variant="borderless">
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space direction="vertical" size={2}>
            <Space wrap>
              <CaseTags fields={{ urgency: r.urgency, secrecy: r.secrecy }} />
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="case-title">
                {c.title}
              </Typography.Title>
            </Space>
            <Space wrap>
              <Typography.Text type="secondary">{c.serialNo ?? '（未编号）'}</Typography.Text>
              <Tag color={c.status === 'done' ? 'default' : 'processing'} data-testid="case-state">
                {c.stateLabel}
              </Tag>
              {c.overdue && <Tag color="error">已超期</Tag>}
              {c.reminderCount > 0 && <Tag color="orange">催办 {c.reminderCount} 次</Tag>}
            </Space>
          </Space>
          <Space wrap>
            {c.canRemind && <RemindButton caseId={c.id} />}
            <Link href={`/incoming/${encodeURIComponent(c.id)}/sheet`}>
              <Button icon={<PrinterOutlined />}>处理笺</Button>
            </Link>
            <a
              href={`/incoming/${encodeURIComponent(c.id)}/sheet/pdf`}
              target="_blank"
              rel="noreferrer"
            >
              <Button icon={<FilePdfOutlined />}>下载PDF</Button>
            </a>
          </Space>
        </Space>
      </Card>

      {/* One tree at every width, the columns reordered by breakpoint: switching between two
          layouts would remount the 办理 forms and lose what was typed whenever the window
          crosses the breakpoint. Tablets and phones get one column, with what is the user's
          to do (当前环节, 办理) before the details when there is something to do. */}
      <Row gutter={[16, 16]}>
        <Col xs={{ span: 24, order: hasActions ? 2 : 1 }} xl={{ span: 14, order: 1 }}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            {detailsCard}
            {flowCard}
          </Space>
        </Col>
        <Col xs={{ span: 24, order: hasActions ? 1 : 2 }} xl={{ span: 10, order: 2 }}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            {currentCard}
            {actionsCard}
            {readsCard}
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
