'use client';

import { Alert } from 'antd';

/** A form's or dialog's refusal (the server's Chinese message) above its fields; nothing when null. */
export function ErrorAlert({ error, testId }: { error: string | null; testId: string }) {
  if (!error) return null;
  return (
    <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid={testId} />
  );
}
