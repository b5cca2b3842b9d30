'use client';

import { Alert, Button } from 'antd';

/** A failed query, with its Chinese message and a 重试 button. */
export function QueryError({
  error,
  onRetry,
}: {
  error: { message: string };
  onRetry?: () => void;
}) {
  return (
    <Alert
      type="error"
      showIcon
      title="加载失败"
      description={error.message}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            重试
          </Button>
        ) : undefined
      }
    />
  );
}
