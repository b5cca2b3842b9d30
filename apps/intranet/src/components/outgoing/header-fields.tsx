'use client';

import { DOC_TYPES, SECRECY_LEVELS, URGENCIES } from '@gongwen/core';
import { Col, Input, InputNumber, Select } from 'antd';
import type { ComponentProps } from 'react';
import type { Control, FieldPath, FieldValues } from 'react-hook-form';
import { FormField } from '~/components/form-field';
import { RecipientPicker } from './recipient-picker';

const opts = (xs: readonly string[]) => xs.map((x) => ({ value: x, label: x }));

/**
 * The fields of a 发文's header (稿头) as grid columns: 标题, 文种, 份数, 拟稿单位, 机关代字,
 * 紧急程度, 密级 and 保密期限, 分类, 主送, 抄送 and 主题词. Used by 拟稿 and by 保存正文 when the
 * header changes; `prefix` is where the fields sit in the form's values (e.g. `header.`).
 */
export function OutgoingHeaderFields<T extends FieldValues>(props: {
  control: Control<T>;
  prefix?: '' | 'header.';
  idPrefix?: string;
  secrecy: string | undefined;
  departments: Array<{ value: string; label: string }>;
  units: ComponentProps<typeof RecipientPicker>['units'];
}) {
  const { control, prefix = '', idPrefix = '', secrecy, departments, units } = props;
  const n = (field: string) => `${prefix}${field}` as FieldPath<T>;
  return (
    <>
      <Col xs={24} md={16}>
        <FormField
          control={control}
          name={n('title')}
          label="标题"
          required
          render={(f) => <Input {...f} id={`${idPrefix}title`} placeholder="关于……的通知" />}
        />
      </Col>
      <Col xs={12} md={4}>
        <FormField
          control={control}
          name={n('docType')}
          label="文种"
          required
          render={(f) => <Select {...f} id={`${idPrefix}docType`} options={opts(DOC_TYPES)} />}
        />
      </Col>
      <Col xs={12} md={4}>
        <FormField
          control={control}
          name={n('copies')}
          label="份数"
          required
          render={(f) => (
            <InputNumber<number>
              {...f}
              value={f.value as number | undefined}
              id={`${idPrefix}copies`}
              min={1}
              max={9999}
              style={{ width: '100%' }}
              onChange={(v) => f.onChange(v ?? undefined)}
            />
          )}
        />
      </Col>
      <Col xs={12} md={6}>
        <FormField
          control={control}
          name={n('draftingDepartment')}
          label="拟稿单位"
          required
          render={(f) => (
            <Select
              {...f}
              id={`${idPrefix}draftingDepartment`}
              showSearch
              optionFilterProp="label"
              options={departments}
            />
          )}
        />
      </Col>
      <Col xs={12} md={4}>
        <FormField
          control={control}
          name={n('issuerCode')}
          label="机关代字"
          required
          extra="文号形如 机关代字〔年份〕序号号"
          render={(f) => <Input {...f} id={`${idPrefix}issuerCode`} />}
        />
      </Col>
      <Col xs={8} md={3}>
        <FormField
          control={control}
          name={n('urgency')}
          label="紧急程度"
          render={(f) => <Select {...f} id={`${idPrefix}urgency`} options={opts(URGENCIES)} />}
        />
      </Col>
      <Col xs={8} md={3}>
        <FormField
          control={control}
          name={n('secrecy')}
          label="密级"
          render={(f) => <Select {...f} id={`${idPrefix}secrecy`} options={opts(SECRECY_LEVELS)} />}
        />
      </Col>
      <Col xs={8} md={4}>
        <FormField
          control={control}
          name={n('secrecyTerm')}
          label="保密期限"
          required={secrecy !== undefined && secrecy !== '非密'}
          render={(f) => (
            <Input
              {...f}
              value={f.value ?? ''}
              id={`${idPrefix}secrecyTerm`}
              placeholder={secrecy === '非密' ? '非涉密无需填写' : '如：1年'}
              disabled={secrecy === '非密'}
              onChange={(e) => f.onChange(e.target.value || undefined)}
            />
          )}
        />
      </Col>
      <Col xs={12} md={4}>
        <FormField
          control={control}
          name={n('classification')}
          label="分类"
          render={(f) => <Input {...f} id={`${idPrefix}classification`} placeholder="如：综合" />}
        />
      </Col>
      <Col xs={24} md={12}>
        <FormField
          control={control}
          name={n('mainRecipients')}
          label="主送"
          render={(f) => (
            <RecipientPicker
              id={`${idPrefix}mainRecipients`}
              value={f.value}
              onChange={f.onChange}
              units={units}
            />
          )}
        />
      </Col>
      <Col xs={24} md={12}>
        <FormField
          control={control}
          name={n('ccRecipients')}
          label="抄送"
          render={(f) => (
            <RecipientPicker
              id={`${idPrefix}ccRecipients`}
              value={f.value}
              onChange={f.onChange}
              units={units}
            />
          )}
        />
      </Col>
      <Col xs={24} md={12}>
        <FormField
          control={control}
          name={n('keywords')}
          label="主题词"
          render={(f) => (
            <Select
              id={`${idPrefix}keywords`}
              mode="tags"
              open={false}
              value={f.value ?? []}
              onChange={f.onChange}
              tokenSeparators={[' ', '，', ',']}
              placeholder="输入主题词后回车，最多10个"
            />
          )}
        />
      </Col>
    </>
  );
}
