'use client';

import '~/lib/zod-locale';
import { App as AntdApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';
import { TRPCReactProvider } from '~/trpc/react';
import { AntdRegistry } from './antd-registry';

dayjs.locale('zh-cn');

/** Client-side providers: Ant Design in 简体中文, TanStack Query and tRPC. */
export function Providers({ children }: { children: ReactNode }) {
  return (
    <AntdRegistry>
      <ConfigProvider
        locale={zhCN}
        theme={{
          token: {
            colorPrimary: '#b71c1c',
            borderRadius: 4,
            fontFamily:
              '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Helvetica Neue", Arial, sans-serif',
          },
        }}
      >
        <AntdApp>
          <TRPCReactProvider>{children}</TRPCReactProvider>
        </AntdApp>
      </ConfigProvider>
    </AntdRegistry>
  );
}
