'use client';

import { PrinterOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';

/** 打印 (the browser's print dialog; the page's CSS sets A4 landscape). */
export function PrintButton() {
  return (
    <Space>
      <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
        打印
      </Button>
      <Typography.Text type="secondary">纸张：A4 横向</Typography.Text>
    </Space>
  );
}
