'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '~/components/error-alert';
import { type AttachmentRef, AttachmentUpload } from '~/components/incoming/attachment-upload';
import { useConfirmAction } from '~/components/use-confirm-action';
import type { MonthlyReportEventType } from '~/lib/schemas/monthly-report';
import { type RouterOutputs, useTRPC } from '~/trpc/react';

type Report = RouterOutputs['monthlyReport']['get'];

/** The text each event asks for, and whether it is required. */
const TEXT: Record<MonthlyReportEventType, { label: string; required?: boolean }> = {
  SUBMIT: { label: '' },
  RESUBMIT: { label: '修改说明' },
  REGISTER: { label: '登记意见' },
  RETURN: { label: '退回理由', required: true },
  ARCHIVE: { label: '归档说明' },
};

/** The dialog of one 工作月报 action; 报送/重新报送 let the drafter revise the report first. */
export function MonthlyReportAction({
  report,
  type,
  title,
  onClose,
}: {
  report: Report;
  type: MonthlyReportEventType;
  title: string;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const confirmAction = useConfirmAction();
  const [commandId, setCommandId] = useState(() => crypto.randomUUID());
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [content, setContent] = useState(report.content);
  const edits = type === 'SUBMIT' || type === 'RESUBMIT';
  const send = useMutation(
    trpc.monthlyReport.send.mutationOptions({
      onSuccess: async () => {
        message.success(`已${title}`);
        await queryClient.invalidateQueries(trpc.monthlyReport.pathFilter());
        onClose();
      },
      onError: (e) => {
        setError(e.message);
        setCommandId(crypto.randomUUID());
      },
    }),
  );
  const note = text.trim() ? { note: text.trim() } : {};
  const go = async () => {
    setError(null);
    if (!(await confirmAction(type, title))) return;
    const caseId = report.id;
    const action =
      type === 'RETURN'
        ? { type, payload: { reason: text } }
        : type === 'SUBMIT'
          ? { type, payload: content }
          : type === 'RESUBMIT'
            ? { type, payload: { ...content, ...note } }
            : { type, payload: note };
    send.mutate({ caseId, commandId, action });
  };
  const area = (key: 'done' | 'problems' | 'plan', label: string) => (
    <Form.Item label={label} required>
      <Input.TextArea
        id={`monthly-action-${key}`}
        autoSize={{ minRows: 3, maxRows: 10 }}
        value={content[key]}
        onChange={(e) => setContent({ ...content, [key]: e.target.value })}
      />
    </Form.Item>
  );
  return (
    <Modal
      open
      title={title}
      width={edits ? 800 : 520}
      okText="确定"
      cancelText="取消"
      onOk={() => void go()}
      onCancel={onClose}
      confirmLoading={send.isPending}
      okButtonProps={{ 'data-testid': 'monthly-action-ok' } as never}
    >
      <ErrorAlert error={error} testId="monthly-action-error" />
      <Form layout="vertical">
        {edits && (
          <>
            {area('done', '本月工作完成情况')}
            {area('problems', '存在问题')}
            {area('plan', '下月工作计划')}
            <Form.Item label="附件">
              <AttachmentUpload
                value={content.attachments}
                onChange={(attachments: AttachmentRef[]) => setContent({ ...content, attachments })}
              />
            </Form.Item>
          </>
        )}
        {TEXT[type].label && (
          <Form.Item label={TEXT[type].label} required={TEXT[type].required}>
            <Input.TextArea
              id="monthly-action-text"
              rows={3}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
