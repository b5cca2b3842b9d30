'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
} from 'antd';
import dayjs from 'dayjs';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { applyServerErrors, FormField } from '~/components/form-field';
import { MEETING_TYPES, ZMeetingCreate } from '~/lib/schemas/meeting';
import { useTRPC } from '~/trpc/react';
import { fmt } from './labels';
import { MeetingNav } from './meeting-nav';
import { usePeople } from './use-people';

type In = z.input<typeof ZMeetingCreate>;
type Out = z.output<typeof ZMeetingCreate>;

/** The plan's fields server errors may name. */
const FIELDS = [
  'plan',
  'plan.title',
  'plan.type',
  'plan.start',
  'plan.end',
  'plan.participants',
  'plan.approverId',
  'plan.replyBy',
  'roomId',
];

/** A date and time to the minute (5-minute steps in the panel; any minute may be typed). */
function MinutePicker(props: {
  id: string;
  value: string | undefined;
  onChange: (iso: string | null) => void;
}) {
  return (
    <DatePicker
      id={props.id}
      needConfirm={false}
      showTime={{ format: 'HH:mm', minuteStep: 5 }}
      format="YYYY-MM-DD HH:mm"
      style={{ width: '100%' }}
      value={props.value ? dayjs(props.value) : null}
      onChange={(v) => props.onChange(v ? v.second(0).millisecond(0).format() : null)}
    />
  );
}

