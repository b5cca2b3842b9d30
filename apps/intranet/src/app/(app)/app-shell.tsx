'use client';

import {
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  FileDoneOutlined,
  HomeOutlined,
  InboxOutlined,
  LogoutOutlined,
  SendOutlined,
  SolutionOutlined,
  TableOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Avatar, Button, Dropdown, Layout, Menu, Space, Typography } from 'antd';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { signOut } from 'next-auth/react';
import type { ReactNode } from 'react';
import { ClientOnly } from '~/components/client-only';
import { NotificationBell } from './notification-bell';

export interface ShellUser {
  name: string;
  unitName: string;
  departmentName: string | null;
  isAdmin: boolean;
}

const MENU = [
  { key: '/', icon: <HomeOutlined />, label: '首页' },
  { key: '/inbox', icon: <CheckSquareOutlined />, label: '待办' },
  { key: '/done', icon: <FileDoneOutlined />, label: '已办' },
  { key: '/incoming', icon: <InboxOutlined />, label: '收文' },
  { key: '/outgoing', icon: <SendOutlined />, label: '发文' },
  { key: '/meetings', icon: <CalendarOutlined />, label: '会议管理' },
  { key: '/reports', icon: <SolutionOutlined />, label: '报告审批' },
  { key: '/ledger', icon: <TableOutlined />, label: '流程台帐' },
  { key: '/statistics', icon: <BarChartOutlined />, label: '统计' },
];
const ADMIN_MENU = [
  { key: '/admin/org', icon: <TeamOutlined />, label: '组织机构与用户' },
  { key: '/admin/audit', icon: <AuditOutlined />, label: '审计日志' },
];

/** The menu entry a path belongs to (longest matching prefix). */
function selectedKey(pathname: string, keys: string[]): string {
  return (
    keys
      .filter((k) =>
        k === '/' ? pathname === '/' : pathname === k || pathname.startsWith(`${k}/`),
      )
      .sort((a, b) => b.length - a.length)[0] ?? '/'
  );
}

/** The intranet's frame: side menu, header with the user, the bell and 退出登录. */
export function AppShell({ user, children }: { user: ShellUser; children: ReactNode }) {
  const pathname = usePathname();
  const items = [...MENU, ...(user.isAdmin ? ADMIN_MENU : [])];
  const current = selectedKey(
    pathname,
    items.map((i) => i.key),
  );
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={208} theme="dark" breakpoint="lg" collapsedWidth={64}>
        <div
          style={{
            height: 56,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            color: '#fff',
            fontSize: 18,
            fontWeight: 600,
            letterSpacing: 2,
          }}
        >
          公文内网
        </div>
        <nav aria-label="主菜单">
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[current]}
            items={items.map((i) => ({
              key: i.key,
              icon: i.icon,
              label: <Link href={i.key}>{i.label}</Link>,
            }))}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Typography.Text strong>{user.unitName}</Typography.Text>
          <Space size="large">
            <NotificationBell />
            <Dropdown
              menu={{
                items: [
                  {
                    key: 'signout',
                    icon: <LogoutOutlined />,
                    label: '退出登录',
                    onClick: () => void signOut({ callbackUrl: '/login' }),
                  },
                ],
              }}
            >
              <Button type="text" data-testid="user-menu">
                <Space>
                  <Avatar size="small" icon={<UserOutlined />} />
                  <span data-testid="user-name">{user.name}</span>
                  {user.departmentName && (
                    <Typography.Text type="secondary">{user.departmentName}</Typography.Text>
                  )}
                </Space>
              </Button>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          <ClientOnly fallback={<div aria-busy="true" style={{ minHeight: 320 }} />}>
            {children}
          </ClientOnly>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
