'use client';

import { PlusOutlined } from '@ant-design/icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Tooltip,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import Link from 'next/link';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { applyServerErrors, FormField } from '~/components/form-field';
import { QueryError } from '~/components/query-state';
import { ZRoomInput } from '~/lib/schemas/meeting';
import { type RouterOutputs, useTRPC } from '~/trpc/react';
import { fmt } from './labels';
import { MeetingNav } from './meeting-nav';

type Room = RouterOutputs['meeting']['rooms']['rooms'][number];
type In = z.input<typeof ZRoomInput>;
type Out = z.output<typeof ZRoomInput>;

const EQUIPMENT = ['投影仪', '视频会议', '话筒', '电子屏', '录音设备', '同声传译'];

function RoomModal({ room, onClose }: { room: Room | null; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<In, unknown, Out>({
    resolver: zodResolver(ZRoomInput),
    defaultValues: room
      ? {
          id: room.id,
          name: room.name,
          capacity: room.capacity,
          equipment: room.equipment,
          location: room.location ?? '',
          active: room.active,
        }
      : { id: '', name: '', capacity: 20, equipment: [], location: '', active: true },
  });
  const save = useMutation(
    trpc.meeting.saveRoom.mutationOptions({
      onSuccess: async () => {
        message.success('已保存会议室');
        await queryClient.invalidateQueries(trpc.meeting.pathFilter());
        onClose();
      },
      onError: (e) => {
        applyServerErrors(e, form.setError, ['id', 'name', 'capacity', 'equipment', 'location']);
        setError(e.message);
      },
    }),
  );
  return (
    <Modal
      open
      title={room ? `编辑会议室：${room.name}` : '新增会议室'}
      okText="保存"
      cancelText="取消"
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() => void form.handleSubmit((v) => save.mutate(v))()}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form layout="vertical">
        <FormField
          control={form.control}
          name="id"
          label="编号"
          required
          render={(f) => (
            <Input {...f} id="room-id" disabled={room !== null} placeholder="如 room-3" />
          )}
        />
        <FormField
          control={form.control}
          name="name"
          label="名称"
          required
          render={(f) => <Input {...f} id="room-name" placeholder="如 第一会议室" />}
        />
        <FormField
          control={form.control}
          name="capacity"
          label="容纳人数"
          required
          render={(f) => <InputNumber {...f} id="room-capacity" min={1} max={2000} />}
        />
        <FormField
          control={form.control}
          name="equipment"
          label="设备"
          render={(f) => (
            <Select {...f} mode="tags" options={EQUIPMENT.map((e) => ({ value: e, label: e }))} />
          )}
        />
        <FormField
          control={form.control}
          name="location"
          label="位置"
          render={(f) => <Input {...f} placeholder="如 主楼三楼" />}
        />
        <FormField
          control={form.control}
          name="active"
          label="启用"
          render={(f) => <Switch checked={f.value} onChange={f.onChange} />}
        />
      </Form>
    </Modal>
  );
}

/** 会议室: the rooms (managed by the administrator and the office) and their week calendar. */
export function RoomsView() {
  const trpc = useTRPC();
  const rooms = useQuery(trpc.meeting.rooms.queryOptions());
  const [week, setWeek] = useState<Dayjs>(() => dayjs().startOf('week'));
  const [editing, setEditing] = useState<Room | null | 'new'>(null);
  const days = Array.from({ length: 7 }, (_, i) => week.add(i, 'day'));
  const bookings = useQuery(
    trpc.meeting.roomCalendar.queryOptions({
      from: week.toDate(),
      to: week.add(7, 'day').toDate(),
    }),
  );
  if (rooms.error) return <QueryError error={rooms.error} onRetry={() => void rooms.refetch()} />;
  const list = rooms.data?.rooms ?? [];
  return (
    <div>
      <MeetingNav />
      <Card
        title="会议室"
        extra={
          rooms.data?.canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing('new')}
              data-testid="new-room"
            >
              新增会议室
            </Button>
          )
        }
      >
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          loading={rooms.isLoading}
          dataSource={list}
          locale={{ emptyText: '尚未登记会议室' }}
          columns={[
            { title: '名称', dataIndex: 'name' },
            { title: '容纳人数', dataIndex: 'capacity', width: 100 },
            {
              title: '设备',
              key: 'eq',
              render: (_, r) => r.equipment.map((e) => <Tag key={e}>{e}</Tag>),
            },
            { title: '位置', dataIndex: 'location' },
            {
              title: '状态',
              key: 'active',
              width: 80,
              render: (_, r) => (r.active ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>),
            },
            ...(rooms.data?.canManage
              ? [
                  {
                    title: '操作',
                    key: 'op',
                    width: 80,
                    render: (_: unknown, r: Room) => (
                      <Button size="small" onClick={() => setEditing(r)}>
                        编辑
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card
        title="会议室日程"
        style={{ marginTop: 16 }}
        extra={
          <Space>
            <Button onClick={() => setWeek(week.subtract(7, 'day'))}>上一周</Button>
            <DatePicker
              picker="week"
              value={week}
              onChange={(d) => d && setWeek(d.startOf('week'))}
              allowClear={false}
            />
            <Button onClick={() => setWeek(week.add(7, 'day'))}>下一周</Button>
          </Space>
        }
      >
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          bordered
          data-testid="room-calendar"
          loading={bookings.isLoading}
          dataSource={list.filter((r) => r.active)}
          scroll={{ x: 1000 }}
          columns={[
            { title: '会议室', dataIndex: 'name', fixed: 'left', width: 120 },
            ...days.map((d) => ({
              title: d.format('M月D日 ddd'),
              key: d.format('YYYY-MM-DD'),
              render: (_: unknown, r: Room) => (
                <Space direction="vertical" size={2}>
                  {(bookings.data ?? [])
                    .filter(
                      (b) =>
                        b.roomId === r.id && fmt(b.start).slice(0, 10) === d.format('YYYY-MM-DD'),
                    )
                    .map((b) => (
                      <Tooltip key={b.id} title={`${fmt(b.start)}—${fmt(b.end).slice(11)}`}>
                        <Link href={`/meetings/${encodeURIComponent(b.meetingCaseId)}`}>
                          <Tag color="blue" style={{ whiteSpace: 'normal' }}>
                            {fmt(b.start).slice(11)}—{fmt(b.end).slice(11)} {b.meetingTitle}
                          </Tag>
                        </Link>
                      </Tooltip>
                    ))}
                </Space>
              ),
            })),
          ]}
        />
      </Card>
      {editing && (
        <RoomModal room={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </div>
  );
}
