'use client';

import { DatePicker, Input, InputNumber, Radio, Select, Space, Switch } from 'antd';
import dayjs from 'dayjs';
import type { Control, FieldValues } from 'react-hook-form';
import { FormField } from '~/components/form-field';
import type { useUnitOrg } from './use-unit-org';

export type Org = ReturnType<typeof useUnitOrg>;

/** The fields of a 拟办 (also the changed proposal of 审阅), under `prefix`. */
export function ProposalFields({
  control,
  prefix,
  org,
}: {
  control: Control<FieldValues>;
  prefix: string;
  org: Org;
}) {
  const p = (name: string) => `${prefix}${name}`;
  return (
    <>
      <FormField
        control={control}
        name={p('opinion')}
        label="拟办意见"
        required
        render={(f) => <Input.TextArea {...f} rows={3} maxLength={2000} aria-label="拟办意见" />}
      />
      <FormField
        control={control}
        name={p('leaders')}
        label="批示领导"
        required
        render={(f) => (
          <Select
            {...f}
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            options={org.leaderOptions}
            placeholder="选择批示领导"
            aria-label="批示领导"
          />
        )}
      />
      <FormField
        control={control}
        name={p('leaderMode')}
        label="批示方式"
        render={(f) => (
          <Radio.Group
            {...f}
            options={[
              { value: 'sequence', label: '依次批示' },
              { value: 'parallel', label: '同时批示' },
            ]}
          />
        )}
      />
      <FormField
        control={control}
        name={p('mainDepartment')}
        label="主办部门"
        render={(f) => (
          <Select
            {...f}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={org.handlingDepartmentOptions}
            placeholder="选择主办部门"
            aria-label="主办部门"
            onChange={(v) => f.onChange(v ?? undefined)}
          />
        )}
      />
      <FormField
        control={control}
        name={p('assistDepartments')}
        label="协办部门"
        render={(f) => (
          <Select
            {...f}
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            options={org.handlingDepartmentOptions}
            aria-label="协办部门"
          />
        )}
      />
      <FormField
        control={control}
        name={p('circulateDepartments')}
        label="传阅部门"
        extra="只能选择直属部门，不能越级"
        render={(f) => (
          <Select
            {...f}
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            options={org.circulateDepartmentOptions}
            aria-label="传阅部门"
          />
        )}
      />
      <Space size="large" wrap>
        <FormField
          control={control}
          name={p('supervise')}
          label="催办"
          render={(f) => (
            <Switch checked={Boolean(f.value)} onChange={f.onChange} aria-label="催办" />
          )}
        />
        <FormField
          control={control}
          name={p('deadline')}
          label="办理时限"
          extra="不填则为7个工作日"
          render={(f) => (
            <DatePicker
              value={f.value ? dayjs(f.value as string) : null}
              onChange={(d) => f.onChange(d ? d.format('YYYY-MM-DD') : undefined)}
              aria-label="办理时限"
            />
          )}
        />
        <FormField
          control={control}
          name={p('remindEveryWorkingDays')}
          label="催办间隔（工作日）"
          render={(f) => (
            <InputNumber
              {...f}
              min={1}
              max={30}
              precision={0}
              onChange={(v) => f.onChange(v ?? undefined)}
            />
          )}
        />
      </Space>
    </>
  );
}

export const emptyProposal = {
  opinion: '',
  leaders: [],
  leaderMode: 'sequence',
  assistDepartments: [],
  circulateDepartments: [],
  supervise: false,
};
