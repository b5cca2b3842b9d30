'use client';

import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import dayjs from 'dayjs';
import Link from 'next/link';
import { HandwritingView } from '~/components/handwriting/handwriting-view';
import type { Handwriting } from '~/lib/schemas/handwriting';

interface Sheet {
  caseId: string;
  title: string;
  unitName?: string;
  fields: Array<[string, string]>;
  opinions: Array<{
    step: string;
    name: string;
    at: Date;
    text: string | null;
    strokes?: Handwriting | null;
  }>;
  footer?: string;
}

const CELL: React.CSSProperties = {
  border: '1px solid #333',
  padding: '6px 10px',
  verticalAlign: 'top',
};

/** 发文稿纸 for printing: the header fields and every opinion with name, time and handwriting. */
export function SheetView({ sheet }: { sheet: Sheet }) {
  const id = encodeURIComponent(sheet.caseId);
  return (
    <div style={{ background: '#fff', padding: 24, maxWidth: 820, margin: '0 auto' }}>
      <Space className="no-print" style={{ marginBottom: 16 }}>
        <Link href={`/outgoing/${id}`}>返回办件</Link>
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          打印
        </Button>
        <a href={`/api/outgoing/${id}/sheet?download=1`}>
          <Button icon={<FilePdfOutlined />}>下载 PDF</Button>
        </a>
      </Space>
      <style>{'@media print { .no-print, aside, header { display: none !important; } }'}</style>
      {sheet.unitName && <div style={{ textAlign: 'center', color: '#666' }}>{sheet.unitName}</div>}
      <h1 style={{ textAlign: 'center', color: '#c00', letterSpacing: 8 }}>{sheet.title}</h1>
      <table style={{ width: '100%', borderCollapse: 'collapse' }} data-testid="sheet-fields">
        <tbody>
          {sheet.fields.map(([label, value]) => (
            <tr key={label}>
              <th style={{ ...CELL, width: 120, textAlign: 'left', fontWeight: 500 }}>{label}</th>
              <td style={CELL}>{value || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 style={{ marginTop: 20 }}>办理意见</h3>
      <table style={{ width: '100%', borderCollapse: 'collapse' }} data-testid="sheet-opinions">
        <tbody>
          {sheet.opinions.length === 0 && (
            <tr>
              <td style={CELL}>（暂无意见）</td>
            </tr>
          )}
          {sheet.opinions.map((o, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: opinions are in ledger order
            <tr key={i}>
              <th style={{ ...CELL, width: 120, textAlign: 'left', fontWeight: 500 }}>{o.step}</th>
              <td style={CELL}>
                {o.text && <div style={{ whiteSpace: 'pre-wrap' }}>{o.text}</div>}
                {o.strokes && <HandwritingView handwriting={o.strokes} />}
                <div style={{ textAlign: 'right', color: '#666' }}>
                  {o.name}　{dayjs(o.at).format('YYYY-MM-DD HH:mm')}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {sheet.footer && <p style={{ color: '#888', fontSize: 12 }}>{sheet.footer}</p>}
    </div>
  );
}
