'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Col, DatePicker, Form, Input, Row, Space } from 'antd';
import dayjs from 'dayjs';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { ErrorAlert } from '~/components/error-alert';
import { applyServerErrors, FormField } from '~/components/form-field';
import { AttachmentUpload } from '~/components/incoming/attachment-upload';
import { ZMonthlyReportCreate } from '~/lib/schemas/monthly-report';
import { useTRPC } from '~/trpc/react';
import { lastMonth } from './labels';

type In = z.input<typeof ZMonthlyReportCreate>;
type Out = z.output<typeof ZMonthlyReportCreate>;

const FIELDS = ['draft.month', 'draft.done', 'draft.problems', 'draft.plan', 'draft.attachments'];

/** 新建工作月报 of the user's own department: 月份, 本月工作完成情况, 存在问题, 下月工作计划, 附件. */
export function MonthlyReportForm({
  departmentId,
  departmentName,
}: {
  departmentId: string;
  departmentName: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<In, unknown, Out>({
    resolver: zodResolver(ZMonthlyReportCreate),
    defaultValues: {
      commandId: crypto.randomUUID(),
      submit: true,
      draft: {
        month: lastMonth(),
        departmentId,
        done: '',
        problems: '',
        plan: '',
        attachments: [],
      },
    },
  });
  const create = useMutation(
    trpc.monthlyReport.create.mutationOptions({
      onSuccess: (r) => {
        message.success(r.state === 'submitted' ? '已报送' : '已保存');
        router.push(`/monthly-report/${encodeURIComponent(r.caseId)}`);
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
  const text = (
    name: 'draft.done' | 'draft.problems' | 'draft.plan',
    label: string,
    id: string,
  ) => (
    <FormField
      control={form.control}
      name={name}
      label={label}
      required
      render={(f) => <Input.TextArea {...f} id={id} autoSize={{ minRows: 4, maxRows: 12 }} />}
    />
  );
  return (
    <Card title="新建工作月报">
      <Form layout="vertical">
        <ErrorAlert error={error} testId="monthly-report-error" />
        <Row gutter={16}>
          <Col xs={24} sm={12} md={6}>
            <FormField
              control={form.control}
              name="draft.month"
              label="月份"
              required
              render={(f) => (
                <DatePicker
                  picker="month"
                  id="monthly-report-month"
                  allowClear={false}
                  style={{ width: '100%' }}
                  value={f.value ? dayjs(`${f.value}-01`) : null}
                  onChange={(d) => f.onChange(d ? d.format('YYYY-MM') : '')}
                />
              )}
            />
          </Col>
          <Col xs={24} sm={12} md={8}>
            <Form.Item label="部门">
              <Input value={departmentName} disabled data-testid="monthly-report-department" />
            </Form.Item>
          </Col>
        </Row>
        {text('draft.done', '本月工作完成情况', 'monthly-report-done')}
        {text('draft.problems', '存在问题', 'monthly-report-problems')}
        {text('draft.plan', '下月工作计划', 'monthly-report-plan')}
        <FormField
          control={form.control}
          name="draft.attachments"
          label="附件"
          render={(f) => <AttachmentUpload value={f.value} onChange={f.onChange} />}
        />
        <Space wrap>
          <Button
            type="primary"
            loading={create.isPending}
            onClick={() => submit(true)}
            data-testid="submit-monthly-report"
          >
            报送
          </Button>
          <Button loading={create.isPending} onClick={() => submit(false)}>
            保存草稿
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
