'use client';

import { useQuery } from '@tanstack/react-query';
import { Card, Col, DatePicker, Empty, Row, Space, Statistic, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useMemo, useState } from 'react';
import { EChart, type EChartOption } from '~/components/charts/echart';
import { QueryError } from '~/components/query-state';
import { MAX_STATISTICS_MONTHS } from '~/lib/schemas/statistics';
import { type RouterOutputs, useTRPC } from '~/trpc/react';

type Incoming = RouterOutputs['statistics']['incoming'];
type Outgoing = RouterOutputs['statistics']['outgoing'];
type IncomingDept = Incoming['departments'][number];
type IncomingMonth = Incoming['months'][number];

const percent = (r: number) => `${(r * 100).toFixed(1)}%`;
const days = (d: number | null) => (d === null ? '—' : d.toFixed(1));

/** A chart with its numbers in a table beside it (the table is what screen readers use). */
function ChartWithTable({
  title,
  chart,
  table,
}: {
  title: string;
  chart: ReactNode;
  table: ReactNode;
}) {
  return (
    <Card size="small" title={title} style={{ marginBottom: 16 }}>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          {chart}
        </Col>
        <Col xs={24} xl={10}>
          {table}
        </Col>
      </Row>
    </Card>
  );
}

function barLine(
  categories: string[],
  bars: Array<{ name: string; data: number[] }>,
  line?: { name: string; data: Array<number | null>; unit: string },
): EChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: line ? 50 : 20, top: 40, bottom: 30, containLabel: true },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, hideOverlap: true } },
    yAxis: [
      { type: 'value', name: '件', minInterval: 1 },
      ...(line ? [{ type: 'value' as const, name: line.unit, splitLine: { show: false } }] : []),
    ],
    series: [
      ...bars.map((b) => ({ type: 'bar' as const, name: b.name, data: b.data, barMaxWidth: 28 })),
      ...(line
        ? [
            {
              type: 'line' as const,
              name: line.name,
              data: line.data,
              yAxisIndex: 1,
              connectNulls: true,
            },
          ]
        : []),
    ],
  };
}

/** 统计: 收文 and 发文 of the unit over a period, as charts with tables beside them. */
export function StatisticsView() {
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [
    dayjs().startOf('year'),
    dayjs().startOf('month'),
  ]);
  const period = useMemo(
    () => ({
      from: range[0].startOf('month').toDate(),
      to: range[1].add(1, 'month').startOf('month').toDate(),
    }),
    [range],
  );
  return (
    <Card
      title="统计"
      variant="borderless"
      extra={
        <Space>
          <Typography.Text>统计期间</Typography.Text>
          <DatePicker.RangePicker
            picker="month"
            allowClear={false}
            value={range}
            aria-label="统计期间"
            disabledDate={(d) => d.isAfter(dayjs().add(1, 'year'))}
            onChange={(r) => {
              if (r?.[0] && r[1]) {
                const to =
                  r[1].diff(r[0], 'month') >= MAX_STATISTICS_MONTHS
                    ? r[0].add(MAX_STATISTICS_MONTHS - 1, 'month')
                    : r[1];
                setRange([r[0], to]);
              }
            }}
          />
        </Space>
      }
    >
      <Tabs
        destroyOnHidden
        items={[
          { key: 'incoming', label: '收文统计', children: <IncomingStatistics period={period} /> },
          { key: 'outgoing', label: '发文统计', children: <OutgoingStatistics period={period} /> },
        ]}
      />
    </Card>
  );
}

