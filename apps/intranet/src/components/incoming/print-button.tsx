'use client';

import { PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';

/** 打印 (the browser's print dialog; the print CSS hides everything but the sheet). */
export function PrintButton() {
  return (
    <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
      打印
    </Button>
  );
}
