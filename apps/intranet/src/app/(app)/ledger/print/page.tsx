import type { Metadata } from 'next';
import { ledgerColumns } from '~/lib/ledger-columns';
import { LEDGER_TITLES, ledgerQueryFromSearchParams, ZLedgerQuery } from '~/lib/schemas/ledger';
import { getApp } from '~/server/app';
import { formatTime } from '~/server/services/ledger/format';
import { listLedgerForPrint } from '~/server/services/ledger/list-ledger';
import { requireUser } from '~/server/session';
import { PrintButton } from './print-button';

export const metadata: Metadata = { title: '打印流程台帐' };

/** The most rows one print run holds; narrow the filters for more. */
const PRINT_LIMIT = 1000;

const PRINT_CSS = `
@page { size: A4 landscape; margin: 10mm; }
.ledger-print { background: #fff; padding: 16px; color: #000; }
.ledger-print h1 { text-align: center; font-size: 20pt; margin: 0 0 4px; font-family: "SimSun", "宋体", serif; }
.ledger-print .meta { display: flex; justify-content: space-between; font-size: 10pt; margin-bottom: 6px; }
.ledger-print table { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 9pt; }
.ledger-print th, .ledger-print td { border: 1px solid #000; padding: 2px 3px; vertical-align: top;
  white-space: pre-line; word-break: break-all; }
.ledger-print th { background: #eee; font-weight: bold; text-align: center; }
.ledger-print thead { display: table-header-group; }
.ledger-print tr { break-inside: avoid; page-break-inside: avoid; }
@media print {
  .ant-layout-sider, .ant-layout-header, .no-print { display: none !important; }
  .ant-layout, .ant-layout-content { margin: 0 !important; padding: 0 !important; background: #fff !important; }
  .ledger-print { padding: 0; }
  .ledger-print th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/** 流程台帐, print view: the filtered ledger on A4 landscape, the header repeated on each page. */
export default async function LedgerPrintPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const parsed = ZLedgerQuery.safeParse(ledgerQueryFromSearchParams(await searchParams));
  if (!parsed.success) {
    return (
      <div className="ledger-print">
        <p>打印条件有误：{parsed.error.issues.map((i) => i.message).join('；')}</p>
      </div>
    );
  }
  const q = parsed.data;
  const app = await getApp();
  const [{ items, total }, unit] = await Promise.all([
    listLedgerForPrint(app, user, q, PRINT_LIMIT),
    app.directory.getUnit(user.unitId),
  ]);
  const columns = ledgerColumns(q.workflow);
  const totalWidth = columns.reduce((a, c) => a + c.width, 0);
  const period =
    q.period?.from || q.period?.to
      ? `期间：${q.period?.from ? formatTime(q.period.from).slice(0, 10) : '…'} 至 ${
          q.period?.to ? formatTime(new Date(q.period.to.getTime() - 1)).slice(0, 10) : '…'
        }`
      : '期间：全部';
  return (
    <div className="ledger-print" data-testid="ledger-print-view">
      <style>{PRINT_CSS}</style>
      <div className="no-print" style={{ marginBottom: 12 }}>
        <PrintButton />
      </div>
      <h1>
        {unit?.name ?? ''}
        {LEDGER_TITLES[q.workflow]}
      </h1>
      <div className="meta">
        <span>{period}</span>
        <span>
          共 {total} 件
          {total > items.length ? `（仅打印前 ${items.length} 件，请缩小筛选范围）` : ''}
        </span>
        <span>
          打印人：{user.name}　打印时间：{formatTime(app.clock.now())}
        </span>
      </div>
      <table>
        <colgroup>
          <col style={{ width: '3%' }} />
          {columns.map((c) => (
            <col key={c.key} style={{ width: `${((c.width / totalWidth) * 97).toFixed(2)}%` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th>序号</th>
            {columns.map((c) => (
              <th key={c.key}>{c.title}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((l, i) => (
            <tr key={l.caseId}>
              <td>{i + 1}</td>
              {columns.map((c) => (
                <td key={c.key}>{l.cells[c.key] ?? ''}</td>
              ))}
            </tr>
          ))}
          {items.length === 0 && (
            <tr>
              <td colSpan={columns.length + 1} style={{ textAlign: 'center' }}>
                暂无符合条件的办件
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
