import type { AppServices } from '~/server/app-types';
import type { DemoLoaded } from '~/server/services/setup/first-start';
import { completeDemoOutgoing } from './complete-outgoing';
import { seedDemo } from './seed-demo';
import { settleDemoNotifications } from './settle-notifications';

/**
 * The demo's first start (scripts/first-start.ts hands it to `firstStart`): the demo
 * organisation and cases (`seedDemo`), `sealedDemoCases` 发文 taken through the real 盖章,
 * 分发 and 归档 (default 12), and the bell settled to what is still open. Returns the demo
 * users' sign-ins for `firstStart` to create.
 */
export async function loadDemo(
  app: AppServices,
  opts: { sealedDemoCases?: number; log?: (message: string) => void } = {},
): Promise<DemoLoaded> {
  const seeded = await seedDemo(app);
  const sealedDemoCases = opts.sealedDemoCases ?? 12;
  if (sealedDemoCases > 0) {
    opts.log?.(`[gongwen] 演示发文：盖章、分发、归档 ${sealedDemoCases} 件……`);
    await completeDemoOutgoing(app, {
      count: sealedDemoCases,
      ...(opts.log && { log: opts.log }),
    });
  }
  const unread = await settleDemoNotifications(app);
  opts.log?.(`[gongwen] 演示消息：${unread} 条未读（仍在待办中的办件）`);
  return { accounts: seeded.accounts, cases: seeded.cases };
}
