'use client';

import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Space, Typography } from 'antd';
import { type AttachmentRef, AttachmentUpload } from '~/components/incoming/attachment-upload';

export interface TopicDraft {
  title: string;
  summary: string;
  materials: AttachmentRef[];
}

export interface ResolutionDraft {
  title: string;
  detail: string;
  ownerDepartmentId: string;
  deadline: string;
}

export const emptyTopic = (): TopicDraft => ({ title: '', summary: '', materials: [] });
export const emptyResolution = (): ResolutionDraft => ({
  title: '',
  detail: '',
  ownerDepartmentId: '',
  deadline: '',
});

/** Topics editor: title, summary and materials per 议题. */
export function TopicsEditor({
  value,
  onChange,
}: {
  value: TopicDraft[];
  onChange: (v: TopicDraft[]) => void;
}) {
  const set = (i: number, patch: Partial<TopicDraft>) =>
    onChange(value.map((t, j) => (j === i ? { ...t, ...patch } : t)));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {value.map((t, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: topics being written have no id yet
        <div key={i} style={{ border: '1px solid #f0f0f0', padding: 12, borderRadius: 6 }}>
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <Typography.Text strong>议题 {i + 1}</Typography.Text>
            <Button
              size="small"
              icon={<DeleteOutlined />}
              onClick={() => onChange(value.filter((_, j) => j !== i))}
            >
              删除
            </Button>
          </Space>
          <Input
            style={{ marginTop: 8 }}
            placeholder="议题名称"
            aria-label={`议题${i + 1}名称`}
            value={t.title}
            onChange={(e) => set(i, { title: e.target.value })}
          />
          <Input.TextArea
            style={{ marginTop: 8 }}
            rows={2}
            placeholder="内容摘要"
            value={t.summary}
            onChange={(e) => set(i, { summary: e.target.value })}
          />
          <div style={{ marginTop: 8 }}>
            <AttachmentUpload
              value={t.materials}
              onChange={(m) => set(i, { materials: m })}
              max={30}
            />
          </div>
        </div>
      ))}
      <Button icon={<PlusOutlined />} onClick={() => onChange([...value, emptyTopic()])}>
        添加议题
      </Button>
    </Space>
  );
}
