'use client';

import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { ATTACHMENT_MAX_BYTES } from '~/lib/schemas/incoming';

export interface AttachmentRef {
  blobId: string;
  name: string;
}

/** Uploads attachments to /api/blobs (checked there: size, type) and keeps `{ blobId, name }` refs. */
export function AttachmentUpload(props: {
  value: AttachmentRef[] | undefined;
  onChange: (value: AttachmentRef[]) => void;
  max?: number;
}) {
  const { message } = App.useApp();
  const value = props.value ?? [];
  const [uploading, setUploading] = useState<UploadFile[]>([]);
  const files: UploadFile[] = [
    ...value.map((a) => ({
      uid: a.blobId,
      name: a.name,
      status: 'done' as const,
      url: `/api/blobs/${a.blobId}`,
    })),
    ...uploading,
  ];
  return (
    <Upload
      multiple
      fileList={files}
      data-testid="attachment-upload"
      beforeUpload={(file) => {
        if (file.size > ATTACHMENT_MAX_BYTES) {
          message.error(`附件“${file.name}”超过${ATTACHMENT_MAX_BYTES / 1024 / 1024}MB，不能上传`);
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      customRequest={async ({ file, onSuccess, onError }) => {
        const f = file as File & { uid: string };
        setUploading((u) => [...u, { uid: f.uid, name: f.name, status: 'uploading' }]);
        try {
          const body = new FormData();
          body.append('file', f);
          const res = await fetch('/api/blobs', { method: 'POST', body });
          const json = (await res.json()) as { blobId?: string; name?: string; message?: string };
          if (!res.ok || !json.blobId) throw new Error(json.message ?? '上传失败');
          props.onChange([
            ...(props.value ?? []),
            { blobId: json.blobId, name: json.name ?? f.name },
          ]);
          onSuccess?.(json);
        } catch (e) {
          message.error((e as Error).message);
          onError?.(e as Error);
        } finally {
          setUploading((u) => u.filter((x) => x.uid !== f.uid));
        }
      }}
      onRemove={(file) => {
        props.onChange(value.filter((a) => a.blobId !== file.uid));
        return true;
      }}
    >
      <Button icon={<UploadOutlined />} disabled={value.length >= (props.max ?? 50)}>
        上传附件
      </Button>
    </Upload>
  );
}
