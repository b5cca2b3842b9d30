'use client';

import { useQuery } from '@tanstack/react-query';
import { Card, Col, DatePicker, Empty, Row, Space, Statistic, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { EChart } from '~/components/charts/echart';
import { QueryError } from '~/components/query-state';
import { useTRPC } from '~/trpc/react';
import { MeetingNav } from './meeting-nav';
import { usePeople } from './use-people';

const REPORT_STATUS_NAMES: Record<string, string> = {
  drafting: '拟稿中',
  approving: '审批中',
  revising: '退回修改',
  approved: '审批通过',
  rejected: '未获同意',
  withdrawn: '已撤回',
};

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 1000) / 10}%`);
const hours = (x: number | null) => (x === null ? '—' : `${Math.round(x * 10) / 10} 小时`);

/** 会议与报告统计: meetings per month, attendance rate, overdue resolutions; reports by status and approval time. */
export function MeetingReportStatistics() {
  const trpc = useTRPC();
  const people = usePeople();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [
    dayjs().startOf('month').subtract(5, 'month'),
    dayjs().endOf('month').add(1, 'month'),
  ]);
  const period = { from: range[0].startOf('day').toDate(), to: range[1].endOf('day').toDate() };
  const meetings = useQuery(trpc.meeting.statistics.queryOptions(period));
  const reports = useQuery(trpc.report.statistics.queryOptions(period));
  const error = meetings.error ?? reports.error;
  const m = meetings.data;
  const r = reports.data;
  return (
    <div>
      <MeetingNav />
      <Card
        title="会议与报告统计"
        extra={
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
          />
        }
      >
        {error ? (
          <QueryError error={error} />
        ) : (
          <>
            <Row gutter={16}>
              <Col xs={12} md={6}>
                <Statistic
                  title="会议数"
                  value={m?.perMonth.reduce((a, x) => a + x.meetings, 0) ?? 0}
                  loading={!m}
                />
              </Col>
              <Col xs={12} md={6}>
                <Statistic
                  title="出席率（已召开会议）"
                  value={pct(m?.attendanceRate ?? null)}
                  loading={!m}
                />
              </Col>
              <Col xs={12} md={6}>
                <Statistic
                  title="决议事项逾期未办结"
                  value={m?.resolutions.overdue ?? 0}
                  valueStyle={{ color: (m?.resolutions.overdue ?? 0) > 0 ? '#cf1322' : undefined }}
                  loading={!m}
                />
              </Col>
              <Col xs={12} md={6}>
                <Statistic
                  title="报告平均审批用时"
                  value={hours(r?.averageApprovalHours ?? null)}
                  loading={!r}
                />
              </Col>
            </Row>
            <Row gutter={16} style={{ marginTop: 16 }}>
              <Col xs={24} lg={12}>
                <Card size="small" title="每月会议">
                  {m && m.perMonth.length > 0 ? (
                    <EChart
                      label="每月会议数与已召开数"
                      testId="chart-meetings-per-month"
                      option={{
                        tooltip: { trigger: 'axis' },
                        legend: { data: ['会议数', '已召开'] },
                        xAxis: { type: 'category', data: m.perMonth.map((x) => x.month) },
                        yAxis: { type: 'value', minInterval: 1 },
                        series: [
                          { name: '会议数', type: 'bar', data: m.perMonth.map((x) => x.meetings) },
                          { name: '已召开', type: 'bar', data: m.perMonth.map((x) => x.held) },
                        ],
                      }}
                    />
                  ) : (
                    <Empty description="该期间没有会议" />
                  )}
                  <Table
                    size="small"
                    rowKey="month"
                    pagination={false}
                    dataSource={m?.perMonth ?? []}
                    columns={[
                      { title: '月份', dataIndex: 'month' },
                      { title: '会议数', dataIndex: 'meetings' },
                      { title: '已召开', dataIndex: 'held' },
                    ]}
                  />
                </Card>
              </Col>
              <Col xs={24} lg={12}>
                <Card size="small" title="决议事项">
                  <Space size="large" wrap>
                    <Statistic title="合计" value={m?.resolutions.total ?? 0} />
                    <Statistic title="办理中" value={m?.resolutions.open ?? 0} />
                    <Statistic title="已逾期" value={m?.resolutions.overdue ?? 0} />
                    <Statistic title="已办结" value={m?.resolutions.completed ?? 0} />
                    <Statistic title="逾期办结" value={m?.resolutions.completedLate ?? 0} />
                  </Space>
                </Card>
                <Card size="small" title="报告审批状态" style={{ marginTop: 16 }}>
                  {r && r.total > 0 ? (
                    <EChart
                      label="报告按状态统计"
                      testId="chart-reports-by-status"
                      height={240}
                      option={{
                        tooltip: { trigger: 'axis' },
                        xAxis: {
                          type: 'category',
                          data: Object.keys(r.byStatus).map((s) => REPORT_STATUS_NAMES[s] ?? s),
                        },
                        yAxis: { type: 'value', minInterval: 1 },
                        series: [{ name: '报告数', type: 'bar', data: Object.values(r.byStatus) }],
                      }}
                    />
                  ) : (
                    <Empty description="该期间没有报告" />
                  )}
                  <Table
                    size="small"
                    rowKey="approverId"
                    pagination={false}
                    dataSource={r?.approvers ?? []}
                    columns={[
                      {
                        title: '审批人',
                        key: 'a',
                        render: (_, a) => people.userName(a.approverId),
                      },
                      { title: '审批次数', dataIndex: 'decisions' },
                      { title: '平均用时', key: 'h', render: (_, a) => hours(a.averageHours) },
                    ]}
                  />
                </Card>
              </Col>
            </Row>
          </>
        )}
      </Card>
    </div>
  );
}
