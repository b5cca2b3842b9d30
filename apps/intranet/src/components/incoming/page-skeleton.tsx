'use client';

import { Card, Skeleton } from 'antd';

/** Shown while a 收文 page loads. */
export function PageSkeleton() {
  return (
    <Card variant="borderless" aria-busy="true" aria-label="正在加载">
      <Skeleton active paragraph={{ rows: 8 }} />
    </Card>
  );
}
