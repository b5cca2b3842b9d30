'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { applyServerErrors, FormField } from '~/components/form-field';
import {
  ROLE_OPTIONS,
  ZCreateUser,
  ZResetPassword,
  ZSaveDepartment,
  ZUpdateUser,
} from '~/lib/schemas/admin';
import { type RouterOutputs, useTRPC } from '~/trpc/react';

type Org = RouterOutputs['admin']['org'];
type OrgUser = Org['users'][number];
type Dept = Org['departments'][number];

const roleOptions = Object.entries(ROLE_OPTIONS).map(([value, label]) => ({ value, label }));

function useInvalidateOrg() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.admin.pathFilter());
}

const deptOptions = (org: Org) => org.departments.map((d) => ({ value: d.id, label: d.name }));
const userOptions = (org: Org, except?: string) =>
  org.users
    .filter((u) => u.active && u.id !== except)
    .map((u) => ({ value: u.id, label: `${u.name}（${u.id}）` }));

/** 新建用户. */
export function CreateUserModal(props: {
  org: Org;
  departmentId: string | null;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const { message } = App.useApp();
  const invalidate = useInvalidateOrg();
  const form = useForm<z.input<typeof ZCreateUser>, unknown, z.output<typeof ZCreateUser>>({
    resolver: zodResolver(ZCreateUser),
    defaultValues: {
      username: '',
      name: '',
      departmentId: props.departmentId ?? '',
      roles: ['staff'],
      superiorId: null,
      password: '',
    },
  });
  const create = useMutation(
    trpc.admin.createUser.mutationOptions({
      onSuccess: async (u) => {
        message.success(`已新建用户：${u.name}`);
        await invalidate();
        props.onClose();
      },
      onError: (e) => {
        applyServerErrors(e, form.setError, Object.keys(ZCreateUser.shape));
        message.error(e.message);
      },
    }),
  );
  return (
    <Modal
      open
      title="新建用户"
      okText="保存"
      cancelText="取消"
      confirmLoading={create.isPending}
      onCancel={props.onClose}
      onOk={form.handleSubmit((v) => create.mutate(v))}
      destroyOnHidden
    >
      <Form layout="vertical" component="div">
        <FormField
          control={form.control}
          name="username"
          label="用户名"
          required
          extra="登录名，只能包含字母、数字和 _ . : -"
          render={(f) => <Input {...f} id="new-username" autoComplete="off" />}
        />
        <FormField
          control={form.control}
          name="name"
          label="姓名"
          required
          render={(f) => <Input {...f} id="new-name" />}
        />
        <FormField
          control={form.control}
          name="departmentId"
          label="所属部门"
          required
          render={(f) => (
            <Select
              {...f}
              id="new-department"
              options={deptOptions(props.org)}
              placeholder="请选择部门"
            />
          )}
        />
        <FormField
          control={form.control}
          name="roles"
          label="角色"
          required
          render={(f) => <Select {...f} id="new-roles" mode="multiple" options={roleOptions} />}
        />
        <FormField
          control={form.control}
          name="superiorId"
          label="直接上级"
          render={(f) => (
            <Select
              {...f}
              id="new-superior"
              allowClear
              showSearch
              optionFilterProp="label"
              value={f.value ?? undefined}
              onChange={(v) => f.onChange(v ?? null)}
              options={userOptions(props.org)}
              placeholder="可不选"
            />
          )}
        />
        <FormField
          control={form.control}
          name="password"
          label="初始密码"
          required
          extra="至少 8 位，须包含字母和数字"
          render={(f) => <Input.Password {...f} id="new-password" autoComplete="new-password" />}
        />
      </Form>
    </Modal>
  );
}

/** 编辑用户. */
export function EditUserModal(props: { org: Org; user: OrgUser; onClose: () => void }) {
  const trpc = useTRPC();
  const { message } = App.useApp();
  const invalidate = useInvalidateOrg();
  const form = useForm<z.input<typeof ZUpdateUser>, unknown, z.output<typeof ZUpdateUser>>({
    resolver: zodResolver(ZUpdateUser),
    defaultValues: {
      id: props.user.id,
      name: props.user.name,
      departmentId: props.user.departmentId ?? '',
      roles: props.user.roles.filter((r): r is keyof typeof ROLE_OPTIONS => r in ROLE_OPTIONS),
      superiorId: props.user.superiorId,
    },
  });
  const update = useMutation(
    trpc.admin.updateUser.mutationOptions({
      onSuccess: async () => {
        message.success('已保存');
        await invalidate();
        props.onClose();
      },
      onError: (e) => {
        applyServerErrors(e, form.setError, Object.keys(ZUpdateUser.shape));
        message.error(e.message);
      },
    }),
  );
  return (
    <Modal
      open
      title={`编辑用户：${props.user.name}`}
      okText="保存"
      cancelText="取消"
      confirmLoading={update.isPending}
      onCancel={props.onClose}
      onOk={form.handleSubmit((v) => update.mutate(v))}
      destroyOnHidden
    >
      <Form layout="vertical" component="div">
        <FormField
          control={form.control}
          name="name"
          label="姓名"
          required
          render={(f) => <Input {...f} />}
        />
        <FormField
          control={form.control}
          name="departmentId"
          label="所属部门"
          required
          render={(f) => <Select {...f} options={deptOptions(props.org)} />}
        />
        <FormField
          control={form.control}
          name="roles"
          label="角色"
          required
          render={(f) => <Select {...f} mode="multiple" options={roleOptions} />}
        />
        <FormField
          control={form.control}
          name="superiorId"
          label="直接上级"
          render={(f) => (
            <Select
              {...f}
              allowClear
              showSearch
              optionFilterProp="label"
              value={f.value ?? undefined}
              onChange={(v) => f.onChange(v ?? null)}
              options={userOptions(props.org, props.user.id)}
              placeholder="可不选"
            />
          )}
        />
      </Form>
    </Modal>
  );
}

/** 重置密码 (also unlocks). */
export function ResetPasswordModal(props: { user: OrgUser; onClose: () => void }) {
  const trpc = useTRPC();
  const { message } = App.useApp();
  const invalidate = useInvalidateOrg();
  const form = useForm<z.input<typeof ZResetPassword>>({
    resolver: zodResolver(ZResetPassword),
    defaultValues: { id: props.user.id, password: '' },
  });
  const reset = useMutation(
    trpc.admin.resetPassword.mutationOptions({
      onSuccess: async () => {
        message.success(`已重置 ${props.user.name} 的密码`);
        await invalidate();
        props.onClose();
      },
      onError: (e) => {
        applyServerErrors(e, form.setError, ['password']);
        message.error(e.message);
      },
    }),
  );
  return (
    <Modal
      open
      title={`重置密码：${props.user.name}`}
      okText="确定"
      cancelText="取消"
      confirmLoading={reset.isPending}
      onCancel={props.onClose}
      onOk={form.handleSubmit((v) => reset.mutate(v))}
      destroyOnHidden
    >
      <Form layout="vertical" component="div">
        <FormField
          control={form.control}
          name="password"
          label="新密码"
          required
          extra="至少 8 位，须包含字母和数字；重置后账号自动解锁"
          render={(f) => <Input.Password {...f} autoComplete="new-password" />}
        />
      </Form>
    </Modal>
  );
}

/** 新建 / 编辑部门. */
export function DepartmentModal(props: {
  org: Org;
  department: Dept | null;
  parentId: string | null;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const { message } = App.useApp();
  const invalidate = useInvalidateOrg();
  const editing = props.department;
  const form = useForm<z.input<typeof ZSaveDepartment>, unknown, z.output<typeof ZSaveDepartment>>({
    resolver: zodResolver(ZSaveDepartment),
    defaultValues: editing
      ? {
          id: editing.id,
          name: editing.name,
          parentId: editing.parentId,
          headUserId: editing.headUserId,
          sort: editing.sort,
        }
      : {
          id: '',
          name: '',
          parentId: props.parentId,
          headUserId: null,
          sort: props.org.departments.length,
        },
  });
  const options = {
    onSuccess: async () => {
      message.success('已保存');
      await invalidate();
      props.onClose();
    },
    onError: (e: unknown) => {
      applyServerErrors(e, form.setError, Object.keys(ZSaveDepartment.shape));
      message.error((e as Error).message);
    },
  };
  const create = useMutation(trpc.admin.createDepartment.mutationOptions(options));
  const update = useMutation(trpc.admin.updateDepartment.mutationOptions(options));
  return (
    <Modal
      open
      title={editing ? `编辑部门：${editing.name}` : '新建部门'}
      okText="保存"
      cancelText="取消"
      confirmLoading={create.isPending || update.isPending}
      onCancel={props.onClose}
      onOk={form.handleSubmit((v) => (editing ? update.mutate(v) : create.mutate(v)))}
      destroyOnHidden
    >
      <Form layout="vertical" component="div">
        <FormField
          control={form.control}
          name="id"
          label="部门编号"
          required
          render={(f) => <Input {...f} disabled={!!editing} />}
        />
        <FormField
          control={form.control}
          name="name"
          label="部门名称"
          required
          render={(f) => <Input {...f} />}
        />
        <FormField
          control={form.control}
          name="parentId"
          label="上级部门"
          render={(f) => (
            <Select
              {...f}
              allowClear
              value={f.value ?? undefined}
              onChange={(v) => f.onChange(v ?? null)}
              options={deptOptions(props.org).filter((o) => o.value !== editing?.id)}
              placeholder="无（顶级部门）"
            />
          )}
        />
        <FormField
          control={form.control}
          name="headUserId"
          label="部门负责人"
          render={(f) => (
            <Select
              {...f}
              allowClear
              showSearch
              optionFilterProp="label"
              value={f.value ?? undefined}
              onChange={(v) => f.onChange(v ?? null)}
              options={userOptions(props.org)}
              placeholder="可不选"
            />
          )}
        />
        <FormField
          control={form.control}
          name="sort"
          label="排序"
          render={(f) => <InputNumber {...f} min={0} max={9999} />}
        />
      </Form>
    </Modal>
  );
}
