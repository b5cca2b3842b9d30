import { adminRouter } from '~/server/api/routers/admin';
import { auditRouter } from '~/server/api/routers/audit';
import { incomingRouter } from '~/server/api/routers/incoming';
import { ledgerRouter } from '~/server/api/routers/ledger';
import { meetingRouter } from '~/server/api/routers/meeting';
import { monthlyReportRouter } from '~/server/api/routers/monthly-report';
import { notificationsRouter } from '~/server/api/routers/notifications';
import { outgoingRouter } from '~/server/api/routers/outgoing';
import { reportRouter } from '~/server/api/routers/report';
import { sessionRouter } from '~/server/api/routers/session';
import { statisticsRouter } from '~/server/api/routers/statistics';
import { tasksRouter } from '~/server/api/routers/tasks';
import { createCallerFactory, createTRPCRouter } from '~/server/api/trpc';

/**
 * The intranet's API: one router per domain in `routers/<domain>.ts`, merged here.
 * Add a domain with one import and one line.
 */
export const appRouter = createTRPCRouter({
  session: sessionRouter,
  tasks: tasksRouter,
  notifications: notificationsRouter,
  admin: adminRouter,
  audit: auditRouter,
  incoming: incomingRouter,
  outgoing: outgoingRouter,
  ledger: ledgerRouter,
  statistics: statisticsRouter,
  meeting: meetingRouter,
  report: reportRouter,
  monthlyReport: monthlyReportRouter,
});

/** The API's type, for the client. */
export type AppRouter = typeof appRouter;

/** Server-side callers: `createCaller(ctx).session.me()`. */
export const createCaller = createCallerFactory(appRouter);
