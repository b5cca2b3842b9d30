'use client';

import type { DocumentBody } from '@gongwen/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  Modal,
  Space,
  Steps,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { isDestructiveAction, orderActions } from '~/components/action-order';
import { type AttachmentRef, AttachmentUpload } from '~/components/incoming/attachment-upload';
import { fmt } from '~/components/meeting/labels';
import { usePeople } from '~/components/meeting/use-people';
import { BodyEditor } from '~/components/outgoing/body-editor';
import { BodyView } from '~/components/outgoing/body-view';
import { QueryError } from '~/components/query-state';
import { useConfirmAction } from '~/components/use-confirm-action';
import {
  APPROVER_STATE_LABELS,
  REPORT_EVENT_LABELS,
  type ReportEventType,
} from '~/lib/schemas/report';
import { type RouterOutputs, useTRPC } from '~/trpc/react';
import { APPROVER_STATE_COLORS, modeText, REPORT_STATE_COLORS } from './labels';

type Report = RouterOutputs['report']['get'];

const BUTTONS: Array<{ type: ReportEventType; text: string; primary?: boolean }> = [
  { type: 'SUBMIT', text: '送审', primary: true },
  { type: 'APPROVE', text: '同意', primary: true },
  { type: 'RETURN', text: '退回修改' },
  { type: 'REJECT', text: '不同意' },
  { type: 'RESUBMIT', text: '修改后重新送审', primary: true },
  { type: 'WITHDRAW', text: '撤回' },
];

/** How long ago, in words: 3分钟, 2小时5分钟, 1天3小时. */
function elapsed(since: string | null): string {
  if (!since) return '';
  const min = Math.max(0, Math.floor((Date.now() - Date.parse(since)) / 60_000));
  if (min < 60) return `${min}分钟`;
  const h = Math.floor(min / 60);
  if (h < 24) return `${h}小时${min % 60}分钟`;
  return `${Math.floor(h / 24)}天${h % 24}小时`;
}

function ActionModal({
  report,
  type,
  onClose,
}: {
  report: Report;
  type: ReportEventType;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const confirmAction = useConfirmAction();
  const [commandId, setCommandId] = useState(() => crypto.randomUUID());
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useState(type === 'APPROVE' ? '同意' : '');
  const [title, setTitle] = useState(report.report.title);
  const [body, setBody] = useState<DocumentBody>(report.report.body);
  const [attachments, setAttachments] = useState<AttachmentRef[]>(report.report.attachments);
  const [restartAll, setRestartAll] = useState(false);
  const label = BUTTONS.find((b) => b.type === type)?.text ?? type;
  const send = useMutation(
    trpc.report.send.mutationOptions({
      onSuccess: async () => {
        message.success(`已${label}`);
        await queryClient.invalidateQueries(trpc.report.pathFilter());
        onClose();
      },
      onError: (e) => {
        setError(e.message);
        setCommandId(crypto.randomUUID());
      },
    }),
  );
  const go = async () => {
    setError(null);
    // 退回修改, 不同意, 撤回 are confirmed first; cancelling keeps what was entered
    if (!(await confirmAction(type, label))) return;
    const caseId = report.id;
    switch (type) {
      case 'SUBMIT':
        return send.mutate({
          caseId,
          commandId,
          action: { type, payload: text ? { note: text } : {} },
        });
      case 'APPROVE':
        return send.mutate({
          caseId,
          commandId,
          action: { type, payload: text ? { opinion: text } : {} },
        });
      case 'RETURN':
      case 'REJECT':
        return send.mutate({ caseId, commandId, action: { type, payload: { reason: text } } });
      case 'WITHDRAW':
        return send.mutate({
          caseId,
          commandId,
          action: { type, payload: text ? { reason: text } : {} },
        });
      case 'RESUBMIT':
        return send.mutate({
          caseId,
          commandId,
          action: {
            type,
            payload: { title, body, attachments, restartAll, ...(text && { note: text }) },
          },
        });
    }
  };
  return (
    <Modal
      open
      title={label}
      width={type === 'RESUBMIT' ? 900 : 520}
      okText="确定"
      cancelText="取消"
      onOk={() => void go()}
      onCancel={onClose}
      confirmLoading={send.isPending}
      okButtonProps={{ 'data-testid': 'report-action-ok' } as never}
    >
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 12 }}
          data-testid="report-action-error"
        />
      )}
      <Form layout="vertical">
        {type === 'RESUBMIT' && (
          <>
            {report.progress.returned && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                title={`退回理由：${report.progress.returned.reason}`}
              />
            )}
            <Form.Item label="标题" required>
              <Input id="resubmit-title" value={title} onChange={(e) => setTitle(e.target.value)} />
            </Form.Item>
            <Form.Item label="正文" required>
              <BodyEditor id="resubmit-body" defaultValue={body} onChange={setBody} />
            </Form.Item>
            <Form.Item label="附件">
              <AttachmentUpload value={attachments} onChange={setAttachments} />
            </Form.Item>
            <Form.Item>
              <Checkbox checked={restartAll} onChange={(e) => setRestartAll(e.target.checked)}>
                请全部审批人重新审批（默认已同意的审批意见保留）
              </Checkbox>
            </Form.Item>
          </>
        )}
        <Form.Item
          label={
            {
              SUBMIT: '送审说明',
              APPROVE: '审批意见',
              RETURN: '退回理由',
              REJECT: '不同意的理由',
              RESUBMIT: '修改说明',
              WITHDRAW: '撤回原因',
            }[type]
          }
          required={type === 'RETURN' || type === 'REJECT'}
        >
          <Input.TextArea
            id="report-action-text"
            rows={3}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The report page: the report and its live progress, refreshed every 3 seconds without reload. */