function IncomingStatistics({ period }: { period: { from: Date; to: Date } }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.statistics.incoming.queryOptions(period));
  const [month, setMonth] = useState<string | null>(null);
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const s = q.data;
  if (!s) return <Card loading variant="borderless" />;
  const u = s.unit;
  const deptColumns: ColumnsType<IncomingDept> = [
    { title: '承办部门', dataIndex: 'name', key: 'name' },
    { title: '收文', dataIndex: 'received', key: 'received', align: 'right' },
    { title: '办结', dataIndex: 'handled', key: 'handled', align: 'right' },
    { title: '超期', dataIndex: 'overdue', key: 'overdue', align: 'right' },
    { title: '办文率', key: 'rate', align: 'right', render: (_, d) => percent(d.handlingRate) },
    {
      title: '平均办理（工作日）',
      key: 'days',
      align: 'right',
      render: (_, d) => days(d.averageWorkingDays),
    },
  ];
  const monthColumns: ColumnsType<IncomingMonth> = [
    { title: '月份', dataIndex: 'month', key: 'month' },
    { title: '收文', key: 'received', align: 'right', render: (_, m) => m.unit.received },
    { title: '办结', key: 'handled', align: 'right', render: (_, m) => m.unit.handled },
    { title: '超期', key: 'overdue', align: 'right', render: (_, m) => m.unit.overdue },
    {
      title: '办文率',
      key: 'rate',
      align: 'right',
      render: (_, m) => percent(m.unit.handlingRate),
    },
  ];
  const selected = s.months.find((m) => m.month === month) ?? null;
  return (
    <>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="incoming-summary">
        <Col xs={12} sm={8} xl={4}>
          <Statistic title="收文数" value={u.received} suffix="件" />
        </Col>
        <Col xs={12} sm={8} xl={4}>
          <Statistic title="办结数" value={u.handled} suffix="件" />
        </Col>
        <Col xs={12} sm={8} xl={4}>
          <Statistic title="在办数" value={u.inProgress} suffix="件" />
        </Col>
        <Col xs={12} sm={8} xl={4}>
          <Statistic
            title="超期数"
            value={u.overdue}
            suffix="件"
            styles={{ content: u.overdue > 0 ? { color: '#cf1322' } : {} }}
          />
        </Col>
        <Col xs={12} sm={8} xl={4}>
          <Statistic title="办文率" value={(u.handlingRate * 100).toFixed(1)} suffix="%" />
        </Col>
        <Col xs={12} sm={8} xl={4}>
          <Statistic title="平均办理时间" value={days(u.averageWorkingDays)} suffix="个工作日" />
        </Col>
      </Row>
      <ChartWithTable
        title="按月收文、办结、超期及办文率"
        chart={
          <EChart
            testId="chart-incoming-months"
            label="按月收文、办结、超期件数及办文率图表，数据见右侧表格"
            option={barLine(
              s.months.map((m) => m.month),
              [
                { name: '收文', data: s.months.map((m) => m.unit.received) },
                { name: '办结', data: s.months.map((m) => m.unit.handled) },
                { name: '超期', data: s.months.map((m) => m.unit.overdue) },
              ],
              {
                name: '办文率',
                unit: '%',
                data: s.months.map((m) =>
                  m.unit.received ? Number((m.unit.handlingRate * 100).toFixed(1)) : null,
                ),
              },
            )}
          />
        }
        table={
          <Table<IncomingMonth>
            size="small"
            rowKey="month"
            columns={monthColumns}
            dataSource={s.months}
            pagination={false}
            scroll={{ x: 480, y: 280 }}
            rowClassName={(m) => (m.month === month ? 'ant-table-row-selected' : '')}
            onRow={(m) => ({
              onClick: () => setMonth(m.month === month ? null : m.month),
              style: { cursor: 'pointer' },
            })}
          />
        }
      />
      <ChartWithTable
        title={
          selected
            ? `${selected.month} 各承办部门收文、办结、超期`
            : '各承办部门收文、办结、超期及办文率（点击月份可查看当月）'
        }
        chart={
          (selected?.departments ?? s.departments).length === 0 ? (
            <Empty description="本期间无承办部门数据" />
          ) : (
            <EChart
              testId="chart-incoming-departments"
              label="各承办部门收文、办结、超期件数及办文率图表，数据见右侧表格"
              option={barLine(
                (selected?.departments ?? s.departments).map((d) => d.name),
                [
                  {
                    name: '收文',
                    data: (selected?.departments ?? s.departments).map((d) => d.received),
                  },
                  {
                    name: '办结',
                    data: (selected?.departments ?? s.departments).map((d) => d.handled),
                  },
                  {
                    name: '超期',
                    data: (selected?.departments ?? s.departments).map((d) => d.overdue),
                  },
                ],
                {
                  name: '办文率',
                  unit: '%',
                  data: (selected?.departments ?? s.departments).map((d) =>
                    Number((d.handlingRate * 100).toFixed(1)),
                  ),
                },
              )}
            />
          )
        }
        table={
          <Table<IncomingDept>
            size="small"
            rowKey="departmentId"
            columns={deptColumns}
            dataSource={selected?.departments ?? s.departments}
            pagination={false}
            data-testid="table-incoming-departments"
          />
        }
      />
      <ChartWithTable
        title="各承办部门平均办理时间（工作日）"
        chart={
          s.departments.length === 0 ? (
            <Empty description="本期间无承办部门数据" />
          ) : (
            <EChart
              height={260}
              label="各承办部门平均办理时间图表，数据见右侧表格"
              option={{
                tooltip: { trigger: 'axis' },
                grid: { left: 40, right: 20, top: 30, bottom: 30, containLabel: true },
                xAxis: { type: 'category', data: s.departments.map((d) => d.name) },
                yAxis: { type: 'value', name: '工作日' },
                series: [
                  {
                    type: 'bar',
                    name: '平均办理时间',
                    barMaxWidth: 28,
                    data: s.departments.map((d) =>
                      d.averageWorkingDays === null
                        ? null
                        : Number(d.averageWorkingDays.toFixed(1)),
                    ),
                  },
                ],
              }}
            />
          )
        }
        table={
          <Table<IncomingDept>
            size="small"
            rowKey="departmentId"
            pagination={false}
            dataSource={s.departments}
            columns={[
              { title: '承办部门', dataIndex: 'name', key: 'name' },
              { title: '办结', dataIndex: 'handled', key: 'handled', align: 'right' },
              {
                title: '平均办理（工作日）',
                key: 'days',
                align: 'right',
                render: (_, d) => days(d.averageWorkingDays),
              },
            ]}
          />
        }
      />
      <Typography.Paragraph type="secondary">
        按签收登记时间统计；办理时间按工作日（法定节假日、调休）计算；超期指办结晚于办理时限或至今未办结且已过时限。
      </Typography.Paragraph>
    </>
  );
}

