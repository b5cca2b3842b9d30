import type { z } from 'zod';
import type { ZLedgerFilter, ZLedgerQuery } from '~/lib/schemas/ledger';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { ledgerQuery, ledgersOf, pageOfCases } from './ledger-cases';
import { type LedgerLine, projectLines } from './project-lines';
import { viewerScope } from './viewer-scope';

/**
 * One page of a 流程台帐 (收文 or 发文): the cases the user may see, filtered and paged in
 * SQL, and only that page's ledgers read and projected.
 */
export async function listLedger(
  app: AppServices,
  user: SessionUser,
  f: z.output<typeof ZLedgerFilter>,
): Promise<{ items: LedgerLine[]; total: number; scope: 'all' | 'downward' }> {
  const scope = await viewerScope(app, user);
  const { items, total } = await pageOfCases(
    app,
    ledgerQuery(scope, f),
    f.pageSize,
    (f.page - 1) * f.pageSize,
  );
  const ledgers = await ledgersOf(
    app,
    items.map((c) => c.id),
  );
  return {
    items: await projectLines(app, scope, f.workflow, items, ledgers),
    total,
    scope: scope.all ? 'all' : 'downward',
  };
}

/**
 * The first `limit` lines of a ledger with the total, for the print view (which prints one
 * document rather than a page of the screen).
 */
export async function listLedgerForPrint(
  app: AppServices,
  user: SessionUser,
  q: z.output<typeof ZLedgerQuery>,
  limit: number,
): Promise<{ items: LedgerLine[]; total: number }> {
  const scope = await viewerScope(app, user);
  const { items, total } = await pageOfCases(app, ledgerQuery(scope, q), limit, 0);
  const ledgers = await ledgersOf(
    app,
    items.map((c) => c.id),
  );
  return { items: await projectLines(app, scope, q.workflow, items, ledgers), total };
}
