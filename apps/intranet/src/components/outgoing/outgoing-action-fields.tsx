'use client';

import { Radio, Select } from 'antd';
import type { Control } from 'react-hook-form';
import { FormField } from '~/components/form-field';
import type { RouterOutputs } from '~/trpc/react';

export type CaseData = RouterOutputs['outgoing']['get'];
export type Org = RouterOutputs['outgoing']['org'];
export type Action = CaseData['actions'][number];
// biome-ignore lint/suspicious/noExplicitAny: one form serves every event's payload shape
export type Values = Record<string, any>;

/** The header fields 保存正文 may change, as the case holds them now. */
export function editableHeader(c: CaseData): Values {
  const h = c.header;
  return {
    title: h.title,
    docType: h.docType,
    copies: h.copies,
    draftingDepartment: h.draftingDepartment,
    issuerCode: h.issuerCode,
    urgency: h.urgency,
    secrecy: h.secrecy,
    secrecyTerm: h.secrecyTerm,
    classification: h.classification,
    mainRecipients: h.mainRecipients,
    ccRecipients: h.ccRecipients,
    keywords: h.keywords,
  };
}

export function defaults(action: Action, c: CaseData): Values {
  const dept = action.departments[0]?.id;
  switch (action.type) {
    case 'EDIT':
      return { body: c.currentBody, note: '' };
    case 'CANCEL':
    case 'RETURN':
    case 'REJECT':
    case 'RETURN_FOR_REVISION':
      return { reason: '' };
    case 'CHECK':
      return {
        opinion: '',
        countersign: { mode: 'sequence', departments: [] },
        signer: undefined,
        rechecker: undefined,
      };
    case 'WITHDRAW':
      return dept ? { departmentId: dept } : {};
    case 'ASSIGN_MEMBER':
      return { departmentId: dept, memberId: undefined, note: '' };
    case 'COUNTERSIGN':
      return { departmentId: dept, opinion: '', agree: true };
    case 'RECHECK':
      return { opinion: '' };
    case 'SIGN':
      return { opinion: '同意' };
    case 'FINALIZE':
      return { mode: 'auto', note: '' };
    case 'VOID_DOC_NUMBER':
      return { reason: '', renumber: true };
    case 'RECORD_RECEIPT':
      return {
        recipient: c.recipients.find((r) => r.receipt === null && !r.platform)?.key,
        receivedBy: '',
      };
    case 'ARCHIVE':
      return { archiveCode: '', note: '' };
    default:
      return {};
  }
}

/** Departments of the unit at or below `rootId`. */
export function subtree(org: Org, rootId: string): Set<string> {
  const out = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of org.departments)
      if (d.parentId && out.has(d.parentId) && !out.has(d.id)) {
        out.add(d.id);
        grew = true;
      }
  }
  return out;
}

/** The 会签 plan picker: 依次 / 同时 and the departments in order. */
export function CountersignPlanFields({
  control,
  org,
  name,
}: {
  control: Control<Values>;
  org: Org;
  name: string;
}) {
  const departments = org.departments.filter((d) => d.headUserId);
  return (
    <>
      <FormField
        control={control}
        name={`${name}.mode`}
        label="会签方式"
        render={(f) => (
          <Radio.Group
            value={f.value}
            onChange={(e) => f.onChange(e.target.value)}
            options={[
              { value: 'sequence', label: '依次会签（按所选顺序）' },
              { value: 'parallel', label: '同时会签' },
            ]}
          />
        )}
      />
      <FormField
        control={control}
        name={`${name}.departments`}
        label="会签部门"
        extra="不选则不需会签；依次会签时按选择的先后顺序进行"
        render={(f) => (
          <Select
            id="countersign-departments"
            mode="multiple"
            optionFilterProp="label"
            placeholder="选择会签部门"
            value={((f.value as Array<{ departmentId: string }>) ?? []).map((d) => d.departmentId)}
            onChange={(ids: string[]) =>
              f.onChange(
                ids.map((id) => ({
                  departmentId: id,
                  memberOpinionTo:
                    (f.value as Array<{ departmentId: string; memberOpinionTo?: string }>)?.find(
                      (d) => d.departmentId === id,
                    )?.memberOpinionTo ?? 'head',
                })),
              )
            }
            options={departments.map((d) => ({ value: d.id, label: d.name }))}
          />
        )}
      />
    </>
  );
}
