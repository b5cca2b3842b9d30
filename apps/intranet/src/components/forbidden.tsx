'use client';

import { Result } from 'antd';
import Link from 'next/link';

/** 无权访问: shown instead of a page the user's roles do not open. */
export function Forbidden({ reason }: { reason?: string }) {
  return (
    <Result
      status="403"
      title="无权访问"
      subTitle={reason ?? '您没有访问此页面的权限，如有需要请联系系统管理员。'}
      extra={<Link href="/">返回首页</Link>}
    />
  );
}

/** 页面不存在: shown for an unknown address or a case that does not exist. */
export function NotFoundResult() {
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在或已被移除。"
      extra={<Link href="/">返回首页</Link>}
    />
  );
}
