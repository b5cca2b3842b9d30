'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, Radio, Row, Select, Space } from 'antd';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { applyServerErrors, FormField } from '~/components/form-field';
import { AttachmentUpload } from '~/components/incoming/attachment-upload';
import { usePeople } from '~/components/meeting/use-people';
import { BodyEditor } from '~/components/outgoing/body-editor';
import { REPORT_KINDS, ZReportCreate } from '~/lib/schemas/report';
import { useTRPC } from '~/trpc/react';

type In = z.input<typeof ZReportCreate>;
type Out = z.output<typeof ZReportCreate>;

const FIELDS = ['draft.kind', 'draft.title', 'draft.approvers', 'draft.body', 'draft.attachments'];

/** 新建报告: 文种, 标题, 正文, 附件 and the approvers (in sequence or in parallel). */
export function ReportForm({ me }: { me: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { message } = App.useApp();
  const people = usePeople();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<In, unknown, Out>({
    resolver: zodResolver(ZReportCreate),
    defaultValues: {
      commandId: crypto.randomUUID(),
      submit: true,
      draft: {
        kind: '请示',
        title: '',
        body: { blocks: [{ type: 'paragraph', text: '' }] },
        attachments: [],
        approvers: [],
        mode: 'sequence',
        parallelRule: 'all',
      },
    },
  });
  const mode = useWatch({ control: form.control, name: 'draft.mode' });
  const create = useMutation(
    trpc.report.create.mutationOptions({
      onSuccess: (r) => {
        message.success(r.state === 'approving' ? '已送审' : '已保存');
        router.push(`/reports/${encodeURIComponent(r.caseId)}`);
      },
      onError: (e) => {
        applyServerErrors(e, form.setError, FIELDS);
        setError(e.message);
        form.setValue('commandId', crypto.randomUUID());
      },
    }),
  );
  const submit = (send: boolean) => {
    form.setValue('submit', send);
    setError(null);
    void form.handleSubmit((v) => create.mutate(v))();
  };
  return (
    <Card title="新建报告">
      <Form layout="vertical">
        {error && (
          <Alert
            type="error"
            showIcon
            title={error}
            style={{ marginBottom: 12 }}
            data-testid="report-error"
          />
        )}
        <Row gutter={16}>
          <Col xs={24} md={4}>
            <FormField
              control={form.control}
              name="draft.kind"
              label="文种"
              required
              render={(f) => (
                <Select
                  {...f}
                  id="report-kind"
                  options={REPORT_KINDS.map((k) => ({ value: k, label: k }))}
                />
              )}
            />
          </Col>
          <Col xs={24} md={20}>
            <FormField
              control={form.control}
              name="draft.title"
              label="标题"
              required
              render={(f) => <Input {...f} id="report-title" placeholder="关于……的请示" />}
            />
          </Col>
        </Row>
        <FormField
          control={form.control}
          name="draft.body"
          label="正文"
          required
          render={(f) => (
            <BodyEditor id="report-body" defaultValue={f.value as never} onChange={f.onChange} />
          )}
        />
        <FormField
          control={form.control}
          name="draft.attachments"
          label="附件"
          render={(f) => <AttachmentUpload value={f.value} onChange={f.onChange} />}
        />
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <FormField
              control={form.control}
              name="draft.approvers"
              label={mode === 'sequence' ? '审批人（按选择顺序依次审批）' : '审批人'}
              required
              render={(f) => (
                <Select
                  {...f}
                  id="report-approvers"
                  mode="multiple"
                  showSearch={{ optionFilterProp: 'label' }}
                  options={people.userOptions.filter((o) => o.value !== me)}
                  placeholder="选择审批人"
                />
              )}
            />
          </Col>
          <Col xs={24} md={6}>
            <FormField
              control={form.control}
              name="draft.mode"
              label="审批方式"
              render={(f) => (
                <Radio.Group
                  {...f}
                  options={[
                    { value: 'sequence', label: '依次审批' },
                    { value: 'parallel', label: '同时审批' },
                  ]}
                />
              )}
            />
          </Col>
          {mode === 'parallel' && (
            <Col xs={24} md={6}>
              <FormField
                control={form.control}
                name="draft.parallelRule"
                label="通过规则"
                render={(f) => (
                  <Radio.Group
                    {...f}
                    options={[
                      { value: 'all', label: '全部同意' },
                      { value: 'any', label: '任一同意' },
                    ]}
                  />
                )}
              />
            </Col>
          )}
        </Row>
        <Space>
          <Button
            type="primary"
            loading={create.isPending}
            onClick={() => submit(true)}
            data-testid="submit-report"
          >
            送审
          </Button>
          <Button loading={create.isPending} onClick={() => submit(false)}>
            保存草稿
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
