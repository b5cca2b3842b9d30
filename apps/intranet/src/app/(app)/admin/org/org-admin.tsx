'use client';

import { PlusOutlined } from '@ant-design/icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Form,
  Modal,
  Popconfirm,
  Row,
  Select,
  Skeleton,
  Space,
  Table,
  Tabs,
  Tag,
  Tree,
  Typography,
} from 'antd';
import type { DataNode } from 'antd/es/tree';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { applyServerErrors, FormField } from '~/components/form-field';
import { QueryError } from '~/components/query-state';
import { useWorkflows } from '~/components/use-workflows';
import { ROLE_OPTIONS, ZCreateDelegation } from '~/lib/schemas/admin';
import { type RouterOutputs, useTRPC } from '~/trpc/react';
import { CreateUserModal, DepartmentModal, EditUserModal, ResetPasswordModal } from './user-modals';

type Org = RouterOutputs['admin']['org'];
type OrgUser = Org['users'][number];

function buildTree(org: Org): DataNode[] {
  const children = new Map<string | null, Org['departments']>();
  for (const d of org.departments) {
    const key = d.parentId && org.departments.some((p) => p.id === d.parentId) ? d.parentId : null;
    children.set(key, [...(children.get(key) ?? []), d]);
  }
  const walk = (parent: string | null): DataNode[] =>
    (children.get(parent) ?? []).map((d) => ({ key: d.id, title: d.name, children: walk(d.id) }));
  return walk(null);
}

/** 组织机构与用户: departments tree, users, 代理授权. */
export function OrgAdmin({ currentUserId }: { currentUserId: string }) {
  const trpc = useTRPC();
  const org = useQuery(trpc.admin.org.queryOptions());
  if (org.isPending) return <Skeleton active />;
  if (org.isError) return <QueryError error={org.error} onRetry={() => void org.refetch()} />;
  return (
    <Card variant="borderless" title={`组织机构与用户 · ${org.data.unit?.name ?? ''}`}>
      <Tabs
        items={[
          {
            key: 'users',
            label: '部门与用户',
            children: <UsersPanel org={org.data} currentUserId={currentUserId} />,
          },
          { key: 'delegations', label: '代理授权', children: <DelegationsPanel org={org.data} /> },
        ]}
      />
    </Card>
  );
}

type Dialog =
  | { kind: 'createUser' }
  | { kind: 'editUser'; user: OrgUser }
  | { kind: 'resetPassword'; user: OrgUser }
  | { kind: 'department'; id: string | null }
  | null;

