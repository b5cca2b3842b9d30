'use client';

import { MEETING_EVENTS, MEETING_LEDGER_LABELS } from '@gongwen/core/events';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  List,
  Space,
  Statistic,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { orderActions } from '~/components/action-order';
import { BodyView } from '~/components/outgoing/body-view';
import { QueryError } from '~/components/query-state';
import type { MeetingEventType } from '~/lib/schemas/meeting';
import { type RouterOutputs, useTRPC } from '~/trpc/react';
import {
  ATTENDANCE_STATUS,
  fmt,
  MEETING_STATE_COLORS,
  REPLY_NAMES,
  RESOLUTION_STATUS,
} from './labels';
import { MeetingActionModal, type MeetingActionRequest } from './meeting-action-modal';
import { MeetingNav } from './meeting-nav';
import { usePeople } from './use-people';

type Meeting = RouterOutputs['meeting']['get'];

/** Events offered as buttons in the header (the others sit next to what they act on). */
const HEADER_EVENTS: MeetingEventType[] = [
  'SUBMIT_TOPICS',
  'SET_AGENDA',
  'SUBMIT_PLAN',
  'APPROVE',
  'RETURN',
  'REJECT',
  'REPLY',
  'REMIND_REPLIES',
  'CLOSE_ATTENDANCE',
  'DRAFT_MINUTES',
  'APPROVE_MINUTES',
  'RETURN_MINUTES',
  'ARCHIVE',
  'CANCEL',
];

/** The button of an event: its `button` wording (填写回执), else the page's name of it. */
const buttonText = (type: MeetingActionRequest['type']): string => {
  const e: { title: string; label?: string; button?: string } = MEETING_EVENTS[type];
  return e.button ?? e.label ?? e.title;
};

