'use client';

import {
  ApiOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  FileDoneOutlined,
  HomeOutlined,
  InboxOutlined,
  LogoutOutlined,
  MenuOutlined,
  ScheduleOutlined,
  SendOutlined,
  SolutionOutlined,
  TableOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Avatar, Button, Drawer, Dropdown, Layout, Menu, Space, Typography } from 'antd';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { signOut } from 'next-auth/react';
import { type ReactNode, useEffect, useState } from 'react';
import { ClientOnly } from '~/components/client-only';
import type { GuardedPage } from '~/lib/page-access';
import { NotificationBell } from './notification-bell';

export interface ShellUser {
  name: string;
  unitName: string;
  departmentName: string | null;
  /** Which guarded pages the user may open (from `pageAccess`, decided on the server). */
  access: Record<GuardedPage, boolean>;
}

interface MenuEntry {
  key: string;
  icon: ReactNode;
  label: string;
  /** The role check the page makes; the entry shows only to users who pass it. */
  guard?: GuardedPage;
}

const MENU: MenuEntry[] = [
  { key: '/', icon: <HomeOutlined />, label: '首页' },
  { key: '/inbox', icon: <CheckSquareOutlined />, label: '待办' },
  { key: '/done', icon: <FileDoneOutlined />, label: '已办' },
  { key: '/incoming', icon: <InboxOutlined />, label: '收文' },
  { key: '/outgoing', icon: <SendOutlined />, label: '发文' },
  { key: '/meetings', icon: <CalendarOutlined />, label: '会议管理' },
  { key: '/reports', icon: <SolutionOutlined />, label: '报告审批' },
  { key: '/monthly-report', icon: <ScheduleOutlined />, label: '工作月报' },
  { key: '/ledger', icon: <TableOutlined />, label: '流程台帐' },
  { key: '/statistics', icon: <BarChartOutlined />, label: '统计', guard: 'statistics' },
  { key: '/admin/org', icon: <TeamOutlined />, label: '组织机构与用户', guard: 'admin' },
  { key: '/admin/audit', icon: <AuditOutlined />, label: '审计日志', guard: 'admin' },
  { key: '/admin/ldap', icon: <ApiOutlined />, label: 'LDAP 目录同步', guard: 'admin' },
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

function MainMenu({
  items,
  current,
  onNavigate,
}: {
  items: MenuEntry[];
  current: string;
  onNavigate?: () => void;
}) {
  return (
    <nav aria-label="主菜单">
      <Menu
        theme="dark"
        mode="inline"
        selectedKeys={[current]}
        onClick={onNavigate}
        items={items.map((i) => ({
          key: i.key,
          icon: i.icon,
          label: <Link href={i.key}>{i.label}</Link>,
        }))}
      />
    </nav>
  );
}

const brand = (
  <div className="app-brand" translate="no">
    公文内网
  </div>
);

/**
 * The intranet's frame: menu, header with the unit, the bell, the user and 退出登录. From
 * 992 px up the menu is a fixed side bar; below, on tablets and phones, it is a drawer opened
 * from the header (CSS decides which shows, so the server-rendered frame is right at once).
 */
export function AppShell({ user, children }: { user: ShellUser; children: ReactNode }) {
  const pathname = usePathname();
  const [drawer, setDrawer] = useState(false);
  const items = MENU.filter((i) => !i.guard || user.access[i.guard]);
  const current = selectedKey(
    pathname,
    items.map((i) => i.key),
  );
  // A page reached from the drawer (or any link) closes it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation only
  useEffect(() => setDrawer(false), [pathname]);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={208} theme="dark" className="app-sider">
        {brand}
        <MainMenu items={items} current={current} />
      </Layout.Sider>
      <Drawer
        placement="left"
        open={drawer}
        onClose={() => setDrawer(false)}
        size={240}
        closable={false}
        className="app-drawer"
        styles={{ body: { padding: 0, background: '#001529' } }}
        title={null}
      >
        {brand}
        <MainMenu items={items} current={current} onNavigate={() => setDrawer(false)} />
      </Drawer>
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header className="app-header">
          <Button
            type="text"
            className="app-menu-button"
            icon={<MenuOutlined />}
            aria-label="打开菜单"
            aria-expanded={drawer}
            onClick={() => setDrawer(true)}
          />
          <Typography.Text strong ellipsis className="app-unit" data-testid="unit-name">
            {user.unitName}
          </Typography.Text>
          <Space size="middle" style={{ flex: 'none' }}>
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
              <Button type="text" data-testid="user-menu" className="app-user">
                <Space>
                  <Avatar size="small" icon={<UserOutlined />} />
                  <span data-testid="user-name">{user.name}</span>
                  {user.departmentName && (
                    <Typography.Text type="secondary" className="app-hide-narrow">
                      {user.departmentName}
                    </Typography.Text>
                  )}
                </Space>
              </Button>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content className="app-content">
          <ClientOnly fallback={<div aria-busy="true" style={{ minHeight: 320 }} />}>
            {children}
          </ClientOnly>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