/** 会议计划/申请: title, type, time, participants, approver and the room (booked at once). */
export function MeetingPlanForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const { message } = App.useApp();
  const people = usePeople();
  const [commandId, setCommandId] = useState(() => crypto.randomUUID());
  const [serverError, setServerError] = useState<string | null>(null);
  const start0 = dayjs().add(1, 'day').hour(9).minute(0).second(0).millisecond(0);
  const form = useForm<In, unknown, Out>({
    resolver: zodResolver(ZMeetingCreate),
    defaultValues: {
      commandId,
      plan: {
        title: '',
        type: '办公会',
        description: '',
        start: start0.format(),
        end: start0.add(2, 'hour').format(),
        participants: { users: [], departments: [] },
        topicDepartments: [],
        approverId: '',
        remindBeforeMinutes: 60,
      },
    },
  });
  const start = useWatch({ control: form.control, name: 'plan.start' });
  const end = useWatch({ control: form.control, name: 'plan.end' });
  const rooms = useQuery(trpc.meeting.rooms.queryOptions());
  const validRange = start && end && Date.parse(end) > Date.parse(start);
  const taken = useQuery({
    ...trpc.meeting.roomCalendar.queryOptions({
      from: new Date(validRange ? start : Date.now()),
      to: new Date(validRange ? end : Date.now() + 1),
    }),
    enabled: Boolean(validRange),
  });
  const create = useMutation(
    trpc.meeting.create.mutationOptions({
      onSuccess: (r) => {
        message.success(r.booked ? '已提交会议计划并预订会议室' : '已提交会议计划');
        router.push(`/meetings/${encodeURIComponent(r.caseId)}`);
      },
      onError: (e) => {
        applyServerErrors(e, form.setError, FIELDS);
        setServerError(e.message);
        // a refused plan wrote nothing: the next attempt is a new command
        const id = crypto.randomUUID();
        setCommandId(id);
        form.setValue('commandId', id);
      },
    }),
  );

  const roomOptions = (rooms.data?.rooms ?? [])
    .filter((r) => r.active)
    .map((r) => {
      const busy = (taken.data ?? []).find((b) => b.roomId === r.id);
      return {
        value: r.id,
        label: `${r.name}（${r.capacity}人${r.equipment.length ? `，${r.equipment.join('、')}` : ''}）${
          busy
            ? ` — 已被“${busy.meetingTitle}”占用 ${fmt(busy.start).slice(11)}—${fmt(busy.end).slice(11)}`
            : ''
        }`,
      };
    });

  return (
    <div>
      <MeetingNav />
      <Card title="新建会议（会议计划/申请）">
        <Form
          layout="vertical"
          onFinish={() =>
            void form.handleSubmit((v) => {
              setServerError(null);
              create.mutate(v);
            })()
          }
        >
          {serverError && (
            <Alert
              type="error"
              showIcon
              title={serverError}
              style={{ marginBottom: 16 }}
              data-testid="plan-error"
            />
          )}
          <Row gutter={16}>
            <Col xs={24} md={16}>
              <FormField
                control={form.control}
                name="plan.title"
                label="会议名称"
                required
                render={(f) => (
                  <Input {...f} id="meeting-title" placeholder="如：县政府第12次常务会议" />
                )}
              />
            </Col>
            <Col xs={24} md={8}>
              <FormField
                control={form.control}
                name="plan.type"
                label="会议类型"
                required
                render={(f) => (
                  <Select
                    {...f}
                    id="meeting-type"
                    options={MEETING_TYPES.map((t) => ({ value: t, label: t }))}
                  />
                )}
              />
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <FormField
                control={form.control}
                name="plan.start"
                label="开始时间"
                required
                render={() => (
                  <MinutePicker
                    id="meeting-start"
                    value={start}
                    onChange={(next) => {
                      // moving the start keeps the meeting's length
                      const length =
                        start && end && Date.parse(end) > Date.parse(start)
                          ? Date.parse(end) - Date.parse(start)
                          : 2 * 3_600_000;
                      form.setValue('plan.start', next ?? '', { shouldValidate: true });
                      if (next) {
                        form.setValue('plan.end', dayjs(next).add(length, 'ms').format(), {
                          shouldValidate: true,
                        });
                      }
                    }}
                  />
                )}
              />
            </Col>
            <Col xs={24} md={12}>
              <FormField
                control={form.control}
                name="plan.end"
                label="结束时间"
                required
                render={() => (
                  <MinutePicker
                    id="meeting-end"
                    value={end}
                    onChange={(next) =>
                      form.setValue('plan.end', next ?? '', { shouldValidate: true })
                    }
                  />
                )}
              />
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <FormField
                control={form.control}
                name="plan.participants.users"
                label="参会人员"
                render={(f) => (
                  <Select
                    {...f}
                    id="meeting-users"
                    mode="multiple"
                    showSearch={{ optionFilterProp: 'label' }}
                    options={people.userOptions}
                    placeholder="选择参会人员"
                  />
                )}
              />
            </Col>
            <Col xs={24} md={12}>
              <FormField
                control={form.control}
                name="plan.participants.departments"
                label="参会部门（由部门负责人回执并指定参会人）"
                render={(f) => (
                  <Select
                    {...f}
                    id="meeting-departments"
                    mode="multiple"
                    showSearch={{ optionFilterProp: 'label' }}
                    options={people.departmentOptions}
                    placeholder="选择参会部门"
                  />
                )}
              />
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <FormField
                control={form.control}
                name="plan.topicDepartments"
                label="议题征集部门"
                render={(f) => (
                  <Select
                    {...f}
                    id="meeting-topic-departments"
                    mode="multiple"
                    showSearch={{ optionFilterProp: 'label' }}
                    options={people.departmentOptions}
                    placeholder="不征集则留空"
                  />
                )}
              />
            </Col>
            <Col xs={24} md={6}>
              <FormField
                control={form.control}
                name="plan.approverId"
                label="审批领导"
                required
                render={(f) => (
                  <Select
                    {...f}
                    id="meeting-approver"
                    showSearch={{ optionFilterProp: 'label' }}
                    options={people.leaderOptions}
                    placeholder="选择领导"
                  />
                )}
              />
            </Col>
            <Col xs={24} md={6}>
              <FormField
                control={form.control}
                name="plan.proofreaderId"
                label="纪要审核人（默认办公室主任）"
                render={(f) => (
                  <Select
                    {...f}
                    id="meeting-proofreader"
                    allowClear
                    showSearch={{ optionFilterProp: 'label' }}
                    options={people.userOptions}
                  />
                )}
              />
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <FormField
                control={form.control}
                name="roomId"
                label="会议室"
                extra="提交时即预订；同一会议室同一时间只能预订一次"
                render={(f) => (
                  <Select
                    {...f}
                    id="meeting-room"
                    allowClear
                    options={roomOptions}
                    placeholder="选择会议室"
                  />
                )}
              />
            </Col>
            <Col xs={12} md={6}>
              <FormField
                control={form.control}
                name="plan.replyBy"
                label="回执截止（默认会前24小时）"
                render={(f) => (
                  <DatePicker
                    id="meeting-reply-by"
                    showTime={{ format: 'HH:mm' }}
                    format="YYYY-MM-DD HH:mm"
                    value={f.value ? dayjs(f.value) : null}
                    onChange={(d) => f.onChange(d ? d.second(0).format() : undefined)}
                  />
                )}
              />
            </Col>
            <Col xs={12} md={6}>
              <FormField
                control={form.control}
                name="plan.remindBeforeMinutes"
                label="会前提醒（分钟）"
                render={(f) => <InputNumber {...f} min={5} max={10080} style={{ width: '100%' }} />}
              />
            </Col>
          </Row>
          <FormField
            control={form.control}
            name="plan.description"
            label="会议说明"
            render={(f) => <Input.TextArea {...f} rows={3} />}
          />
          <Button
            type="primary"
            htmlType="submit"
            loading={create.isPending}
            data-testid="submit-plan"
          >
            提交会议计划
          </Button>
        </Form>
      </Card>
    </div>
  );
}
