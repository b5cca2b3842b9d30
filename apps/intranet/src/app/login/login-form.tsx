'use client';

import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Card, Form, Input, Segmented, Typography } from 'antd';
import { signIn } from 'next-auth/react';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { type SignInInput, ZSignIn } from '~/lib/schemas/auth';

/** Only same-site paths are followed after signing in. */
function safeTarget(url: string): string {
  return url.startsWith('/') && !url.startsWith('//') ? url : '/';
}

export function LoginForm(props: {
  ldap: boolean;
  callbackUrl: string;
  initialError: string | null;
}) {
  const [error, setError] = useState<string | null>(props.initialError);
  const [provider, setProvider] = useState<'credentials' | 'ldap'>('credentials');
  // Until React has hydrated, a click would submit the bare HTML form (and put the password
  // in the URL): the button stays disabled until then.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const {
    control,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SignInInput>({
    resolver: zodResolver(ZSignIn),
    defaultValues: { username: '', password: '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    const result = await signIn(provider, { ...values, redirect: false });
    if (!result || result.error) {
      const message = result?.error;
      setError(message && /[\u4e00-\u9fff]/.test(message) ? message : '登录失败，请检查网络后重试');
      return;
    }
    window.location.assign(safeTarget(props.callbackUrl));
  });

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(180deg, #b71c1c 0, #b71c1c 220px, #f5f5f5 220px)',
      }}
    >
      <Card style={{ width: 400 }} styles={{ body: { padding: 32 } }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>
          公文内网
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          公文流转与办公自动化系统
        </Typography.Paragraph>
        {props.ldap && (
          <Segmented
            block
            style={{ marginBottom: 16 }}
            value={provider}
            onChange={(v) => setProvider(v as 'credentials' | 'ldap')}
            options={[
              { label: '账号密码', value: 'credentials' },
              { label: '统一身份认证', value: 'ldap' },
            ]}
          />
        )}
        {error && (
          <Alert
            type="error"
            showIcon
            title={error}
            style={{ marginBottom: 16 }}
            role="alert"
            data-testid="login-error"
          />
        )}
        <form onSubmit={onSubmit} method="post" noValidate>
          <Form layout="vertical" component={false}>
            <Form.Item
              label="用户名"
              validateStatus={errors.username ? 'error' : undefined}
              help={errors.username?.message}
            >
              <Controller
                name="username"
                control={control}
                render={({ field }) => (
                  <Input
                    {...field}
                    id="username"
                    autoComplete="username"
                    prefix={<UserOutlined />}
                    placeholder="请输入用户名"
                    size="large"
                  />
                )}
              />
            </Form.Item>
            <Form.Item
              label="密码"
              validateStatus={errors.password ? 'error' : undefined}
              help={errors.password?.message}
            >
              <Controller
                name="password"
                control={control}
                render={({ field }) => (
                  <Input.Password
                    {...field}
                    id="password"
                    autoComplete="current-password"
                    prefix={<LockOutlined />}
                    placeholder="请输入密码"
                    size="large"
                  />
                )}
              />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              block
              size="large"
              loading={isSubmitting}
              disabled={!hydrated}
            >
              登 录
            </Button>
          </Form>
        </form>
      </Card>
    </div>
  );
}
