'use client';

import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTRPC } from '~/trpc/react';

/**
 * 盖章: the secretary enters the seal PIN; the server renders the 成文稿 with its 文号, seals it
 * with the unit's electronic seal and records it. The verification result is shown by the
 * case page's seal card afterwards.
 */
export function SealDialog(props: {
  caseId: string;
  docNumber: string | null;
  unitName: string;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [pin, setPin] = useState('');
  const [commandId] = useState(() => crypto.randomUUID());
  const seal = useMutation(
    trpc.outgoing.seal.mutationOptions({
      onSuccess: async (r) => {
        const ok = r.verification.length > 0 && r.verification.every((v) => v.valid);
        if (ok) message.success(`已盖章：${r.seal.docNumber}，验章通过`);
        else message.warning('已盖章，但验章未通过，请查看验证结果');
        await queryClient.invalidateQueries(trpc.outgoing.pathFilter());
        props.onClose();
      },
    }),
  );
  return (
    <Modal
      open
      title={
        <span>
          <SafetyCertificateOutlined style={{ color: '#c00' }} /> 盖章
        </span>
      }
      okText="盖章"
      cancelText="取消"
      confirmLoading={seal.isPending}
      okButtonProps={{ disabled: pin === '' }}
      onCancel={props.onClose}
      onOk={() => seal.mutate({ caseId: props.caseId, commandId, pin })}
      destroyOnHidden
    >
      <Typography.Paragraph>
        将以“{props.unitName}”电子公章对 <b>{props.docNumber ?? '（无文号）'}</b> 的成文稿盖章。
        系统将按 GB/T 9704 版式生成正式公文 PDF，在发文机关署名处加盖印章并签名，盖章后不能再修改。
      </Typography.Paragraph>
      <Form layout="vertical" component="div">
        <Form.Item label="印章 PIN" required>
          <Input.Password
            id="seal-pin"
            autoFocus
            autoComplete="off"
            value={pin}
            onChange={(e) => setPin(e.target.value)}
            onPressEnter={() => pin && seal.mutate({ caseId: props.caseId, commandId, pin })}
          />
        </Form.Item>
      </Form>
      {seal.error && <Alert type="error" showIcon title={seal.error.message} />}
      {seal.isPending && (
        <Typography.Text type="secondary">正在生成公文并盖章，约需数秒……</Typography.Text>
      )}
    </Modal>
  );
}
