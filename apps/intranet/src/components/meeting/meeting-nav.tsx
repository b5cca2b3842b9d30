'use client';

import { Segmented } from 'antd';
import { usePathname, useRouter } from 'next/navigation';

const ITEMS = [
  { value: '/meetings', label: '会议' },
  { value: '/meetings/rooms', label: '会议室' },
  { value: '/meetings/supervision', label: '决议督办' },
  { value: '/meetings/statistics', label: '会议与报告统计' },
];

/** The 会议管理 sub-navigation. */
export function MeetingNav() {
  const pathname = usePathname();
  const router = useRouter();
  const current =
    ITEMS.filter((i) => pathname === i.value || pathname.startsWith(`${i.value}/`)).sort(
      (a, b) => b.value.length - a.value.length,
    )[0]?.value ?? '/meetings';
  return (
    <Segmented
      options={ITEMS}
      value={current}
      onChange={(v) => router.push(String(v))}
      style={{ marginBottom: 16 }}
    />
  );
}
