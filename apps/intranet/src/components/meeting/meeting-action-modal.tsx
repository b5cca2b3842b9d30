'use client';

import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import type { DocumentBody } from '@gongwen/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Typography,
} from 'antd';
import { useState } from 'react';
import { BodyEditor } from '~/components/outgoing/body-editor';
import { useConfirmAction } from '~/components/use-confirm-action';
import type { MeetingEventType } from '~/lib/schemas/meeting';
import { type RouterOutputs, useTRPC } from '~/trpc/react';
import {
  emptyResolution,
  emptyTopic,
  type ResolutionDraft,
  type TopicDraft,
  TopicsEditor,
} from './topics-editor';
import { usePeople } from './use-people';

type Meeting = RouterOutputs['meeting']['get'];

/** What opens the modal: an event, and for some a preset (the resolution, the person to sign in). */
export interface MeetingActionRequest {
  type: MeetingEventType | 'BOOK_ROOM';
  title: string;
  resolutionId?: string;
  userId?: string;
}

/** The form of one meeting step, sent through `meeting.send` (or `meeting.bookRoom`). */
export function MeetingActionModal({
  meeting,
  request,
  me,
  onClose,
}: {
  meeting: Meeting;
  request: MeetingActionRequest;
  me: string;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const confirmAction = useConfirmAction();
  const people = usePeople();
  const [commandId, setCommandId] = useState(() => crypto.randomUUID());
  const [error, setError] = useState<string | null>(null);
  // one state object per form, kept simple: the server validates with the core's schemas
  const [text, setText] = useState('');
  const [answer, setAnswer] = useState<'attend' | 'leave' | 'delegate'>('attend');
  const myDepartments = meeting.invitees
    .filter((i) => i.kind === 'department' && people.headOf(i.id) === me)
    .map((i) => i.id);
  const invitedInPerson = meeting.invitees.some((i) => i.kind === 'user' && i.id === me);
  const [replyFor, setReplyFor] = useState<string>(invitedInPerson ? '' : (myDepartments[0] ?? ''));
  const [deputyId, setDeputyId] = useState<string | undefined>();
  const [attendeeIds, setAttendeeIds] = useState<string[]>([]);
  const topicDepartments = Object.entries(meeting.topicResponses)
    .filter(([d, at]) => at === null && people.headOf(d) === me)
    .map(([d]) => d);
  const [topicDepartment, setTopicDepartment] = useState(topicDepartments[0] ?? '');
  const [topics, setTopics] = useState<TopicDraft[]>([emptyTopic()]);
  const [order, setOrder] = useState<string[]>(
    meeting.agenda ? meeting.agenda.map((t) => t.id) : meeting.topics.map((t) => t.id),
  );
  const [ownTopics, setOwnTopics] = useState<TopicDraft[]>([]);
  const [roomId, setRoomId] = useState<string | undefined>(meeting.booking?.roomId);
  const [body, setBody] = useState<DocumentBody>(
    meeting.minutes?.body ?? {
      blocks: [
        { type: 'heading', level: 1, text: '一、会议议定事项' },
        { type: 'paragraph', text: '' },
      ],
    },
  );
  const [resolutions, setResolutions] = useState<ResolutionDraft[]>(
    meeting.minutes?.resolutions.map((r) => ({
      title: r.title,
      detail: r.detail,
      ownerDepartmentId: r.ownerDepartmentId,
      deadline: r.deadline ?? '',
    })) ?? [],
  );
  const [archiveCode, setArchiveCode] = useState('');
  const [workingDays, setWorkingDays] = useState<number | null>(null);

  const rooms = useQuery({
    ...trpc.meeting.rooms.queryOptions(),
    enabled: request.type === 'BOOK_ROOM',
  });
  const roomsData = rooms.data;

  const done = async (what: string) => {
    message.success(`已${what}`);
    await queryClient.invalidateQueries(trpc.meeting.pathFilter());
    await queryClient.invalidateQueries(trpc.tasks.pathFilter());
    onClose();
  };
  const failed = (e: { message: string }) => {
    setError(e.message);
    setCommandId(crypto.randomUUID());
  };
  const send = useMutation(
    trpc.meeting.send.mutationOptions({ onSuccess: () => done(request.title), onError: failed }),
  );
  const book = useMutation(
    trpc.meeting.bookRoom.mutationOptions({ onSuccess: () => done('预订会议室'), onError: failed }),
  );

  const topicPayload = (ts: TopicDraft[]) =>
    ts.map((t) => ({ title: t.title, summary: t.summary, materials: t.materials }));

  const submit = async () => {
    setError(null);
    // 退回, 不同意, 取消会议 are confirmed first; cancelling keeps what was entered
    if (!(await confirmAction(request.type, request.title))) return;
    const caseId = meeting.id;
    const go = (action: Parameters<typeof send.mutate>[0]['action']) =>
      send.mutate({ caseId, commandId, action });
    switch (request.type) {
      case 'BOOK_ROOM':
        if (!roomId) return setError('请选择会议室');
        return book.mutate({ caseId, commandId, roomId });
      case 'SUBMIT_TOPICS':
        return go({
          type: 'SUBMIT_TOPICS',
          payload: { departmentId: topicDepartment, topics: topicPayload(topics) },
        });
      case 'SET_AGENDA':
        return go({ type: 'SET_AGENDA', payload: { order, ownTopics: topicPayload(ownTopics) } });
      case 'SUBMIT_PLAN':
        return go({ type: 'SUBMIT_PLAN', payload: text ? { note: text } : {} });
      case 'APPROVE':
        return go({ type: 'APPROVE', payload: text ? { opinion: text } : {} });
      case 'RETURN':
      case 'REJECT':
      case 'CANCEL':
      case 'RETURN_MINUTES':
        return go({ type: request.type, payload: { reason: text } });
      case 'REPLY':
        return go({
          type: 'REPLY',
          payload: {
            answer,
            ...(replyFor && { departmentId: replyFor }),
            ...(text && { reason: text }),
            ...(answer === 'delegate' && deputyId && { deputyId }),
            ...(replyFor && answer === 'attend' && attendeeIds.length > 0 && { attendeeIds }),
          },
        });
      case 'REMIND_REPLIES':
        return go({ type: 'REMIND_REPLIES', payload: text ? { note: text } : {} });
      case 'SIGN_IN':
        return go({ type: 'SIGN_IN', payload: request.userId ? { userId: request.userId } : {} });
      case 'CLOSE_ATTENDANCE':
        return go({ type: 'CLOSE_ATTENDANCE', payload: text ? { note: text } : {} });
      case 'DRAFT_MINUTES':
        return go({
          type: 'DRAFT_MINUTES',
          payload: {
            body,
            resolutions: resolutions.map((r) => ({
              title: r.title,
              detail: r.detail,
              ownerDepartmentId: r.ownerDepartmentId,
              ...(r.deadline ? { deadline: r.deadline } : {}),
              ...(!r.deadline && workingDays !== null ? { deadlineWorkingDays: workingDays } : {}),
            })),
          },
        });
      case 'APPROVE_MINUTES':
        return go({ type: 'APPROVE_MINUTES', payload: text ? { opinion: text } : {} });
      case 'ARCHIVE':
        return go({ type: 'ARCHIVE', payload: archiveCode ? { archiveCode } : {} });
      case 'REPORT_PROGRESS':
        return go({
          type: 'REPORT_PROGRESS',
          payload: { resolutionId: request.resolutionId ?? '', note: text },
        });
      case 'COMPLETE_RESOLUTION':
        return go({
          type: 'COMPLETE_RESOLUTION',
          payload: { resolutionId: request.resolutionId ?? '', result: text },
        });
      case 'REMIND_RESOLUTION':
        return go({
          type: 'REMIND_RESOLUTION',
          payload: { resolutionId: request.resolutionId ?? '', ...(text && { note: text }) },
        });
    }
  };

  const reasonLabel: Partial<Record<string, string>> = {
    RETURN: '退回理由',
    REJECT: '不同意的理由',
    CANCEL: '取消原因',
    RETURN_MINUTES: '退回理由',
    APPROVE: '审批意见',
    APPROVE_MINUTES: '校对意见',
    SUBMIT_PLAN: '送审说明',
    REMIND_REPLIES: '催办说明',
    CLOSE_ATTENDANCE: '备注',
    REPORT_PROGRESS: '进展情况',
    COMPLETE_RESOLUTION: '办理结果',
    REMIND_RESOLUTION: '催办说明',
  };

  const topicTitle = (id: string) => meeting.topics.find((t) => t.id === id)?.title ?? id;
  const move = (i: number, d: -1 | 1) => {
    const next = [...order];
    const [x] = next.splice(i, 1);
    if (x !== undefined) next.splice(i + d, 0, x);
    setOrder(next);
  };

  return (
    <Modal
      open
      title={request.title}
      width={request.type === 'DRAFT_MINUTES' || request.type === 'SET_AGENDA' ? 900 : 560}
      okText="确定"
      cancelText="取消"
      confirmLoading={send.isPending || book.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'action-ok' } as never}
    >
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 12 }}
          data-testid="action-error"
        />
      )}
      <Form layout="vertical">
        {request.type === 'BOOK_ROOM' && (
          <Form.Item label="会议室" required>
            <Select
              id="book-room"
              value={roomId}
              onChange={setRoomId}
              options={(roomsData?.rooms ?? [])
                .filter((r) => r.active)
                .map((r) => ({ value: r.id, label: `${r.name}（${r.capacity}人）` }))}
            />
          </Form.Item>
        )}
        {request.type === 'SUBMIT_TOPICS' && (
          <>
            <Form.Item label="报送部门" required>
              <Select
                value={topicDepartment}
                onChange={setTopicDepartment}
                showSearch={{ optionFilterProp: 'label' }}
                options={topicDepartments.map((d) => ({ value: d, label: people.deptName(d) }))}
              />
            </Form.Item>
            <Typography.Paragraph type="secondary">
              没有议题可删除全部议题后提交（报“无议题”）。
            </Typography.Paragraph>
            <TopicsEditor value={topics} onChange={setTopics} />
          </>
        )}
        {request.type === 'SET_AGENDA' && (
          <>
            <Typography.Title level={5}>各部门报送的议题（勾选采纳并排序）</Typography.Title>
            {meeting.topics.filter((t) => t.departmentId !== null).length === 0 && (
              <Typography.Paragraph type="secondary">暂无部门报送的议题。</Typography.Paragraph>
            )}
            {meeting.topics
              .filter((t) => t.departmentId !== null && !order.includes(t.id))
              .map((t) => (
                <div key={t.id}>
                  <Checkbox checked={false} onChange={() => setOrder([...order, t.id])}>
                    {t.title}（{people.deptName(t.departmentId)}）
                  </Checkbox>
                </div>
              ))}
            <ol>
              {order.map((id, i) => (
                <li key={id}>
                  <Space>
                    {topicTitle(id)}
                    <Button
                      size="small"
                      icon={<ArrowUpOutlined />}
                      disabled={i === 0}
                      onClick={() => move(i, -1)}
                      aria-label="上移"
                    />
                    <Button
                      size="small"
                      icon={<ArrowDownOutlined />}
                      disabled={i === order.length - 1}
                      onClick={() => move(i, 1)}
                      aria-label="下移"
                    />
                    <Button size="small" onClick={() => setOrder(order.filter((x) => x !== id))}>
                      不采纳
                    </Button>
                  </Space>
                </li>
              ))}
            </ol>
            <Typography.Title level={5}>召集人自定议题（排在后面）</Typography.Title>
            <TopicsEditor value={ownTopics} onChange={setOwnTopics} />
          </>
        )}
        {request.type === 'REPLY' && (
          <>
            {(myDepartments.length > 0 || !invitedInPerson) && (
              <Form.Item label="回执对象">
                <Select
                  value={replyFor}
                  onChange={setReplyFor}
                  options={[
                    ...(invitedInPerson ? [{ value: '', label: '本人' }] : []),
                    ...myDepartments.map((d) => ({
                      value: d,
                      label: `${people.deptName(d)}（部门）`,
                    })),
                  ]}
                />
              </Form.Item>
            )}
            <Form.Item label="回执" required>
              <Radio.Group
                value={answer}
                onChange={(e) => setAnswer(e.target.value)}
                options={[
                  { value: 'attend', label: '参加' },
                  { value: 'leave', label: '请假' },
                  { value: 'delegate', label: '委托他人参加' },
                ]}
              />
            </Form.Item>
            {answer === 'delegate' && (
              <Form.Item label="代为参会人员" required>
                <Select
                  id="reply-deputy"
                  showSearch={{ optionFilterProp: 'label' }}
                  value={deputyId}
                  onChange={setDeputyId}
                  options={people.userOptions.filter((o) => o.value !== me)}
                  placeholder="选择受委托人"
                />
              </Form.Item>
            )}
            {replyFor && answer === 'attend' && (
              <Form.Item label="参会人员（默认部门负责人）">
                <Select
                  mode="multiple"
                  showSearch={{ optionFilterProp: 'label' }}
                  value={attendeeIds}
                  onChange={setAttendeeIds}
                  options={people.userOptions}
                />
              </Form.Item>
            )}
            {answer !== 'attend' && (
              <Form.Item
                label={answer === 'leave' ? '请假理由' : '说明'}
                required={answer === 'leave'}
              >
                <Input.TextArea
                  id="reply-reason"
                  rows={2}
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                />
              </Form.Item>
            )}
          </>
        )}
        {request.type === 'SIGN_IN' && (
          <Typography.Paragraph>
            {request.userId ? `为“${people.userName(request.userId)}”代为签到。` : '确认本人签到。'}
          </Typography.Paragraph>
        )}
        {request.type === 'DRAFT_MINUTES' && (
          <>
            <Form.Item label="会议记录（纪要正文）" required>
              <BodyEditor id="minutes-body" defaultValue={body} onChange={setBody} />
            </Form.Item>
            <Typography.Title level={5}>决议事项</Typography.Title>
            {resolutions.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: resolutions being written have no id yet
              <Space key={i} wrap style={{ marginBottom: 8 }} align="start">
                <Input
                  style={{ width: 260 }}
                  placeholder="决议事项"
                  aria-label={`决议${i + 1}`}
                  value={r.title}
                  onChange={(e) =>
                    setResolutions(
                      resolutions.map((x, j) => (j === i ? { ...x, title: e.target.value } : x)),
                    )
                  }
                />
                <Select
                  style={{ width: 180 }}
                  placeholder="责任部门"
                  aria-label={`决议${i + 1}责任部门`}
                  showSearch={{ optionFilterProp: 'label' }}
                  value={r.ownerDepartmentId || undefined}
                  onChange={(v) =>
                    setResolutions(
                      resolutions.map((x, j) => (j === i ? { ...x, ownerDepartmentId: v } : x)),
                    )
                  }
                  options={people.departmentOptions}
                />
                <DatePicker
                  placeholder="办理期限"
                  aria-label={`决议${i + 1}办理期限`}
                  onChange={(d) =>
                    setResolutions(
                      resolutions.map((x, j) =>
                        j === i ? { ...x, deadline: d ? d.format('YYYY-MM-DD') : '' } : x,
                      ),
                    )
                  }
                />
                <Button
                  icon={<DeleteOutlined />}
                  onClick={() => setResolutions(resolutions.filter((_, j) => j !== i))}
                />
              </Space>
            ))}
            <Space>
              <Button
                icon={<PlusOutlined />}
                onClick={() => setResolutions([...resolutions, emptyResolution()])}
              >
                添加决议事项
              </Button>
              <span>未填期限的决议按</span>
              <InputNumber
                min={0}
                max={365}
                value={workingDays}
                onChange={setWorkingDays}
                placeholder="工作日"
              />
              <span>个工作日办结</span>
            </Space>
          </>
        )}
        {request.type === 'ARCHIVE' && (
          <Form.Item label="档号">
            <Input
              value={archiveCode}
              onChange={(e) => setArchiveCode(e.target.value)}
              placeholder="可不填"
            />
          </Form.Item>
        )}
        {reasonLabel[request.type] && (
          <Form.Item
            label={reasonLabel[request.type]}
            required={[
              'RETURN',
              'REJECT',
              'CANCEL',
              'RETURN_MINUTES',
              'REPORT_PROGRESS',
              'COMPLETE_RESOLUTION',
            ].includes(request.type)}
          >
            <Input.TextArea
              id="action-text"
              rows={3}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
