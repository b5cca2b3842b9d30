'use client';

import { Button, Result } from 'antd';

/** A page that failed to render: a Chinese message and 重试, never a stack trace. */
export default function AppError({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <Result
      status="error"
      title="页面加载失败"
      subTitle="系统暂时无法处理您的请求，请稍后重试。"
      extra={
        <Button type="primary" onClick={reset}>
          重试
        </Button>
      }
    />
  );
}
