/**
 * First-start step of `scripts/start.sh` (and `npm run dev`): migrates the database and, when
 * it has no sign-in accounts yet, loads the demo data (GONGWEN_DEMO_SEED != '0') or creates the
 * first system administrator, printing the sign-ins once. Runs before `next start` opens the
 * database. The demo (apps/intranet/demo) is loaded here only: the app itself never imports it.
 */

import { getEnv } from '~/env';
import { createAppServicesFromEnv } from '~/server/app';
import { firstStart, printFirstStart } from '~/server/services/setup/first-start';
import { loadDemo } from '~demo/load-demo';

const env = getEnv();
const started = Date.now();
const app = await createAppServicesFromEnv();
try {
  const log = (message: string) => console.log(message);
  const result = await firstStart(
    app,
    env.GONGWEN_DEMO_SEED === '0'
      ? {}
      : { demo: () => loadDemo(app, { sealedDemoCases: env.GONGWEN_DEMO_SEALED, log }) },
  );
  if (result.kind === 'existing') console.log('[gongwen] 数据库已初始化，直接启动。');
  printFirstStart(result, (Date.now() - started) / 1000);
} finally {
  await app.close();
}
