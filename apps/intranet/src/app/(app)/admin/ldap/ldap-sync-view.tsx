'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { QueryError } from '~/components/query-state';
import { type RouterOutputs, useTRPC } from '~/trpc/react';

type Plan = RouterOutputs['admin']['ldapSync']['plan'];
type Change = Plan['users']['update'][number]['changes'][number];

const FIELD: Record<string, string> = {
  name: '姓名/名称',
  departmentId: '部门',
  parentId: '上级部门',
  active: '状态',
};

const show = (v: unknown) =>
  v === null ? '（无）' : v === true ? '启用' : v === false ? '停用' : String(v);

function Changes({ changes }: { changes: Change[] }) {
  if (changes.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space direction="vertical" size={0}>
      {changes.map((c) => (
        <span key={c.field}>
          {FIELD[c.field] ?? c.field}：{show(c.from)} → {show(c.to)}
        </span>
      ))}
    </Space>
  );
}

type Row = {
  key: string;
  kind: string;
  color: string;
  id: string;
  name: string;
  what: React.ReactNode;
};

function rowsOf(plan: Plan): Row[] {
  const rows: Row[] = [];
  for (const d of plan.departments.add)
    rows.push({
      key: `da-${d.id}`,
      kind: '新增部门',
      color: 'green',
      id: d.id,
      name: d.name,
      what: d.dn,
    });
  for (const d of plan.departments.adopt)
    rows.push({
      key: `dd-${d.id}`,
      kind: '纳入同步（部门）',
      color: 'blue',
      id: d.id,
      name: d.name,
      what: d.dn,
    });
  for (const d of plan.departments.update)
    rows.push({
      key: `du-${d.id}`,
      kind: '更新部门',
      color: 'gold',
      id: d.id,
      name: d.name,
      what: <Changes changes={d.changes} />,
    });
  for (const u of plan.users.add)
    rows.push({
      key: `ua-${u.id}`,
      kind: '新增用户',
      color: 'green',
      id: u.id,
      name: u.name,
      what: u.dn,
    });
  for (const u of plan.users.adopt)
    rows.push({
      key: `ud-${u.id}`,
      kind: '纳入同步（用户）',
      color: 'blue',
      id: u.id,
      name: u.name,
      what: u.dn,
    });
  for (const u of plan.users.update)
    rows.push({
      key: `uu-${u.id}`,
      kind: '更新用户',
      color: 'gold',
      id: u.id,
      name: u.name,
      what: <Changes changes={u.changes} />,
    });
  for (const u of plan.users.deactivate)
    rows.push({
      key: `ux-${u.id}`,
      kind: '停用（已离开目录）',
      color: 'red',
      id: u.id,
      name: u.name,
      what: '目录中已无此人或已被禁用',
    });
  return rows;
}

/** LDAP/AD 目录同步: the mapping in use, a dry run (同步预览) and applying it (执行同步). */
export function LdapSyncView() {
  const trpc = useTRPC();
  const status = useQuery(trpc.admin.ldapStatus.queryOptions());
  const preview = useMutation(trpc.admin.ldapSync.mutationOptions());
  const apply = useMutation(
    trpc.admin.ldapSync.mutationOptions({ onSettled: () => void status.refetch() }),
  );
  if (status.isError)
    return <QueryError error={status.error} onRetry={() => void status.refetch()} />;
  const s = status.data;
  const result = apply.data ?? preview.data;
  const plan = result?.plan;
  const error = apply.error ?? preview.error;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title="LDAP / AD 目录同步" variant="borderless" loading={status.isLoading}>
        {s && !s.configured ? (
          <Alert
            type="info"
            showIcon
            message="尚未配置 LDAP 目录"
            description="请在服务器环境变量中设置 LDAP_URL、LDAP_BIND_DN、LDAP_BIND_PASSWORD、LDAP_BASE_DN（以及可选的 LDAP_SYNC_* 映射），详见部署文档。"
          />
        ) : (
          s && (
            <>
              <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
                <Descriptions.Item label="目录服务器">{s.url}</Descriptions.Item>
                <Descriptions.Item label="人员所在位置">
                  {s.userBase}（{s.userFilter}，登录名属性 {s.loginAttribute}）
                </Descriptions.Item>
                <Descriptions.Item label="部门所在位置">{s.departmentBase}</Descriptions.Item>
                <Descriptions.Item label="自动同步">
                  {s.intervalMinutes > 0 ? `每 ${s.intervalMinutes} 分钟` : '未开启（仅手动）'}
                </Descriptions.Item>
                <Descriptions.Item label="上次同步">
                  {s.last
                    ? `${dayjs(s.last.at).format('YYYY-MM-DD HH:mm')}，${
                        s.last.outcome === 'applied' ? '已执行' : '未执行（停用人数超过上限）'
                      }${s.last.actorId ? '' : '（自动）'}`
                    : '从未同步'}
                </Descriptions.Item>
              </Descriptions>
              <Space>
                <Button
                  loading={preview.isPending}
                  onClick={() => preview.mutate({ apply: false })}
                >
                  同步预览
                </Button>
                <Popconfirm
                  title="执行同步"
                  description="将按目录新增、更新用户和部门，并停用已离开目录的用户。确定执行吗？"
                  okText="执行"
                  cancelText="取消"
                  onConfirm={() => apply.mutate({ apply: true })}
                >
                  <Button type="primary" danger loading={apply.isPending}>
                    执行同步
                  </Button>
                </Popconfirm>
              </Space>
            </>
          )
        )}
      </Card>
      {error && <Alert type="error" showIcon message={error.message} />}
      {result && plan && (
        <Card
          variant="borderless"
          title={result.applied ? '同步结果（已执行）' : '同步预览（尚未执行）'}
          extra={
            <Typography.Text type="secondary">
              目录中 {plan.seen.users} 人、{plan.seen.departments} 个部门
            </Typography.Text>
          }
        >
          {'refused' in result && result.refused && (
            <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={result.refused} />
          )}
          <Table<Row>
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={rowsOf(plan)}
            locale={{ emptyText: <Empty description="目录与本系统一致，无需变更" /> }}
            columns={[
              {
                title: '变更',
                dataIndex: 'kind',
                width: 150,
                render: (v: string, r) => <Tag color={r.color}>{v}</Tag>,
              },
              { title: '编号/登录名', dataIndex: 'id', width: 160 },
              { title: '名称', dataIndex: 'name', width: 160 },
              { title: '说明', dataIndex: 'what' },
            ]}
          />
          {plan.skipped.length > 0 && (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                未处理的目录条目（{plan.skipped.length}）
              </Typography.Title>
              <Table
                size="small"
                rowKey={(r) => `${r.dn}-${r.reason}`}
                pagination={false}
                dataSource={plan.skipped}
                columns={[
                  { title: '条目', dataIndex: 'dn' },
                  { title: '原因', dataIndex: 'reason' },
                ]}
              />
            </>
          )}
        </Card>
      )}
    </Space>
  );
}
