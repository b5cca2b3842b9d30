import { z } from 'zod';
import { ZPassword } from './auth';

/** Role codes with their Chinese names (the SDK's ROLES). */
export const ROLE_OPTIONS = {
  leader: '领导',
  officeDirector: '办公室主任',
  secretary: '文秘',
  departmentHead: '部门负责人',
  staff: '承办人',
  admin: '系统管理员',
} as const;
export type RoleCode = keyof typeof ROLE_OPTIONS;
const ZRole = z.enum(Object.keys(ROLE_OPTIONS) as [RoleCode, ...RoleCode[]], {
  message: '请选择有效的角色',
});

/** Directory ids: what the SDK accepts (letters, digits and _ . : -). */
export const ZId = z
  .string()
  .trim()
  .min(1, '不能为空')
  .max(64, '最多 64 个字符')
  .regex(/^[A-Za-z0-9_.:-]+$/, '只能包含字母、数字和 _ . : -');

const ZName = z.string().trim().min(1, '请填写姓名').max(50, '最多 50 个字');
const ZOptionalId = ZId.nullable().default(null);

/** 新建用户: the login name is also the user's id in the directory. */
export const ZCreateUser = z.strictObject({
  username: ZId,
  name: ZName,
  departmentId: ZId,
  roles: z.array(ZRole).min(1, '至少选择一个角色').max(6),
  superiorId: ZOptionalId,
  password: ZPassword,
});
export type CreateUserInput = z.input<typeof ZCreateUser>;

/** 编辑用户. */
export const ZUpdateUser = z.strictObject({
  id: ZId,
  name: ZName,
  departmentId: ZId,
  roles: z.array(ZRole).min(1, '至少选择一个角色').max(6),
  superiorId: ZOptionalId,
});
export type UpdateUserInput = z.input<typeof ZUpdateUser>;

/** 停用 / 启用. */
export const ZSetUserActive = z.strictObject({ id: ZId, active: z.boolean() });

/** 重置密码 (also unlocks the account). */
export const ZResetPassword = z.strictObject({ id: ZId, password: ZPassword });
export type ResetPasswordInput = z.input<typeof ZResetPassword>;

/** 新建 / 编辑部门. */
export const ZSaveDepartment = z.strictObject({
  id: ZId,
  name: z.string().trim().min(1, '请填写部门名称').max(50, '最多 50 个字'),
  parentId: ZOptionalId,
  headUserId: ZOptionalId,
  sort: z.number().int().min(0).max(9999).default(0),
});
export type SaveDepartmentInput = z.input<typeof ZSaveDepartment>;

/** 新建代理授权: the deputy acts for the principal in [startsAt, endsAt). */
export const ZCreateDelegation = z
  .strictObject({
    principalId: ZId,
    deputyId: ZId,
    startsAt: z.coerce.date({ message: '请选择开始时间' }),
    endsAt: z.coerce.date({ message: '请选择结束时间' }),
    /** Workflow names; null or empty = all workflows. */
    workflows: z.array(z.string().min(1).max(64)).max(20).nullable().default(null),
  })
  .refine((d) => d.endsAt > d.startsAt, { message: '结束时间必须晚于开始时间', path: ['endsAt'] })
  .refine((d) => d.deputyId !== d.principalId, {
    message: '代理人不能是被代理人本人',
    path: ['deputyId'],
  });
export type CreateDelegationInput = z.input<typeof ZCreateDelegation>;

/** Filters of the 审计日志. */
export const ZAuditFilter = z.strictObject({
  action: z.string().max(64).optional(),
  actorId: z.string().max(64).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  search: z.string().trim().max(100).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
export type AuditFilter = z.input<typeof ZAuditFilter>;
