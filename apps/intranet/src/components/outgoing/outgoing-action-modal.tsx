'use client';

import type { DocumentBody } from '@gongwen/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Checkbox,
  DatePicker,
  Form,
  Input,
  Modal,
  Radio,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { isDestructiveAction } from '~/components/action-order';
import { FormField } from '~/components/form-field';
import { HandwritingPad } from '~/components/handwriting/handwriting-pad';
import { BodyEditor } from '~/components/outgoing/body-editor';
import { OutgoingHeaderFields } from '~/components/outgoing/header-fields';
import { useConfirmAction } from '~/components/use-confirm-action';
import type { Handwriting } from '~/lib/schemas/handwriting';
import { OUTGOING_EVENT_SCHEMAS, type OutgoingEventType } from '~/lib/schemas/outgoing';
import { type RouterOutputs, useTRPC } from '~/trpc/react';
import { CountersignPlanFields, defaults, editableHeader, subtree } from './outgoing-action-fields';

type CaseData = RouterOutputs['outgoing']['get'];
type Org = RouterOutputs['outgoing']['org'];
type Action = CaseData['actions'][number];
// biome-ignore lint/suspicious/noExplicitAny: one form serves every event's payload shape
type Values = Record<string, any>;

/** Events whose form offers “修改正文” (a keyboard edit saved as a new version). */
const BODY_EDIT_EVENTS: readonly OutgoingEventType[] = [
  'CHECK',
  'COUNTERSIGN',
  'RECHECK',
  'SIGN',
  'RETURN_FOR_REVISION',
];

const OK_TEXT: Partial<Record<OutgoingEventType, string>> = {
  EDIT: '保存为新版本',
  SIGN: '签发',
  REJECT: '不予签发',
};

/**
 * The form of one workflow step, validated with the core's schema of that event (the same one
 * the server applies), sent through `outgoing.send` with the case version the user saw.
 */
