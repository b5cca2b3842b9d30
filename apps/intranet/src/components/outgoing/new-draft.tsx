'use client';

import { DeleteOutlined, FileWordOutlined, PaperClipOutlined } from '@ant-design/icons';
import { ZCreateOutgoingDraft } from '@gongwen/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  List,
  Row,
  Space,
  Spin,
  Typography,
  Upload,
} from 'antd';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { applyServerErrors } from '~/components/form-field';
import { BodyEditor } from '~/components/outgoing/body-editor';
import { OutgoingHeaderFields } from '~/components/outgoing/header-fields';
import { uploadOutgoingFile } from '~/components/outgoing/upload';
import { QueryError } from '~/components/query-state';
import { DOCX_TYPE } from '~/lib/schemas/outgoing';
import { useTRPC } from '~/trpc/react';

type DraftInput = z.input<typeof ZCreateOutgoingDraft>;
type DraftOutput = z.output<typeof ZCreateOutgoingDraft>;

/** Field errors of the body as `blocks.3.text` → message, for the editor. */
function bodyErrors(errors: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (node: unknown, path: string) => {
    if (!node || typeof node !== 'object') return;
    const n = node as { message?: unknown };
    if (typeof n.message === 'string' && path) out[path] = n.message;
    for (const [k, v] of Object.entries(node)) {
      if (k === 'ref' || k === 'message' || k === 'type') continue;
      walk(v, path ? `${path}.${k}` : k);
    }
  };
  walk(errors, '');
  return out;
}

