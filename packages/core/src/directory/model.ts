import { z } from 'zod';

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.:-]+$/, '只能包含字母、数字和 _ . : -');
const name = z.string().trim().min(1).max(100);

/** A unit (单位/机关): the tenant every record belongs to. */
export const ZUnit = z.object({
  id,
  name,
  /** 机关代字, e.g. 示政办发. */
  issuerCode: z.string().trim().max(20).nullable().default(null),
});
/** A unit (单位/机关). */
export type Unit = z.infer<typeof ZUnit>;

/** A department (处室/科室) in a unit's tree. */
export const ZDepartment = z.object({
  id,
  unitId: id,
  parentId: id.nullable().default(null),
  name,
  /** The department head (部门负责人), a user id. */
  headUserId: id.nullable().default(null),
  sort: z.number().int().default(0),
});
/** A department (处室/科室). */
export type Department = z.infer<typeof ZDepartment>;

/** Roles the built-in workflows know; a unit may use others too. */
export const ROLES = {
  leader: '领导',
  officeDirector: '办公室主任',
  secretary: '文秘',
  departmentHead: '部门负责人',
  staff: '承办人',
  admin: '系统管理员',
} as const;

/** A person in the directory. */
export const ZUser = z.object({
  id,
  unitId: id,
  departmentId: id.nullable().default(null),
  name,
  /** Position or role codes (see ROLES). */
  roles: z.array(z.string().min(1).max(40)).default([]),
  /** The direct superior (直接上级), a user id. */
  superiorId: id.nullable().default(null),
  active: z.boolean().default(true),
});
/** A person in the directory. */
export type User = z.infer<typeof ZUser>;

/** A delegation (代理授权): `deputyId` acts for `principalId` in a time window. */
export const ZDelegation = z
  .object({
    id,
    unitId: id,
    principalId: id,
    deputyId: id,
    startsAt: z.coerce.date(),
    endsAt: z.coerce.date(),
    /** Workflow names this delegation covers; null = all. */
    workflows: z.array(z.string().min(1)).nullable().default(null),
  })
  .refine((d) => d.endsAt > d.startsAt, { message: '结束时间必须晚于开始时间', path: ['endsAt'] })
  .refine((d) => d.deputyId !== d.principalId, { message: '不能委托给本人', path: ['deputyId'] });
/** A delegation (代理授权). */
export type Delegation = z.infer<typeof ZDelegation>;

/** True when the delegation is in force at `at` for `workflow`. */
export function delegationCovers(d: Delegation, at: Date, workflow: string): boolean {
  return (
    d.startsAt <= at && at < d.endsAt && (d.workflows === null || d.workflows.includes(workflow))
  );
}
