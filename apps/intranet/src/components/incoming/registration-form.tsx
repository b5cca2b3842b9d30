'use client';

import { DIRECTIONS, HEAD_TYPES, SECRECY_LEVELS, URGENCIES, ZRegistration } from '@gongwen/core';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  AutoComplete,
  Button,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
} from 'antd';
import dayjs from 'dayjs';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { applyServerErrors, FormField } from '~/components/form-field';
import { AttachmentUpload } from './attachment-upload';

export type RegistrationInput = z.input<typeof ZRegistration>;
export type RegistrationOutput = z.output<typeof ZRegistration>;

const DOC_TYPES = ['通知', '通报', '请示', '报告', '批复', '意见', '函', '决定', '纪要', '公告'];

/** Today in Beijing, YYYY-MM-DD. */
export function todayInBeijing(): string {
  return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/** An empty 签收登记. */
export function emptyRegistration(): RegistrationInput {
  return {
    title: '',
    senderUnit: '',
    senderDocNumber: '',
    receivedDate: todayInBeijing(),
    docType: '通知',
    classificationCode: '',
    keywords: [],
    secrecy: '非密',
    urgency: '普通',
    headType: '红头',
    direction: '上级来文',
    copies: 1,
    pages: 1,
    attachments: [],
  };
}

const FIELDS = Object.keys(emptyRegistration()).concat(['writtenDate', 'secrecyTerm']);

/**
 * The 签收登记 form (also 修改登记): react-hook-form validated by the core's ZRegistration,
 * the very schema the procedure and the engine use.
 */
export function RegistrationForm(props: {
  defaultValues: RegistrationInput;
  submitText: string;
  submitting: boolean;
  onSubmit: (value: RegistrationOutput) => Promise<unknown>;
  /** The 红头/白头 kind cannot change after the number is allocated (修改登记). */
  lockHeadType?: boolean;
}) {
  const form = useForm<RegistrationInput, unknown, RegistrationOutput>({
    resolver: zodResolver(ZRegistration),
    defaultValues: props.defaultValues,
  });
  const { control } = form;
  const secrecy = useWatch({ control, name: 'secrecy' });
  const submit = form.handleSubmit(async (v) => {
    try {
      await props.onSubmit(v);
    } catch (e) {
      applyServerErrors(e, form.setError, FIELDS.map((f) => `registration.${f}`).concat(FIELDS));
    }
  });
  const date = (v: string | undefined) => (v ? dayjs(v) : null);
  return (
    <Form layout="vertical" component="div" data-testid="registration-form">
      <FormField
        control={control}
        name="title"
        label="标题"
        required
        render={(f) => <Input {...f} maxLength={200} placeholder="来文标题" aria-label="标题" />}
      />
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <FormField
            control={control}
            name="senderUnit"
            label="来文单位"
            required
            render={(f) => <Input {...f} maxLength={100} aria-label="来文单位" />}
          />
        </Col>
        <Col xs={24} md={12}>
          <FormField
            control={control}
            name="senderDocNumber"
            label="来文字号"
            render={(f) => (
              <Input
                {...f}
                maxLength={50}
                placeholder="如：市财预〔2026〕88号"
                aria-label="来文字号"
              />
            )}
          />
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={6}>
          <FormField
            control={control}
            name="receivedDate"
            label="收文日期"
            required
            render={(f) => (
              <DatePicker
                style={{ width: '100%' }}
                value={date(f.value)}
                onChange={(d) => f.onChange(d ? d.format('YYYY-MM-DD') : '')}
                aria-label="收文日期"
              />
            )}
          />
        </Col>
        <Col xs={24} md={6}>
          <FormField
            control={control}
            name="writtenDate"
            label="成文日期"
            render={(f) => (
              <DatePicker
                style={{ width: '100%' }}
                value={date(f.value)}
                onChange={(d) => f.onChange(d ? d.format('YYYY-MM-DD') : undefined)}
                aria-label="成文日期"
              />
            )}
          />
        </Col>
        <Col xs={24} md={6}>
          <FormField
            control={control}
            name="docType"
            label="文种"
            required
            render={(f) => (
              <AutoComplete
                {...f}
                options={DOC_TYPES.map((value) => ({ value }))}
                aria-label="文种"
              />
            )}
          />
        </Col>
        <Col xs={24} md={6}>
          <FormField
            control={control}
            name="classificationCode"
            label="分类代码"
            render={(f) => <Input {...f} maxLength={30} aria-label="分类代码" />}
          />
        </Col>
      </Row>
      <FormField
        control={control}
        name="keywords"
        label="主题词"
        extra="输入后回车，最多10个"
        render={(f) => (
          <Select
            {...f}
            mode="tags"
            tokenSeparators={[' ', '，', ',']}
            open={false}
            aria-label="主题词"
          />
        )}
      />
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <FormField
            control={control}
            name="urgency"
            label="紧急程度"
            render={(f) => (
              <Radio.Group
                {...f}
                optionType="button"
                options={URGENCIES.map((v) => ({ value: v, label: v }))}
              />
            )}
          />
        </Col>
        <Col xs={24} md={8}>
          <FormField
            control={control}
            name="secrecy"
            label="密级"
            render={(f) => (
              <Select
                {...f}
                options={SECRECY_LEVELS.map((v) => ({ value: v, label: v }))}
                aria-label="密级"
              />
            )}
          />
        </Col>
        <Col xs={24} md={8}>
          {secrecy && secrecy !== '非密' && (
            <FormField
              control={control}
              name="secrecyTerm"
              label="保密期限"
              required
              render={(f) => (
                <Input {...f} placeholder="如：10年" maxLength={20} aria-label="保密期限" />
              )}
            />
          )}
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <FormField
            control={control}
            name="headType"
            label="红头／白头"
            required
            render={(f) => (
              <Radio.Group
                {...f}
                disabled={props.lockHeadType}
                optionType="button"
                options={HEAD_TYPES.map((v) => ({ value: v, label: v }))}
              />
            )}
          />
        </Col>
        <Col xs={24} md={8}>
          <FormField
            control={control}
            name="direction"
            label="来文方向"
            required
            render={(f) => (
              <Select
                {...f}
                options={DIRECTIONS.map((v) => ({ value: v, label: v }))}
                aria-label="来文方向"
              />
            )}
          />
        </Col>
        <Col xs={12} md={4}>
          <FormField
            control={control}
            name="copies"
            label="份数"
            required
            render={(f) => (
              <InputNumber
                {...f}
                min={1}
                precision={0}
                style={{ width: '100%' }}
                aria-label="份数"
              />
            )}
          />
        </Col>
        <Col xs={12} md={4}>
          <FormField
            control={control}
            name="pages"
            label="页数"
            required
            render={(f) => (
              <InputNumber
                {...f}
                min={1}
                precision={0}
                style={{ width: '100%' }}
                aria-label="页数"
              />
            )}
          />
        </Col>
      </Row>
      <FormField
        control={control}
        name="attachments"
        label="附件"
        extra="PDF、OFD、Word、WPS、Excel、图片等，单个不超过20MB"
        render={(f) => <AttachmentUpload value={f.value} onChange={f.onChange} />}
      />
      <Button
        type="primary"
        loading={props.submitting}
        onClick={() => void submit()}
        data-testid="registration-submit"
      >
        {props.submitText}
      </Button>
    </Form>
  );
}