/** 拟稿: the header (稿头), the 正文 in the structured editor or imported from Word, attachments. */
export function NewDraft() {
  const trpc = useTRPC();
  const router = useRouter();
  const { message } = App.useApp();
  const org = useQuery(trpc.outgoing.org.queryOptions());
  const [commandId] = useState(() => crypto.randomUUID());
  const [editorKey, setEditorKey] = useState(0);
  const [importWarnings, setImportWarnings] = useState<string[]>([]);
  const [uploading, setUploading] = useState(false);

  const form = useForm<DraftInput, unknown, DraftOutput>({
    resolver: zodResolver(ZCreateOutgoingDraft),
    defaultValues: {
      draftingDepartment: '',
      issuerCode: '',
      docType: '通知',
      secrecy: '非密',
      urgency: '普通',
      classification: '',
      mainRecipients: [],
      ccRecipients: [],
      title: '',
      copies: 1,
      keywords: [],
      attachments: [],
      body: { blocks: [{ type: 'paragraph', text: '' }] },
    },
  });
  const secrecy = useWatch({ control: form.control, name: 'secrecy' });
  const attachments = useWatch({ control: form.control, name: 'attachments' }) ?? [];
  const importedFrom = useWatch({ control: form.control, name: 'importedFrom' });
  const body = form.getValues('body');

  useEffect(() => {
    if (!org.data) return;
    if (!form.getValues('draftingDepartment') && org.data.me.departmentId)
      form.setValue('draftingDepartment', org.data.me.departmentId);
    if (!form.getValues('issuerCode') && org.data.unit.issuerCode)
      form.setValue('issuerCode', org.data.unit.issuerCode);
  }, [org.data, form]);

  const importDocx = useMutation(trpc.outgoing.importDocx.mutationOptions());
  const create = useMutation(
    trpc.outgoing.create.mutationOptions({
      onSuccess: (r) => {
        message.success('已保存拟稿');
        router.push(`/outgoing/${encodeURIComponent(r.caseId)}`);
      },
      onError: (e) => {
        applyServerErrors(e, form.setError, [
          ...Object.keys(ZCreateOutgoingDraft.shape ?? {}),
          'title',
          'copies',
          'secrecyTerm',
        ]);
        message.error(e.message);
      },
    }),
  );

  const onImport = async (file: File) => {
    setUploading(true);
    try {
      const up = await uploadOutgoingFile(file);
      const r = await importDocx.mutateAsync({ blobId: up.blobId });
      form.setValue('body', r.body, { shouldValidate: true });
      form.setValue('importedFrom', r.original);
      if (!form.getValues('title')) {
        const base = file.name.replace(/\.docx$/i, '');
        form.setValue('title', base);
      }
      setImportWarnings(r.warnings);
      setEditorKey((k) => k + 1);
      message.success(`已导入“${file.name}”的正文，共 ${r.body.blocks.length} 块`);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setUploading(false);
    }
  };

  const onAttach = async (file: File) => {
    setUploading(true);
    try {
      const up = await uploadOutgoingFile(file);
      form.setValue('attachments', [
        ...(form.getValues('attachments') ?? []),
        { blobId: up.blobId, name: up.name },
      ]);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setUploading(false);
    }
  };

  // only the departments this user may draft in the name of (the server holds to the same rule)
  const departments = useMemo(() => {
    const allowed = new Set(org.data?.draftingDepartments ?? []);
    return (org.data?.departments ?? [])
      .filter((d) => allowed.has(d.id))
      .map((d) => ({ value: d.id, label: d.name }));
  }, [org.data]);

  if (org.error) return <QueryError error={org.error} onRetry={() => void org.refetch()} />;
  if (!org.data) return <Spin />;
  const errs = form.formState.errors;

  return (
    <Card
      title="拟稿"
      extra={
        <Upload
          accept={`.docx,${DOCX_TYPE}`}
          showUploadList={false}
          beforeUpload={(file) => {
            void onImport(file);
            return false;
          }}
        >
          <Button icon={<FileWordOutlined />} loading={uploading || importDocx.isPending}>
            导入 Word 稿
          </Button>
        </Upload>
      }
    >
      <Form layout="vertical" component="div">
        <Row gutter={16}>
          <OutgoingHeaderFields
            control={form.control}
            secrecy={secrecy}
            departments={departments}
            units={org.data.units}
          />
          <Col xs={24} md={12}>
            <Form.Item label="附件">
              <Upload
                showUploadList={false}
                beforeUpload={(file) => {
                  void onAttach(file);
                  return false;
                }}
              >
                <Button icon={<PaperClipOutlined />} loading={uploading}>
                  添加附件
                </Button>
              </Upload>
              {(attachments.length > 0 || importedFrom) && (
                <List
                  size="small"
                  dataSource={[
                    ...attachments.map((a) => ({ ...a, original: false })),
                    ...(importedFrom ? [{ ...importedFrom, original: true }] : []),
                  ]}
                  renderItem={(a) => (
                    <List.Item
                      actions={
                        a.original
                          ? []
                          : [
                              <Button
                                key="del"
                                type="text"
                                size="small"
                                danger
                                aria-label={`删除附件${a.name}`}
                                icon={<DeleteOutlined />}
                                onClick={() =>
                                  form.setValue(
                                    'attachments',
                                    attachments.filter((x) => x.blobId !== a.blobId),
                                  )
                                }
                              />,
                            ]
                      }
                    >
                      {a.name}
                      {a.original && (
                        <Typography.Text type="secondary">（导入的原稿）</Typography.Text>
                      )}
                    </List.Item>
                  )}
                />
              )}
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          label="正文"
          required
          validateStatus={errs.body ? 'error' : undefined}
          help={typeof errs.body?.message === 'string' ? errs.body.message : undefined}
        >
          {importWarnings.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 8 }}
              title="导入提示"
              description={
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {importWarnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              }
            />
          )}
          <BodyEditor
            key={editorKey}
            id="body"
            defaultValue={body as DraftOutput['body']}
            errors={bodyErrors(errs.body)}
            onChange={(b) =>
              form.setValue('body', b, { shouldValidate: form.formState.isSubmitted })
            }
          />
        </Form.Item>
        <Space>
          <Button
            type="primary"
            loading={create.isPending}
            onClick={form.handleSubmit((draft) => create.mutate({ commandId, draft }))}
          >
            保存拟稿
          </Button>
          <Button onClick={() => router.push('/outgoing')}>取消</Button>
        </Space>
      </Form>
    </Card>
  );
}
