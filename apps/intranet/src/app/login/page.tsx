import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ldapEnabled } from '~/server/auth';
import { getCurrentUser } from '~/server/session';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: '登录' };
export const dynamic = 'force-dynamic';

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  if (await getCurrentUser()) redirect('/');
  const { callbackUrl, error } = await searchParams;
  return (
    <LoginForm
      ldap={ldapEnabled()}
      callbackUrl={callbackUrl ?? '/'}
      // next-auth redirects here with ?error=… when a sign-in fails outside the form.
      initialError={error && error !== 'undefined' ? decodeMessage(error) : null}
    />
  );
}

function decodeMessage(error: string): string {
  if (error === 'CredentialsSignin') return '用户名或密码错误';
  if (error === 'SessionRequired') return '请先登录';
  return /[\u4e00-\u9fff]/.test(error) ? error : '登录失败，请重试';
}