function UsersPanel({ org, currentUserId }: { org: Org; currentUserId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [selected, setSelected] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const tree = useMemo(() => buildTree(org), [org]);
  const deptName = (id: string | null) => org.departments.find((d) => d.id === id)?.name ?? '—';
  const userName = (id: string | null) => org.users.find((u) => u.id === id)?.name ?? '—';
  const users = selected ? org.users.filter((u) => u.departmentId === selected) : org.users;
  const setActive = useMutation(
    trpc.admin.setUserActive.mutationOptions({
      onSuccess: async (u) => {
        message.success(u.active ? `已启用：${u.name}` : `已停用：${u.name}`);
        await queryClient.invalidateQueries(trpc.admin.pathFilter());
      },
      onError: (e) => message.error(e.message),
    }),
  );
  const selectedDept = org.departments.find((d) => d.id === selected) ?? null;
  return (
    <Row gutter={16}>
      <Col xs={24} lg={7}>
        <Card
          size="small"
          title="部门"
          extra={
            <Space size={4}>
              <Button
                size="small"
                icon={<PlusOutlined />}
                onClick={() => setDialog({ kind: 'department', id: null })}
              >
                新建
              </Button>
              <Button
                size="small"
                disabled={!selectedDept}
                onClick={() => setDialog({ kind: 'department', id: selected })}
              >
                编辑
              </Button>
            </Space>
          }
        >
          {tree.length === 0 ? (
            <Empty description="暂无部门" />
          ) : (
            <Tree
              defaultExpandAll
              treeData={tree}
              selectedKeys={selected ? [selected] : []}
              onSelect={(keys) => setSelected((keys[0] as string | undefined) ?? null)}
            />
          )}
          {selectedDept && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              负责人：{userName(selectedDept.headUserId)}
            </Typography.Paragraph>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={17}>
        <Space style={{ marginBottom: 12 }}>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDialog({ kind: 'createUser' })}
          >
            新建用户
          </Button>
          <Typography.Text type="secondary">
            {selectedDept ? `${selectedDept.name}：${users.length} 人` : `全部：${users.length} 人`}
          </Typography.Text>
        </Space>
        <Table<OrgUser>
          rowKey="id"
          size="middle"
          // Short values (names, roles): each column as wide as its content, scrolling sideways.
          scroll={{ x: 'max-content' }}
          dataSource={users}
          pagination={{ pageSize: 15, showTotal: (t) => `共 ${t} 人` }}
          locale={{ emptyText: <Empty description="该部门暂无用户" /> }}
          columns={[
            {
              title: '姓名',
              dataIndex: 'name',
              render: (n: string, u) => (
                <Space>
                  {n}
                  {!u.active && <Tag>已停用</Tag>}
                  {u.locked && <Tag color="red">已锁定</Tag>}
                </Space>
              ),
            },
            {
              title: '用户名',
              dataIndex: 'username',
              render: (v: string | null) =>
                v ?? <Typography.Text type="secondary">未开通</Typography.Text>,
            },
            { title: '部门', dataIndex: 'departmentId', render: (v: string | null) => deptName(v) },
            {
              title: '角色',
              dataIndex: 'roles',
              render: (roles: string[]) =>
                roles.map((r) => (
                  <Tag key={r}>{ROLE_OPTIONS[r as keyof typeof ROLE_OPTIONS] ?? r}</Tag>
                )),
            },
            {
              title: '直接上级',
              dataIndex: 'superiorId',
              render: (v: string | null) => userName(v),
            },
            {
              title: '最近登录',
              dataIndex: 'lastLoginAt',
              render: (v: Date | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—'),
            },
            {
              title: '操作',
              key: 'actions',
              render: (_, u) => (
                <Space size={0} wrap>
                  <Button
                    type="link"
                    size="small"
                    onClick={() => setDialog({ kind: 'editUser', user: u })}
                  >
                    编辑
                  </Button>
                  <Button
                    type="link"
                    size="small"
                    onClick={() => setDialog({ kind: 'resetPassword', user: u })}
                  >
                    重置密码
                  </Button>
                  {u.id !== currentUserId && (
                    <Popconfirm
                      title={u.active ? `确定停用 ${u.name}？` : `确定启用 ${u.name}？`}
                      description={
                        u.active ? '停用后该用户无法登录，也不会再被分派待办。' : undefined
                      }
                      okText="确定"
                      cancelText="取消"
                      onConfirm={() => setActive.mutateAsync({ id: u.id, active: !u.active })}
                    >
                      <Button type="link" size="small" danger={u.active}>
                        {u.active ? '停用' : '启用'}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Col>
      {dialog?.kind === 'createUser' && (
        <CreateUserModal org={org} departmentId={selected} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'editUser' && (
        <EditUserModal org={org} user={dialog.user} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'resetPassword' && (
        <ResetPasswordModal user={dialog.user} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'department' && (
        <DepartmentModal
          org={org}
          department={dialog.id ? (org.departments.find((d) => d.id === dialog.id) ?? null) : null}
          parentId={dialog.id ? null : selected}
          onClose={() => setDialog(null)}
        />
      )}
    </Row>
  );
}

function DelegationsPanel({ org }: { org: Org }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const workflows = useWorkflows();
  const [creating, setCreating] = useState(false);
  const list = useQuery(trpc.admin.delegations.queryOptions());
  const remove = useMutation(
    trpc.admin.removeDelegation.mutationOptions({
      onSuccess: async () => {
        message.success('已撤销代理授权');
        await queryClient.invalidateQueries(trpc.admin.delegations.pathFilter());
      },
      onError: (e) => message.error(e.message),
    }),
  );
  const name = (id: string) => org.users.find((u) => u.id === id)?.name ?? id;
  const now = new Date();
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        style={{ marginBottom: 12 }}
        onClick={() => setCreating(true)}
      >
        新建代理授权
      </Button>
      <Table
        rowKey="id"
        scroll={{ x: 'max-content' }}
        loading={list.isPending}
        dataSource={list.data ?? []}
        locale={{ emptyText: <Empty description="暂无代理授权" /> }}
        columns={[
          { title: '被代理人', dataIndex: 'principalId', render: (v: string) => name(v) },
          { title: '代理人', dataIndex: 'deputyId', render: (v: string) => name(v) },
          {
            title: '开始时间',
            dataIndex: 'startsAt',
            render: (v: Date) => dayjs(v).format('YYYY-MM-DD HH:mm'),
          },
          {
            title: '结束时间',
            dataIndex: 'endsAt',
            render: (v: Date) => dayjs(v).format('YYYY-MM-DD HH:mm'),
          },
          {
            title: '适用流程',
            dataIndex: 'workflows',
            render: (v: string[] | null) =>
              v ? v.map((w) => <Tag key={w}>{workflows.title(w)}</Tag>) : '全部流程',
          },
          {
            title: '状态',
            key: 'status',
            render: (_, d) =>
              d.endsAt <= now ? (
                <Tag>已到期</Tag>
              ) : d.startsAt > now ? (
                <Tag color="blue">未开始</Tag>
              ) : (
                <Tag color="green">生效中</Tag>
              ),
          },
          {
            title: '操作',
            key: 'actions',
            render: (_, d) => (
              <Popconfirm
                title="确定撤销该代理授权？"
                okText="确定"
                cancelText="取消"
                onConfirm={() => remove.mutateAsync({ id: d.id })}
              >
                <Button type="link" size="small" danger>
                  撤销
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      {creating && <CreateDelegationModal org={org} onClose={() => setCreating(false)} />}
    </>
  );
}

function CreateDelegationModal({ org, onClose }: { org: Org; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const workflows = useWorkflows();
  const form = useForm<
    z.input<typeof ZCreateDelegation>,
    unknown,
    z.output<typeof ZCreateDelegation>
  >({
    resolver: zodResolver(ZCreateDelegation),
    defaultValues: { principalId: '', deputyId: '', workflows: null },
  });
  const create = useMutation(
    trpc.admin.createDelegation.mutationOptions({
      onSuccess: async () => {
        message.success('已新建代理授权');
        await queryClient.invalidateQueries(trpc.admin.delegations.pathFilter());
        onClose();
      },
      onError: (e) => {
        applyServerErrors(e, form.setError, [
          'principalId',
          'deputyId',
          'startsAt',
          'endsAt',
          'workflows',
        ]);
        message.error(e.message);
      },
    }),
  );
  const people = org.users
    .filter((u) => u.active)
    .map((u) => ({ value: u.id, label: `${u.name}（${u.id}）` }));
  return (
    <Modal
      open
      title="新建代理授权"
      okText="保存"
      cancelText="取消"
      confirmLoading={create.isPending}
      onCancel={onClose}
      onOk={form.handleSubmit((v) => create.mutate(v))}
      destroyOnHidden
    >
      <Form layout="vertical" component="div">
        <FormField
          control={form.control}
          name="principalId"
          label="被代理人"
          required
          render={(f) => (
            <Select
              {...f}
              showSearch
              optionFilterProp="label"
              options={people}
              placeholder="请选择"
            />
          )}
        />
        <FormField
          control={form.control}
          name="deputyId"
          label="代理人"
          required
          render={(f) => (
            <Select
              {...f}
              showSearch
              optionFilterProp="label"
              options={people}
              placeholder="请选择"
            />
          )}
        />
        <FormField
          control={form.control}
          name="startsAt"
          label="开始时间"
          required
          render={(f) => (
            <DatePicker
              showTime
              style={{ width: '100%' }}
              value={f.value ? dayjs(f.value as Date) : null}
              onChange={(d) => f.onChange(d ? d.toDate() : undefined)}
              onBlur={f.onBlur}
            />
          )}
        />
        <FormField
          control={form.control}
          name="endsAt"
          label="结束时间"
          required
          render={(f) => (
            <DatePicker
              showTime
              style={{ width: '100%' }}
              value={f.value ? dayjs(f.value as Date) : null}
              onChange={(d) => f.onChange(d ? d.toDate() : undefined)}
              onBlur={f.onBlur}
            />
          )}
        />
        <FormField
          control={form.control}
          name="workflows"
          label="适用流程"
          extra="不选表示全部流程"
          render={(f) => (
            <Select
              mode="multiple"
              allowClear
              value={f.value ?? []}
              onBlur={f.onBlur}
              onChange={(v: string[]) => f.onChange(v.length > 0 ? v : null)}
              options={workflows.list.map((w) => ({ value: w.name, label: w.title }))}
            />
          )}
        />
      </Form>
    </Modal>
  );
}
