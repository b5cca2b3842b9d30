import { z } from 'zod';

/** The sign-in form (登录). */
export const ZSignIn = z.strictObject({
  username: z.string().trim().min(1, '请输入用户名').max(64, '用户名过长'),
  password: z.string().min(1, '请输入密码').max(200, '密码过长'),
});
export type SignInInput = z.infer<typeof ZSignIn>;

/** A new password: 8–64 characters with letters and digits. */
export const ZPassword = z
  .string()
  .min(8, '密码至少 8 位')
  .max(64, '密码最多 64 位')
  .regex(/[A-Za-z]/, '密码须包含字母')
  .regex(/[0-9]/, '密码须包含数字');
