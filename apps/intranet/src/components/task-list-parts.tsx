'use client';

import { Input, Select, Space, Typography } from 'antd';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { CaseTags, docNumberOf } from '~/components/case-tags';
import type { useWorkflows } from '~/components/use-workflows';
import { caseHref } from '~/lib/links';
import { SECRECY_OPTIONS, URGENCY_OPTIONS } from '~/lib/schemas/tasks';

/** The title cell of a case in 待办 and 已办: its tags, the link to the case, its 文号 below. */
export function CaseTitleCell(props: {
  workflow: string;
  caseId: string;
  title: string;
  fields: Record<string, unknown>;
  /** Tags before the case's own (催办, 已超期). */
  before?: ReactNode;
}) {
  const docNumber = docNumberOf(props.fields);
  return (
    <Space direction="vertical" size={0}>
      <Space wrap>
        {props.before}
        <CaseTags fields={props.fields} />
        <Link href={caseHref(props.workflow, props.caseId)} data-workflow={props.workflow}>
          {props.title}
        </Link>
      </Space>
      {docNumber && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {docNumber}
        </Typography.Text>
      )}
    </Space>
  );
}

/** What the shared filters set. */
interface CommonFilter {
  search?: string | undefined;
  workflow?: string | undefined;
  urgency?: (typeof URGENCY_OPTIONS)[number] | undefined;
  secrecy?: (typeof SECRECY_OPTIONS)[number] | undefined;
}

/**
 * The filters 待办 and 已办 share — text, 流程类型, 紧急程度, 密级 — with the list's own after
 * 流程类型 (`afterWorkflow`) and at the end (`children`).
 */
export function TaskListFilters(props: {
  searchPlaceholder: string;
  workflows: ReturnType<typeof useWorkflows>;
  set: (patch: CommonFilter) => void;
  afterWorkflow?: ReactNode;
  children?: ReactNode;
}) {
  const { set } = props;
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Input.Search
        allowClear
        placeholder={props.searchPlaceholder}
        style={{ width: 240 }}
        onSearch={(v) => set({ search: v.trim() || undefined })}
        aria-label="搜索"
      />
      <Select
        allowClear
        placeholder="流程类型"
        aria-label="流程类型"
        style={{ width: 140 }}
        options={props.workflows.list.map((w) => ({ value: w.name, label: w.title }))}
        onChange={(v?: string) => set({ workflow: v })}
      />
      {props.afterWorkflow}
      <Select
        allowClear
        placeholder="紧急程度"
        style={{ width: 120 }}
        options={URGENCY_OPTIONS.map((v) => ({ value: v, label: v }))}
        onChange={(v?: (typeof URGENCY_OPTIONS)[number]) => set({ urgency: v })}
      />
      <Select
        allowClear
        placeholder="密级"
        style={{ width: 110 }}
        options={SECRECY_OPTIONS.map((v) => ({ value: v, label: v }))}
        onChange={(v?: (typeof SECRECY_OPTIONS)[number]) => set({ secrecy: v })}
      />
      {props.children}
    </Space>
  );
}

/** The pager of a server-paged list. */
export function listPagination(
  filter: { page?: number | undefined; pageSize?: number | undefined },
  total: number,
) {
  return {
    current: filter.page,
    pageSize: filter.pageSize,
    total,
    showSizeChanger: true,
    showTotal: (t: number) => `共 ${t} 条`,
  };
}