/** The meeting page: every step of one meeting, with the actions this user may take now. */
export function MeetingView({ caseId, me }: { caseId: string; me: string }) {
  const trpc = useTRPC();
  const people = usePeople();
  const q = useQuery(trpc.meeting.get.queryOptions({ caseId }));
  const [request, setRequest] = useState<MeetingActionRequest | null>(null);
  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const m = q.data;
  if (!m) return <Card loading />;
  const can = new Set(m.actions.map((a) => a.type));
  const open = (type: MeetingActionRequest['type'], extra: Partial<MeetingActionRequest> = {}) =>
    setRequest({ type, title: buttonText(type), ...extra });
  const isOrganiser = m.organiser === me;
  const expectedMe = m.attendance.lines.some((l) => l.userId === me && l.status !== 'present');

  return (
    <div>
      <MeetingNav />
      <Card
        title={
          <Space>
            <span data-testid="meeting-title">{m.plan.title}</span>
            <Tag color={MEETING_STATE_COLORS[m.state]} data-testid="meeting-state">
              {m.stateLabel}
            </Tag>
          </Space>
        }
        extra={
          <Space wrap>
            {can.has('BOOK_ROOM') && (
              <Button
                onClick={() =>
                  open('BOOK_ROOM', { title: m.booking ? '更换会议室' : '预订会议室' })
                }
              >
                {m.booking ? '更换会议室' : '预订会议室'}
              </Button>
            )}
            {can.has('SIGN_IN') && expectedMe && (
              <Button
                type="primary"
                data-testid="action-SIGN_IN"
                onClick={() => open('SIGN_IN', { title: '签到' })}
              >
                签到
              </Button>
            )}
            {orderActions(
              HEADER_EVENTS.filter((t) => can.has(t)),
              (t) => t,
            ).map((t) => (
              <Button
                key={t}
                data-testid={`action-${t}`}
                type={
                  ['APPROVE', 'SUBMIT_PLAN', 'REPLY', 'APPROVE_MINUTES', 'DRAFT_MINUTES'].includes(
                    t,
                  )
                    ? 'primary'
                    : 'default'
                }
                danger={t === 'REJECT' || t === 'CANCEL'}
                onClick={() => open(t)}
              >
                {buttonText(t)}
              </Button>
            ))}
          </Space>
        }
      >
        {m.returned && m.state === 'preparing' && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={`${people.userName(m.returned.by)}退回：${m.returned.reason}`}
          />
        )}
        {m.endedReason && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            title={`${m.stateLabel}：${m.endedReason}`}
          />
        )}
        <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
          <Descriptions.Item label="会议类型">{m.plan.type}</Descriptions.Item>
          <Descriptions.Item label="会议时间">
            {fmt(m.plan.start)}—{fmt(m.plan.end).slice(11)}
          </Descriptions.Item>
          <Descriptions.Item label="会议室">
            <span data-testid="meeting-room">
              {m.room
                ? `${m.room.name}${m.room.location ? `（${m.room.location}）` : ''}`
                : '未预订'}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label="召集人">{people.userName(m.organiser)}</Descriptions.Item>
          <Descriptions.Item label="审批领导">
            {people.userName(m.plan.approverId)}
            {m.approval &&
              `（${fmt(m.approval.at)} 同意${m.approval.opinion ? `：${m.approval.opinion}` : ''}）`}
          </Descriptions.Item>
          <Descriptions.Item label="回执截止">{fmt(m.plan.replyBy)}</Descriptions.Item>
          <Descriptions.Item label="参会人员" span={3}>
            {[
              ...m.plan.participants.users.map(people.userName),
              ...m.plan.participants.departments.map((d) => `${people.deptName(d)}（部门）`),
            ].join('、')}
          </Descriptions.Item>
          {m.plan.description && (
            <Descriptions.Item label="会议说明" span={3}>
              {m.plan.description}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>

      <Card title="议题与议程" style={{ marginTop: 16 }}>
        {Object.keys(m.topicResponses).length > 0 && (
          <Typography.Paragraph>
            议题征集：
            {Object.entries(m.topicResponses).map(([d, at]) => (
              <Tag key={d} color={at ? 'green' : 'orange'}>
                {people.deptName(d)}
                {at ? '（已报送）' : '（未报送）'}
              </Tag>
            ))}
          </Typography.Paragraph>
        )}
        <List
          data-testid="agenda"
          header={m.agenda ? '议程（按召集人确定的顺序）' : '已报送的议题（议程未确定）'}
          dataSource={m.agenda ?? m.topics}
          locale={{ emptyText: '暂无议题' }}
          renderItem={(t, i) => (
            <List.Item>
              <List.Item.Meta
                title={`${m.agenda ? `${i + 1}. ` : ''}${t.title}`}
                description={
                  <Space direction="vertical" size={2}>
                    <span>
                      {t.departmentId ? `${people.deptName(t.departmentId)}报送` : '召集人议题'}
                      {t.presenterId ? `，汇报人：${people.userName(t.presenterId)}` : ''}
                    </span>
                    {t.summary && <span>{t.summary}</span>}
                    {t.materials.length > 0 && (
                      <Space wrap>
                        材料：
                        {t.materials.map((a) => (
                          <a
                            key={a.blobId}
                            href={`/api/blobs/${encodeURIComponent(a.blobId)}`}
                            target="_blank"
                            rel="noreferrer"
                          >
                            {a.name}
                          </a>
                        ))}
                      </Space>
                    )}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Card>

      {m.invitees.length > 0 && (
        <Card
          title="会议通知与回执"
          style={{ marginTop: 16 }}
          extra={
            m.nonRepliers.length > 0 ? (
              <Typography.Text type="danger" data-testid="non-repliers">
                未回复：
                {m.nonRepliers
                  .map((i) => (i.kind === 'user' ? people.userName(i.id) : people.deptName(i.id)))
                  .join('、')}
              </Typography.Text>
            ) : (
              <Typography.Text type="success">全部已回复</Typography.Text>
            )
          }
        >
          <Table
            rowKey="key"
            size="small"
            pagination={false}
            data-testid="replies"
            dataSource={m.invitees}
            columns={[
              {
                title: '受邀',
                key: 'who',
                render: (_, i) =>
                  i.kind === 'user' ? people.userName(i.id) : `${people.deptName(i.id)}（部门）`,
              },
              {
                title: '回执',
                key: 'answer',
                render: (_, i) => {
                  const r = m.replies[i.key];
                  return r ? (
                    <Tag color={r.answer === 'leave' ? 'orange' : 'green'}>
                      {REPLY_NAMES[r.answer]}
                    </Tag>
                  ) : (
                    <Tag color="red">未回复</Tag>
                  );
                },
              },
              {
                title: '说明',
                key: 'detail',
                render: (_, i) => {
                  const r = m.replies[i.key];
                  if (!r) return '';
                  const parts = [
                    r.reason ? `理由：${r.reason}` : '',
                    r.deputyId ? `委托：${people.userName(r.deputyId)}` : '',
                    i.kind === 'department' && r.attendeeIds.length > 0
                      ? `参会：${r.attendeeIds.map(people.userName).join('、')}`
                      : '',
                  ];
                  return parts.filter(Boolean).join('；');
                },
              },
              {
                title: '回复时间',
                key: 'at',
                render: (_, i) => {
                  const r = m.replies[i.key];
                  return r
                    ? `${fmt(r.at)}${r.actorId !== r.by ? `（${people.userName(r.actorId)}代）` : ''}`
                    : '';
                },
              },
            ]}
          />
          {m.replyReminders.length > 0 && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              已催办回执 {m.replyReminders.length} 次，最近一次 {fmt(m.replyReminders.at(-1)?.at)}
            </Typography.Paragraph>
          )}
        </Card>
      )}

      {(m.state === 'notified' || m.heldAt !== null) && (
        <Card title="签到表" style={{ marginTop: 16 }}>
          <Space size="large" style={{ marginBottom: 12 }}>
            <Statistic title="应到" value={m.attendance.expected} />
            <Statistic title="实到" value={m.attendance.present} />
            <Statistic title="请假" value={m.attendance.excused} />
            <Statistic title="缺席" value={m.attendance.absent} />
            <Statistic
              title="出席率"
              value={Math.round(m.attendance.attendanceRate * 100)}
              suffix="%"
            />
          </Space>
          <Table
            rowKey={(l, i) => `${l.invitee.key}:${l.userId ?? ''}:${i}`}
            size="small"
            pagination={false}
            data-testid="attendance"
            dataSource={m.attendance.lines}
            columns={[
              {
                title: '人员',
                key: 'user',
                render: (_, l) =>
                  l.userId
                    ? people.userName(l.userId)
                    : `${people.deptName(l.invitee.id)}（未回复）`,
              },
              {
                title: '回执',
                key: 'reply',
                render: (_, l) =>
                  `${REPLY_NAMES[l.reply]}${l.deputyFor ? `（代${l.invitee.kind === 'user' ? people.userName(l.deputyFor) : people.deptName(l.deputyFor)}）` : ''}`,
              },
              { title: '理由', dataIndex: 'reason' },
              {
                title: '签到',
                key: 'status',
                render: (_, l) => (
                  <Tag color={ATTENDANCE_STATUS[l.status]?.color}>
                    {ATTENDANCE_STATUS[l.status]?.label}
                  </Tag>
                ),
              },
              {
                title: '签到时间',
                key: 'at',
                render: (_, l) =>
                  l.signedInAt
                    ? `${fmt(l.signedInAt)}${l.recordedBy && l.recordedBy !== l.userId ? `（${people.userName(l.recordedBy)}登记）` : ''}`
                    : '',
              },
              {
                title: '操作',
                key: 'op',
                render: (_, l) =>
                  isOrganiser && can.has('SIGN_IN') && l.userId && l.status !== 'present' ? (
                    <Button
                      size="small"
                      data-testid={`sign-in-${l.userId}`}
                      onClick={() =>
                        open('SIGN_IN', { title: '代为签到', userId: l.userId ?? undefined })
                      }
                    >
                      代为签到
                    </Button>
                  ) : null,
              },
            ]}
          />
        </Card>
      )}

      {m.minutes && (
        <Card
          title={`会议记录（第${m.minutes.version}稿）`}
          style={{ marginTop: 16 }}
          extra={
            m.minutesApproved ? (
              <Tag color="green" data-testid="minutes-approved">
                {people.userName(m.minutesApproved.by)} {fmt(m.minutesApproved.at)} 校对通过
              </Tag>
            ) : (
              <Tag color="purple">待校对</Tag>
            )
          }
        >
          {m.minutesReturns.map((r) => (
            <Alert
              key={r.at}
              type="warning"
              showIcon
              style={{ marginBottom: 8 }}
              title={`${people.userName(r.by)} ${fmt(r.at)} 退回：${r.reason}`}
            />
          ))}
          <div data-testid="minutes-body">
            <BodyView body={m.minutes.body} />
          </div>
        </Card>
      )}

      {(m.resolutions.length > 0 || (m.minutes?.resolutions.length ?? 0) > 0) && (
        <Card title="决议事项" style={{ marginTop: 16 }}>
          {m.resolutions.length === 0 ? (
            <List
              dataSource={m.minutes?.resolutions ?? []}
              renderItem={(r) => (
                <List.Item>
                  {r.title}（{people.deptName(r.ownerDepartmentId)}，
                  {r.deadline ? `${r.deadline}前` : `${r.deadlineWorkingDays ?? 0}个工作日内`}）
                </List.Item>
              )}
            />
          ) : (
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={m.resolutions}
              columns={[
                { title: '决议事项', dataIndex: 'title' },
                {
                  title: '责任部门',
                  key: 'd',
                  render: (_, r) => people.deptName(r.ownerDepartmentId),
                },
                { title: '办理期限', key: 'deadline', render: (_, r) => fmt(r.deadlineAt) },
                {
                  title: '状态',
                  key: 'status',
                  render: (_, r) => {
                    const s =
                      r.status === 'open' && Date.parse(r.deadlineAt) < Date.now()
                        ? 'overdue'
                        : r.status;
                    return (
                      <Tag color={RESOLUTION_STATUS[s]?.color}>{RESOLUTION_STATUS[s]?.label}</Tag>
                    );
                  },
                },
                {
                  title: '进展/结果',
                  key: 'progress',
                  render: (_, r) => r.result ?? r.progress.at(-1)?.note ?? '',
                },
                {
                  title: '催办',
                  key: 'rem',
                  render: (_, r) => (r.reminders.length ? `${r.reminders.length}次` : ''),
                },
                {
                  title: '操作',
                  key: 'op',
                  render: (_, r) =>
                    r.status === 'open' ? (
                      <Space>
                        {can.has('REPORT_PROGRESS') && (
                          <Button
                            size="small"
                            onClick={() => open('REPORT_PROGRESS', { resolutionId: r.id })}
                          >
                            报告进展
                          </Button>
                        )}
                        {can.has('COMPLETE_RESOLUTION') && (
                          <Button
                            size="small"
                            type="primary"
                            onClick={() =>
                              open('COMPLETE_RESOLUTION', { resolutionId: r.id, title: '办结' })
                            }
                          >
                            办结
                          </Button>
                        )}
                        {can.has('REMIND_RESOLUTION') && (
                          <Button
                            size="small"
                            onClick={() =>
                              open('REMIND_RESOLUTION', { resolutionId: r.id, title: '催办' })
                            }
                          >
                            催办
                          </Button>
                        )}
                      </Space>
                    ) : null,
                },
              ]}
            />
          )}
        </Card>
      )}

      <Card title="办理过程" style={{ marginTop: 16 }}>
        {m.timeline.length === 0 ? (
          <Empty description="暂无记录" />
        ) : (
          <Timeline
            items={m.timeline.map((e) => ({
              key: e.seq,
              content: (
                <span>
                  {fmt(e.at)} {people.userName(e.actorId)}
                  {e.onBehalfOf ? `（代${people.userName(e.onBehalfOf)}）` : ''}：
                  {MEETING_LEDGER_LABELS[e.event] ?? e.event}
                  {e.opinion ? `——${e.opinion}` : ''}
                </span>
              ),
            }))}
          />
        )}
      </Card>
      {request && (
        <MeetingActionModal
          meeting={m as Meeting}
          request={request}
          me={me}
          onClose={() => setRequest(null)}
        />
      )}
    </div>
  );
}
