'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { type FieldValues, useForm, useWatch } from 'react-hook-form';
import { isDestructiveAction } from '~/components/action-order';
import { applyServerErrors, FormField } from '~/components/form-field';
import { HandwritingPad } from '~/components/handwriting/handwriting-pad';
import { useConfirmAction } from '~/components/use-confirm-action';
import type { Handwriting } from '~/lib/schemas/handwriting';
import { INCOMING_EVENT_SCHEMAS, type IncomingEventType } from '~/lib/schemas/incoming';
import { type RouterOutputs, useTRPC } from '~/trpc/react';
import { AttachmentUpload } from './attachment-upload';
import { emptyProposal, ProposalFields } from './proposal-fields';
import { RegistrationForm, type RegistrationOutput } from './registration-form';
import { useUnitOrg } from './use-unit-org';

type CaseView = RouterOutputs['incoming']['get'];
type ActionOption = CaseView['actions'][number];

function defaultsFor(action: ActionOption): Record<string, unknown> {
  const departmentId = action.departments[0]?.id;
  switch (action.type) {
    case 'PROPOSE':
      return { ...emptyProposal };
    case 'REVIEW':
      return { decision: 'accept', opinion: '' };
    case 'INSTRUCT':
      return { opinion: '', addAssistDepartments: [], addCirculateDepartments: [] };
    case 'ASSIGN':
    case 'HAND_DOWN':
      return { departmentId, handlerId: '', note: '' };
    case 'SUBMIT_RESULT':
      return { departmentId, result: '', attachments: [] };
    case 'CONFIRM':
    case 'READ':
      return { departmentId, opinion: '' };
    case 'SEND_BACK':
      return { departmentId, reason: '' };
    case 'PICK_READERS':
      return { departmentId, readers: [], forwardTo: [] };
    case 'RETURN':
      return { reason: '', ...(departmentId ? { departmentId } : {}) };
    case 'WITHDRAW':
      return departmentId ? { departmentId } : {};
    case 'ARCHIVE':
      return { note: '', archiveCode: '' };
    default:
      return {};
  }
}

/** Empty optional strings are left out, so that `.optional()` fields stay optional. */
function compact(v: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(v).filter(([, x]) => x !== '' && x !== undefined && x !== null),
  );
}

function useSend(caseView: CaseView, action: ActionOption, onDone: () => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [commandId, setCommandId] = useState(() => crypto.randomUUID());
  const mutation = useMutation(
    trpc.incoming.send.mutationOptions({
      onSuccess: async () => {
        message.success(`已${action.title}`);
        setCommandId(crypto.randomUUID());
        await queryClient.invalidateQueries(trpc.incoming.pathFilter());
        await queryClient.invalidateQueries(trpc.tasks.pathFilter());
        onDone();
      },
      onError: (e) => message.error(e.message),
    }),
  );
  const send = (payload: Record<string, unknown>, handwriting?: Handwriting | null) =>
    mutation.mutateAsync({
      caseId: caseView.id,
      commandId,
      expectedRev: caseView.rev,
      ...(action.onBehalfOf ? { onBehalfOf: action.onBehalfOf } : {}),
      ...(handwriting ? { handwriting } : {}),
      action: { type: action.type, payload } as never,
    });
  return { send, pending: mutation.isPending };
}

