'use client';

import type { Recipient } from '@gongwen/core';
import { Select, Space } from 'antd';

/**
 * 主送 / 抄送: units on the platform (picked from the list) and external units (typed by
 * name, Enter to add). The value keeps platform units first, then external ones.
 */
export function RecipientPicker(props: {
  id?: string;
  value: Recipient[] | undefined;
  onChange: (value: Recipient[]) => void;
  units: Array<{ id: string; name: string }>;
}) {
  const value = props.value ?? [];
  const platform = value.flatMap((r) => ('unitId' in r ? [r.unitId] : []));
  const external = value.flatMap((r) => ('name' in r ? [r.name] : []));
  const emit = (ids: string[], names: string[]) =>
    props.onChange([
      ...ids.map((unitId) => ({ unitId })),
      ...names
        .map((n) => n.trim())
        .filter((n) => n !== '')
        .map((name) => ({ name })),
    ]);
  return (
    <Space.Compact block style={{ display: 'flex' }}>
      <Select
        id={props.id}
        mode="multiple"
        style={{ flex: 1 }}
        placeholder="平台内单位"
        optionFilterProp="label"
        value={platform}
        onChange={(ids) => emit(ids, external)}
        options={props.units.map((u) => ({ value: u.id, label: u.name }))}
      />
      <Select
        id={props.id ? `${props.id}-external` : undefined}
        mode="tags"
        style={{ flex: 1 }}
        placeholder="外部单位：输入名称后回车"
        value={external}
        onChange={(names) => emit(platform, names)}
        open={false}
        tokenSeparators={['，', ',', '、']}
      />
    </Space.Compact>
  );
}
