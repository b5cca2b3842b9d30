'use client';

import { Skeleton } from 'antd';

export default function Loading() {
  return <Skeleton active paragraph={{ rows: 8 }} />;
}