export function OutgoingActionModal(props: {
  action: Action;
  caseData: CaseData;
  org: Org;
  onClose: () => void;
  /** Fields the opener fixes (e.g. the 回执 row that was clicked). */
  preset?: Values;
}) {
  const { action, caseData: c, org } = props;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const confirmAction = useConfirmAction();
  const [commandId] = useState(() => crypto.randomUUID());
  const [handwriting, setHandwriting] = useState<Handwriting | null>(null);
  const [editBody, setEditBody] = useState(action.type === 'EDIT');
  const schema = OUTGOING_EVENT_SCHEMAS[action.type] as unknown as z.ZodType<Values, Values>;
  const form = useForm<Values, unknown, Values>({
    resolver: zodResolver(schema),
    defaultValues: { ...defaults(action, c), ...props.preset },
  });
  const values = useWatch({ control: form.control });
  const send = useMutation(
    trpc.outgoing.send.mutationOptions({
      onSuccess: async () => {
        message.success(`已${action.title}`);
        await queryClient.invalidateQueries(trpc.outgoing.pathFilter());
        props.onClose();
      },
      onError: (e) => message.error(e.message),
    }),
  );

  const users = org.users;
  const leaders = users.filter((u) => u.roles.includes('leader'));
  const memberOptions = useMemo(() => {
    const dept = values.departmentId as string | undefined;
    if (!dept) return [];
    const depts = subtree(org, dept);
    return users
      .filter((u) => u.departmentId && depts.has(u.departmentId) && u.id !== c.drafter.id)
      .map((u) => ({ value: u.id, label: u.name }));
  }, [values.departmentId, org, users, c.drafter.id]);
  const userOptions = users.map((u) => ({ value: u.id, label: u.name }));
  const deptSelect = (label: string) =>
    action.departments.length > 0 && (
      <FormField
        control={form.control}
        name="departmentId"
        label={label}
        required
        render={(f) => (
          <Select
            {...f}
            id="action-department"
            showSearch={{ optionFilterProp: 'label' }}
            options={action.departments.map((d) => ({ value: d.id, label: d.name }))}
          />
        )}
      />
    );
  const text = (name: string, label: string, required = true, rows = 3) => (
    <FormField
      control={form.control}
      name={name}
      label={label}
      required={required}
      render={(f) => (
        <Input.TextArea
          {...f}
          value={f.value ?? ''}
          id={`action-${name}`}
          autoSize={{ minRows: rows, maxRows: 12 }}
        />
      )}
    />
  );
  const t = action.type;
  const errs = form.formState.errors;
  const formError = Object.values(errs)
    .map((e) => (e && typeof e === 'object' && 'message' in e ? (e.message as string) : null))
    .filter(Boolean)[0];

  return (
    <Modal
      open
      title={action.onBehalfOfName ? `${action.title}（代${action.onBehalfOfName}）` : action.title}
      okText={OK_TEXT[t] ?? '提交'}
      okButtonProps={{ danger: isDestructiveAction(t) }}
      cancelText="取消"
      width={BODY_EDIT_EVENTS.includes(t) || t === 'EDIT' || t === 'FINALIZE' ? 960 : 640}
      confirmLoading={send.isPending}
      onCancel={props.onClose}
      onOk={form.handleSubmit(async (payload) => {
        // 退回, 不予签发, 作废, 撤回 are confirmed first; cancelling keeps the form as it is
        if (!(await confirmAction(t, action.title))) return;
        send.mutate({
          caseId: c.id,
          commandId,
          expectedRev: c.rev,
          ...(action.onBehalfOf && { onBehalfOf: action.onBehalfOf }),
          ...(handwriting && { handwriting }),
          action: { type: t, payload } as never,
        });
      })}
      destroyOnHidden
    >
      <Form layout="vertical" component="div" data-testid={`action-form-${t}`}>
        {t === 'SUBMIT' && (
          <>
            <FormField
              control={form.control}
              name="checker"
              label="核稿人"
              extra="不选则由您的直接上级核稿"
              render={(f) => (
                <Select
                  {...f}
                  id="action-checker"
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  options={userOptions}
                />
              )}
            />
            {text('note', '说明', false, 2)}
          </>
        )}
        {(t === 'CANCEL' || t === 'VOID_DOC_NUMBER') && text('reason', '作废理由')}
        {t === 'RETURN' && text('reason', '退回理由')}
        {t === 'REJECT' && text('reason', '不予签发理由')}
        {t === 'RETURN_FOR_REVISION' && text('reason', '修改意见')}
        {t === 'VOID_DOC_NUMBER' && (
          <FormField
            control={form.control}
            name="renumber"
            label=""
            render={(f) => (
              <Checkbox checked={!!f.value} onChange={(e) => f.onChange(e.target.checked)}>
                作废后立即取下一个文号
              </Checkbox>
            )}
          />
        )}
        {t === 'CHECK' && (
          <>
            {text('opinion', '核稿意见')}
            <CountersignPlanFields control={form.control} org={org} name="countersign" />
            <FormField
              control={form.control}
              name="signer"
              label="签发人"
              required
              render={(f) => (
                <Select
                  {...f}
                  id="action-signer"
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder="选择签发领导"
                  options={leaders.map((u) => ({ value: u.id, label: u.name }))}
                />
              )}
            />
            <FormField
              control={form.control}
              name="rechecker"
              label="复核人"
              extra="不选则由秘书科（文秘）复核"
              render={(f) => (
                <Select
                  {...f}
                  id="action-rechecker"
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  options={userOptions}
                />
              )}
            />
          </>
        )}
        {t === 'WITHDRAW' && (
          <>
            {deptSelect('撤回哪个部门的会签步骤')}
            <Typography.Paragraph type="secondary">
              撤回后，您上一步的办理将被收回，下一办理人尚未处理。
            </Typography.Paragraph>
          </>
        )}
        {t === 'ASSIGN_MEMBER' && (
          <>
            {deptSelect('会签部门')}
            <FormField
              control={form.control}
              name="memberId"
              label="会签人"
              required
              render={(f) => (
                <Select
                  {...f}
                  id="action-member"
                  showSearch
                  optionFilterProp="label"
                  options={memberOptions}
                />
              )}
            />
            {text('note', '说明', false, 2)}
          </>
        )}
        {t === 'COUNTERSIGN' && (
          <>
            {deptSelect('会签部门')}
            <FormField
              control={form.control}
              name="agree"
              label="会签结论"
              render={(f) => (
                <Radio.Group
                  value={f.value}
                  onChange={(e) => f.onChange(e.target.value)}
                  options={[
                    { value: true, label: '同意' },
                    { value: false, label: '不同意' },
                  ]}
                />
              )}
            />
            {text('opinion', '会签意见')}
          </>
        )}
        {t === 'COUNTERSIGN_AGAIN' && (
          <>
            <Typography.Paragraph>
              不修改会签部门时，将按原会签部门（
              {c.countersign?.plan.departments
                .map(
                  (d) =>
                    org.departments.find((x) => x.id === d.departmentId)?.name ?? d.departmentId,
                )
                .join('、') || '无'}
              ）再次会签。
            </Typography.Paragraph>
            <Checkbox
              checked={values.countersign !== undefined}
              onChange={(e) =>
                form.setValue(
                  'countersign',
                  e.target.checked
                    ? (c.countersign?.plan ?? { mode: 'sequence', departments: [] })
                    : undefined,
                )
              }
            >
              重新选择会签部门
            </Checkbox>
            {values.countersign !== undefined && (
              <CountersignPlanFields control={form.control} org={org} name="countersign" />
            )}
            {text('note', '说明', false, 2)}
          </>
        )}
        {t === 'SEND_TO_RECHECK' && text('note', '说明', false, 2)}
        {t === 'RECHECK' && text('opinion', '复核意见')}
        {t === 'SIGN' && text('opinion', '签发意见')}
        {t === 'FINALIZE' && (
          <>
            <FormField
              control={form.control}
              name="mode"
              label="清稿方式"
              render={(f) => (
                <Radio.Group
                  value={f.value}
                  onChange={(e) => {
                    f.onChange(e.target.value);
                    form.setValue('body', e.target.value === 'manual' ? c.currentBody : undefined);
                  }}
                  options={[
                    { value: 'auto', label: '自动清稿（签发稿即成文稿）' },
                    { value: 'manual', label: '手工清稿（编辑成文稿）' },
                  ]}
                />
              )}
            />
            {values.mode === 'manual' && (
              <BodyEditor
                defaultValue={c.currentBody}
                onChange={(b: DocumentBody) => form.setValue('body', b)}
              />
            )}
            {text('note', '说明', false, 2)}
          </>
        )}
        {t === 'RECORD_RECEIPT' && (
          <>
            <FormField
              control={form.control}
              name="recipient"
              label="受文单位"
              required
              render={(f) => (
                <Select
                  {...f}
                  id="action-recipient"
                  options={c.recipients
                    .filter((r) => r.receipt === null && !r.platform)
                    .map((r) => ({ value: r.key, label: r.name }))}
                />
              )}
            />
            <FormField
              control={form.control}
              name="receivedBy"
              label="签收人"
              required
              render={(f) => <Input {...f} id="action-receivedBy" placeholder="对方签收人姓名" />}
            />
            <FormField
              control={form.control}
              name="receivedAt"
              label="签收时间"
              extra="不填则为当前时间"
              render={(f) => (
                <DatePicker
                  showTime
                  value={f.value ? dayjs(f.value) : null}
                  onChange={(d) => f.onChange(d ? d.toISOString() : undefined)}
                />
              )}
            />
            {text('note', '说明', false, 2)}
          </>
        )}
        {t === 'REMIND_RECEIPTS' && text('note', '催办说明', false, 2)}
        {t === 'ARCHIVE' && (
          <>
            <FormField
              control={form.control}
              name="archiveCode"
              label="档号"
              render={(f) => <Input {...f} value={f.value ?? ''} id="action-archiveCode" />}
            />
            {text('note', '说明', false, 2)}
          </>
        )}
        {t === 'EDIT' && (
          <>
            <Checkbox
              id="edit-header-toggle"
              checked={values.header !== undefined}
              onChange={(e) =>
                form.setValue('header', e.target.checked ? editableHeader(c) : undefined)
              }
              style={{ marginBottom: 8 }}
            >
              同时修改稿头（标题、主送、抄送、密级等）
            </Checkbox>
            {values.header !== undefined && (
              <Row gutter={16}>
                <OutgoingHeaderFields
                  control={form.control}
                  prefix="header."
                  idPrefix="edit-"
                  secrecy={values.header?.secrecy}
                  departments={org.departments
                    .filter(
                      (d) =>
                        org.draftingDepartments.includes(d.id) ||
                        d.id === c.header.draftingDepartment,
                    )
                    .map((d) => ({ value: d.id, label: d.name }))}
                  units={org.units}
                />
              </Row>
            )}
            <BodyEditor
              defaultValue={c.currentBody}
              onChange={(b: DocumentBody) => form.setValue('body', b)}
            />
            {text('note', '修改说明', false, 2)}
          </>
        )}
        {BODY_EDIT_EVENTS.includes(t) && (
          <div style={{ marginTop: 8 }}>
            <Checkbox
              checked={editBody}
              onChange={(e) => {
                setEditBody(e.target.checked);
                form.setValue('body', e.target.checked ? c.currentBody : undefined);
              }}
            >
              修改正文（保存为第 {c.currentVersion + 1} 版）
            </Checkbox>
            {editBody && (
              <div style={{ marginTop: 8 }}>
                <BodyEditor
                  defaultValue={c.currentBody}
                  onChange={(b: DocumentBody) => form.setValue('body', b)}
                />
              </div>
            )}
          </div>
        )}
        {action.handwriting && (
          <Form.Item label="手写批注（可选）" style={{ marginTop: 12 }}>
            <HandwritingPad value={handwriting} onChange={setHandwriting} />
          </Form.Item>
        )}
        {formError && <Alert type="error" showIcon title={formError} style={{ marginTop: 8 }} />}
        <Space />
      </Form>
    </Modal>
  );
}