type OutgoingRow = { key: string; name: string } & Outgoing['unit'];

function OutgoingStatistics({ period }: { period: { from: Date; to: Date } }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.statistics.outgoing.queryOptions(period));
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const s = q.data;
  if (!s) return <Card loading variant="borderless" />;
  const u = s.unit;
  const columns = (first: string): ColumnsType<OutgoingRow> => [
    { title: first, dataIndex: 'name', key: 'name' },
    { title: '拟稿', dataIndex: 'drafted', key: 'drafted', align: 'right' },
    { title: '签发', dataIndex: 'signed', key: 'signed', align: 'right' },
    { title: '印发', dataIndex: 'issued', key: 'issued', align: 'right' },
    { title: '不予签发', dataIndex: 'rejected', key: 'rejected', align: 'right' },
    {
      title: '平均周期（工作日）',
      key: 'days',
      align: 'right',
      render: (_, r) => days(r.averageWorkingDays),
    },
  ];
  const months: OutgoingRow[] = s.months.map((m) => ({ key: m.month, name: m.month, ...m.unit }));
  const docTypes: OutgoingRow[] = s.docTypes.map((d) => ({
    key: d.docType,
    name: d.docType,
    ...d,
  }));
  const depts: OutgoingRow[] = s.departments.map((d) => ({ ...d, key: d.departmentId }));
  const block = (
    title: string,
    first: string,
    rows: OutgoingRow[],
    testId: string,
    withDays: boolean,
  ) => (
    <ChartWithTable
      title={title}
      chart={
        rows.length === 0 ? (
          <Empty description="本期间无发文" />
        ) : (
          <EChart
            testId={testId}
            label={`${title}图表，数据见右侧表格`}
            option={barLine(
              rows.map((r) => r.name),
              [
                { name: '拟稿', data: rows.map((r) => r.drafted) },
                { name: '印发', data: rows.map((r) => r.issued) },
              ],
              withDays
                ? {
                    name: '平均周期',
                    unit: '工作日',
                    data: rows.map((r) =>
                      r.averageWorkingDays === null
                        ? null
                        : Number(r.averageWorkingDays.toFixed(1)),
                    ),
                  }
                : undefined,
            )}
          />
        )
      }
      table={
        <Table<OutgoingRow>
          size="small"
          rowKey="key"
          columns={columns(first)}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 480, y: 280 }}
        />
      }
    />
  );
  return (
    <>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="outgoing-summary">
        <Col xs={12} sm={8} xl={4}>
          <Statistic title="拟稿数" value={u.drafted} suffix="件" />
        </Col>
        <Col xs={12} sm={8} xl={4}>
          <Statistic title="签发数" value={u.signed} suffix="件" />
        </Col>
        <Col xs={12} sm={8} xl={4}>
          <Statistic title="印发数" value={u.issued} suffix="件" />
        </Col>
        <Col xs={12} sm={8} xl={4}>
          <Statistic title="不予签发" value={u.rejected} suffix="件" />
        </Col>
        <Col xs={12} sm={8} xl={4}>
          <Statistic title="在办数" value={u.inProgress} suffix="件" />
        </Col>
        <Col xs={12} sm={8} xl={4}>
          <Statistic title="平均发文周期" value={days(u.averageWorkingDays)} suffix="个工作日" />
        </Col>
      </Row>
      {block('按月拟稿与印发', '月份', months, 'chart-outgoing-months', false)}
      {block('按文种拟稿、印发及平均周期', '文种', docTypes, 'chart-outgoing-doctypes', true)}
      {block(
        '按拟稿单位拟稿、印发及平均周期',
        '拟稿单位',
        depts,
        'chart-outgoing-departments',
        true,
      )}
      <Typography.Paragraph type="secondary">
        按拟稿时间统计；发文周期为拟稿至盖章的工作日数，只计已印发的文件。
      </Typography.Paragraph>
    </>
  );
}