/** The form of one action the user may take, validated by the core schema of its event. */
export function ActionForm(props: {
  caseView: CaseView;
  action: ActionOption;
  onDone: () => void;
}) {
  const { caseView, action } = props;
  const org = useUnitOrg();
  const { send, pending } = useSend(caseView, action, props.onDone);
  const confirmAction = useConfirmAction();
  const [handwriting, setHandwriting] = useState<Handwriting | null>(null);
  const schema = INCOMING_EVENT_SCHEMAS[action.type as IncomingEventType];
  const form = useForm<FieldValues>({
    // biome-ignore lint/suspicious/noExplicitAny: one form component for every event schema
    resolver: zodResolver(schema as any),
    defaultValues: defaultsFor(action),
  });
  const { control } = form;
  const decision = useWatch({ control, name: 'decision' });
  const departmentId = useWatch({ control, name: 'departmentId' }) as string | undefined;

  if (action.type === 'AMEND_REGISTRATION') {
    return (
      <RegistrationForm
        defaultValues={caseView.registration}
        lockHeadType
        submitText="保存登记"
        submitting={pending}
        onSubmit={(v: RegistrationOutput) => send(v as unknown as Record<string, unknown>)}
      />
    );
  }

  const submit = form.handleSubmit(async (values) => {
    const payload =
      action.type === 'REVIEW' && values.decision === 'change'
        ? { ...compact(values), proposal: compact(values.proposal as Record<string, unknown>) }
        : action.type === 'REVIEW'
          ? compact({ decision: values.decision, opinion: values.opinion })
          : compact(values);
    // 退回 / 撤回 are confirmed first; a cancelled confirmation keeps what was entered
    if (!(await confirmAction(action.type, action.title))) return;
    try {
      await send(payload, action.handwriting ? handwriting : null);
      form.reset(defaultsFor(action));
      setHandwriting(null);
    } catch (e) {
      const fields = Object.keys(values).flatMap((k) => [k, `action.payload.${k}`]);
      applyServerErrors(e, form.setError, fields);
    }
  });

  const deptField = action.departments.length > 0 && (
    <FormField
      control={control}
      name="departmentId"
      label="部门"
      required
      render={(f) => (
        <Select
          {...f}
          showSearch={{ optionFilterProp: 'label' }}
          options={action.departments.map((d) => ({ value: d.id, label: d.name }))}
          disabled={action.departments.length === 1}
          aria-label="部门"
        />
      )}
    />
  );
  const text = (name: string, label: string, required = false, rows = 3) => (
    <FormField
      control={control}
      name={name}
      label={label}
      required={required}
      render={(f) => <Input.TextArea {...f} rows={rows} maxLength={5000} aria-label={label} />}
    />
  );

  let body: React.ReactNode = null;
  switch (action.type) {
    case 'PROPOSE':
      body = <ProposalFields control={control} prefix="" org={org} />;
      break;
    case 'REVIEW':
      body = (
        <>
          <FormField
            control={control}
            name="decision"
            label="审阅结果"
            render={(f) => (
              <Radio.Group
                {...f}
                onChange={(e) => {
                  f.onChange(e.target.value);
                  if (e.target.value === 'change' && !form.getValues('proposal'))
                    form.setValue('proposal', { ...emptyProposal });
                }}
                options={[
                  { value: 'accept', label: '同意拟办' },
                  { value: 'change', label: '修改拟办' },
                ]}
              />
            )}
          />
          {text('opinion', '审阅意见')}
          {decision === 'change' && (
            <ProposalFields control={control} prefix="proposal." org={org} />
          )}
        </>
      );
      break;
    case 'INSTRUCT':
      body = (
        <>
          {text('opinion', '批示意见', true, 4)}
          <FormField
            control={control}
            name="addAssistDepartments"
            label="增加协办部门"
            render={(f) => (
              <Select
                {...f}
                mode="multiple"
                showSearch={{ optionFilterProp: 'label' }}
                options={org.handlingDepartmentOptions}
                aria-label="增加协办部门"
              />
            )}
          />
          <FormField
            control={control}
            name="addCirculateDepartments"
            label="增加传阅部门"
            render={(f) => (
              <Select
                {...f}
                mode="multiple"
                showSearch={{ optionFilterProp: 'label' }}
                options={org.circulateDepartmentOptions}
                aria-label="增加传阅部门"
              />
            )}
          />
        </>
      );
      break;
    case 'ASSIGN':
    case 'HAND_DOWN':
      body = (
        <>
          {deptField}
          <FormField
            control={control}
            name="handlerId"
            label="承办人"
            required
            render={(f) => (
              <Select
                {...f}
                showSearch={{ optionFilterProp: 'label' }}
                options={departmentId ? org.handlerOptions(departmentId) : []}
                placeholder="选择承办人"
                aria-label="承办人"
              />
            )}
          />
          {text('note', '说明', false, 2)}
        </>
      );
      break;
    case 'SUBMIT_RESULT':
      body = (
        <>
          {deptField}
          {text('result', '办理结果', true, 4)}
          <FormField
            control={control}
            name="attachments"
            label="附件"
            render={(f) => <AttachmentUpload value={f.value} onChange={f.onChange} />}
          />
        </>
      );
      break;
    case 'CONFIRM':
      body = (
        <>
          {deptField}
          {text('opinion', '办结意见', false, 2)}
        </>
      );
      break;
    case 'READ':
      body = (
        <>
          {deptField}
          {text('opinion', '阅文意见', false, 2)}
        </>
      );
      break;
    case 'SEND_BACK':
      body = (
        <>
          {deptField}
          {text('reason', '退回理由', true)}
        </>
      );
      break;
    case 'PICK_READERS':
      body = (
        <>
          {deptField}
          <FormField
            control={control}
            name="readers"
            label="阅读人"
            extra="本部门人员"
            render={(f) => (
              <Select
                {...f}
                mode="multiple"
                showSearch={{ optionFilterProp: 'label' }}
                options={departmentId ? org.readerOptions(departmentId) : []}
                aria-label="阅读人"
              />
            )}
          />
          <FormField
            control={control}
            name="forwardTo"
            label="转下级部门传阅"
            extra="只能转给直属下级部门"
            render={(f) => (
              <Select
                {...f}
                mode="multiple"
                showSearch={{ optionFilterProp: 'label' }}
                options={departmentId ? org.childDepartmentOptions(departmentId) : []}
                aria-label="转下级部门传阅"
              />
            )}
          />
        </>
      );
      break;
    case 'RETURN':
      body = (
        <>
          {deptField}
          {text('reason', '退回理由', true)}
        </>
      );
      break;
    case 'WITHDRAW':
      body = (
        <>
          {deptField}
          <Alert
            type="warning"
            showIcon
            title="撤回后，您上一步的办理将被收回，下一环节的待办随之取消。"
          />
        </>
      );
      break;
    case 'ARCHIVE':
      body = (
        <>
          <FormField
            control={control}
            name="archiveCode"
            label="档号"
            render={(f) => <Input {...f} maxLength={50} aria-label="档号" />}
          />
          {text('note', '归档说明', false, 2)}
        </>
      );
      break;
  }

  return (
    <Form layout="vertical" component="div" data-testid={`action-form-${action.type}`}>
      {action.onBehalfOfName && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`您正在代理${action.onBehalfOfName}办理（代理授权）`}
        />
      )}
      {body}
      {action.handwriting && (
        <Form.Item label="手写批注" extra="可选：用手写笔、手指或鼠标在框内书写">
          <HandwritingPad value={handwriting} onChange={setHandwriting} />
        </Form.Item>
      )}
      {Object.keys(form.formState.errors).length > 0 && (
        <Typography.Text type="danger" style={{ display: 'block', marginBottom: 8 }}>
          请根据提示修改后再提交
        </Typography.Text>
      )}
      <Button
        type="primary"
        danger={isDestructiveAction(action.type)}
        loading={pending}
        onClick={() => void submit()}
        data-testid={`action-submit-${action.type}`}
      >
        {action.title}
      </Button>
    </Form>
  );
}