export function ReportView({ caseId }: { caseId: string }) {
  const trpc = useTRPC();
  const people = usePeople();
  const q = useQuery({
    ...trpc.report.get.queryOptions({ caseId }),
    refetchInterval: 3_000,
    refetchIntervalInBackground: false,
  });
  const [action, setAction] = useState<ReportEventType | null>(null);
  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const r = q.data;
  if (!r) return <Card loading />;
  const p = r.progress;
  const can = new Set(r.actions.map((a) => a.type));
  return (
    <div>
      <Card
        title={
          <Space>
            <Tag>{r.report.kind}</Tag>
            <span data-testid="report-title">{r.report.title}</span>
            <Tag color={REPORT_STATE_COLORS[p.state]} data-testid="report-state">
              {p.stateLabel}
            </Tag>
          </Space>
        }
        extra={
          <Space>
            {orderActions(BUTTONS.filter((b) => can.has(b.type))).map((b) => (
              <Button
                key={b.type}
                type={b.primary ? 'primary' : 'default'}
                danger={isDestructiveAction(b.type)}
                data-testid={`report-action-${b.type}`}
                onClick={() => setAction(b.type)}
              >
                {b.text}
              </Button>
            ))}
          </Space>
        }
      >
        <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="拟稿人">{people.userName(r.author)}</Descriptions.Item>
          <Descriptions.Item label="审批方式">{modeText(r.mode, r.parallelRule)}</Descriptions.Item>
          <Descriptions.Item label="送审轮次">
            {p.round === 0 ? '未送审' : `第${p.round}轮`}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card title="审批进度（实时）" style={{ marginTop: 16 }} data-testid="report-progress">
        {p.returned && p.state === 'revising' && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="report-returned"
            title={`${people.userName(p.returned.by)} 于 ${fmt(p.returned.at)} 退回修改：${p.returned.reason}`}
          />
        )}
        <Typography.Paragraph data-testid="report-holders">
          {p.holders.length > 0
            ? `当前在：${p.holders
                .map(
                  (h) =>
                    `${people.userName(h.userId)}（自 ${fmt(h.since)} 起，已 ${elapsed(h.since)}）`,
                )
                .join('、')}`
            : p.finishedAt
              ? `已于 ${fmt(p.finishedAt)} 办结：${p.stateLabel}`
              : ''}
        </Typography.Paragraph>
        {r.mode === 'sequence' ? (
          <Steps
            size="small"
            current={p.approvers.findIndex((a) => a.state === 'pending')}
            items={p.approvers.map((a) => ({
              title: people.userName(a.approverId),
              status:
                a.state === 'approved'
                  ? 'finish'
                  : a.state === 'pending'
                    ? 'process'
                    : a.state === 'returned' || a.state === 'rejected'
                      ? 'error'
                      : 'wait',
              description: APPROVER_STATE_LABELS[a.state],
            }))}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Table
          rowKey="approverId"
          size="small"
          pagination={false}
          data-testid="report-approvers"
          dataSource={p.approvers}
          columns={[
            { title: '序号', dataIndex: 'order', width: 60 },
            { title: '审批人', key: 'a', render: (_, a) => people.userName(a.approverId) },
            {
              title: '状态',
              key: 's',
              render: (_, a) => (
                <Tag
                  color={APPROVER_STATE_COLORS[a.state]}
                  data-testid={`approver-${a.approverId}`}
                >
                  {APPROVER_STATE_LABELS[a.state]}
                </Tag>
              ),
            },
            {
              title: '时间',
              key: 't',
              render: (_, a) => (a.state === 'pending' ? `收到于 ${fmt(a.since)}` : fmt(a.at)),
            },
            {
              title: '意见',
              key: 'o',
              render: (_, a) =>
                `${a.opinion ?? ''}${a.onBehalfOf && a.actorId ? `（${people.userName(a.actorId)}代）` : ''}`,
            },
          ]}
        />
      </Card>

      <Card title="正文" style={{ marginTop: 16 }}>
        <BodyView body={r.report.body} />
        {r.report.attachments.length > 0 && (
          <Space wrap style={{ marginTop: 12 }}>
            附件：
            {r.report.attachments.map((a) => (
              <a
                key={a.blobId}
                href={`/api/blobs/${encodeURIComponent(a.blobId)}`}
                target="_blank"
                rel="noreferrer"
              >
                {a.name}
              </a>
            ))}
          </Space>
        )}
      </Card>

      <Card title="办理过程" style={{ marginTop: 16 }}>
        <Timeline
          items={r.timeline.map((e) => ({
            key: e.seq,
            content: (
              <span>
                {fmt(e.at)} {people.userName(e.actorId)}
                {e.onBehalfOf ? `（代${people.userName(e.onBehalfOf)}）` : ''}：
                {REPORT_EVENT_LABELS[e.event] ?? e.event}
                {e.opinion ? `——${e.opinion}` : ''}
                {e.note ? `（${e.note}）` : ''}
              </span>
            ),
          }))}
        />
      </Card>
      {action && <ActionModal report={r} type={action} onClose={() => setAction(null)} />}
    </div>
  );
}
