import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { ledgerColumns } from '~/lib/ledger-columns';
import { LEDGER_TITLES, type ZLedgerQuery } from '~/lib/schemas/ledger';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { formatDate } from './format';
import { ledgerQuery, ledgersOf, pageOfCases } from './ledger-cases';
import { projectLines } from './project-lines';
import { viewerScope } from './viewer-scope';

/**
 * Content-Disposition for a Chinese file name: an ASCII fallback plus the RFC 5987
 * `filename*=UTF-8''…` that browsers prefer.
 */
export function attachmentDisposition(fileName: string, fallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Cases read, projected and written per batch while exporting. */
const BATCH = 200;

/** The file name of an export, e.g. `收文台帐-2026-11-25.xlsx`. */
export function ledgerExportFileName(
  app: AppServices,
  workflow: z.output<typeof ZLedgerQuery>['workflow'],
): string {
  return `${LEDGER_TITLES[workflow]}-${formatDate(app.clock.now())}.xlsx`;
}

/**
 * Streams a 流程台帐 as .xlsx into `out`: the same filters and visibility as the page, every
 * matching case (in batches, so memory stays flat), a styled and frozen header row, column
 * widths, wrapped multi-line cells, A4 landscape page setup. Resolves with the row count.
 */
export async function exportLedgerXlsx(
  app: AppServices,
  user: SessionUser,
  q: z.output<typeof ZLedgerQuery>,
  out: Writable,
): Promise<number> {
  const scope = await viewerScope(app, user);
  const query = ledgerQuery(scope, q);
  const columns = ledgerColumns(q.workflow);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: true,
  });
  wb.creator = '公文内网';
  wb.created = app.clock.now();
  const ws = wb.addWorksheet(LEDGER_TITLES[q.workflow], {
    views: [{ state: 'frozen', ySplit: 1, activeCell: 'A2' }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    },
  });
  ws.columns = columns.map((c) => ({ header: c.title, key: c.key, width: c.width }));
  const header = ws.getRow(1);
  header.height = 22;
  header.eachCell((cell) => {
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' }, name: '宋体', size: 11 };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF999999' } } };
  });
  header.commit();

  let written = 0;
  for (let offset = 0; ; offset += BATCH) {
    const { items } = await pageOfCases(app, query, BATCH, offset);
    if (items.length === 0) break;
    const ledgers = await ledgersOf(
      app,
      items.map((c) => c.id),
    );
    for (const line of await projectLines(app, scope, q.workflow, items, ledgers)) {
      const row = ws.addRow(
        Object.fromEntries(
          columns.map((c) =>
            c.key === 'reminderCount'
              ? [c.key, Number(line.cells[c.key] ?? 0)]
              : [c.key, line.cells[c.key] ?? ''],
          ),
        ),
      );
      row.alignment = { vertical: 'top', wrapText: true };
      row.commit();
      written++;
    }
    if (items.length < BATCH) break;
  }
  ws.commit();
  await wb.commit();
  return written;
}
