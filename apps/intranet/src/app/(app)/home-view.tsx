'use client';

import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, List, Row, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import Link from 'next/link';
import { CaseTags } from '~/components/case-tags';
import { QueryError } from '~/components/query-state';
import { useWorkflows } from '~/components/use-workflows';
import { caseHref } from '~/lib/links';
import { useTRPC } from '~/trpc/react';

/** 首页: my 待办 counts, the most pressing tasks (催办 and overdue first) and recent notices. */
export function HomeView() {
  const trpc = useTRPC();
  const workflows = useWorkflows();
  const counts = useQuery({ ...trpc.tasks.counts.queryOptions(), refetchInterval: 60_000 });
  const pressing = useQuery(
    trpc.tasks.inbox.queryOptions({ sort: 'dueSoonest', page: 1, pageSize: 8 }),
  );
  const notices = useQuery(trpc.notifications.list.queryOptions({ limit: 8 }));

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Row gutter={16}>
        {[
          { key: 'total', title: '待办总数', href: '/inbox', color: undefined },
          { key: 'remind', title: '催办', href: '/inbox', color: '#cf1322' },
          { key: 'overdue', title: '已超期', href: '/inbox', color: '#cf1322' },
          { key: 'dueSoon', title: '24 小时内到期', href: '/inbox', color: '#d46b08' },
        ].map((c) => (
          <Col xs={12} md={6} key={c.key}>
            <Card variant="borderless" data-testid={`count-${c.key}`}>
              {counts.isPending ? (
                <Skeleton active paragraph={false} />
              ) : counts.isError ? (
                <Typography.Text type="danger">{counts.error.message}</Typography.Text>
              ) : (
                <Link href={c.href}>
                  <Statistic
                    title={c.title}
                    value={counts.data[c.key as 'total' | 'remind' | 'overdue' | 'dueSoon']}
                    styles={{ content: { color: c.color } }}
                  />
                </Link>
              )}
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card
            title="我的待办"
            variant="borderless"
            extra={<Link href="/inbox">全部待办</Link>}
            data-testid="home-inbox"
          >
            {pressing.isError ? (
              <QueryError error={pressing.error} onRetry={() => void pressing.refetch()} />
            ) : (
              <List
                loading={pressing.isPending}
                dataSource={pressing.data?.items ?? []}
                locale={{ emptyText: <Empty description="暂无待办事项" /> }}
                renderItem={(l) => (
                  <List.Item
                    style={l.overdue ? { background: '#fff1f0', paddingInline: 8 } : undefined}
                  >
                    <List.Item.Meta
                      title={
                        <Space wrap>
                          {l.reminded && <Tag color="red">催办</Tag>}
                          {l.overdue && <Tag color="error">已超期</Tag>}
                          <CaseTags fields={l.caseFields} />
                          <Link
                            href={caseHref(l.task.workflow, l.task.caseId)}
                            data-workflow={l.task.workflow}
                          >
                            {l.caseTitle}
                          </Link>
                        </Space>
                      }
                      description={`${workflows.title(l.task.workflow)} · ${l.task.label}${
                        l.task.dueAt ? ` · 时限 ${dayjs(l.task.dueAt).format('MM-DD HH:mm')}` : ''
                      }`}
                    />
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title="最新消息" variant="borderless" data-testid="home-notices">
            {notices.isError ? (
              <QueryError error={notices.error} onRetry={() => void notices.refetch()} />
            ) : (
              <List
                loading={notices.isPending}
                dataSource={notices.data?.items ?? []}
                locale={{ emptyText: <Empty description="暂无消息" /> }}
                renderItem={(n) => (
                  <List.Item>
                    <List.Item.Meta
                      title={
                        n.caseId && n.workflow ? (
                          <Link href={caseHref(n.workflow, n.caseId)} data-workflow={n.workflow}>
                            {n.title}
                          </Link>
                        ) : (
                          n.title
                        )
                      }
                      description={`${n.body} · ${dayjs(n.createdAt).format('MM-DD HH:mm')}`}
                    />
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
