/**
 * First-start step of `scripts/start.sh`: migrates the database and, when it has no sign-in
 * accounts yet, loads the demo data (GONGWEN_DEMO_SEED != '0') or creates the first system
 * administrator, printing the sign-ins once. Runs before `next start` opens the database.
 */
import { getEnv } from '~/env';
import { createAppServicesFromEnv } from '~/server/app';
import { firstStart, printFirstStart } from '~/server/services/setup/first-start';

const env = getEnv();
const started = Date.now();
const app = await createAppServicesFromEnv();
try {
  const result = await firstStart(app, {
    demo: env.GONGWEN_DEMO_SEED !== '0',
    sealedDemoCases: env.GONGWEN_DEMO_SEALED,
    log: (message) => console.log(message),
  });
  if (result.kind === 'existing') console.log('[gongwen] 数据库已初始化，直接启动。');
  printFirstStart(result, (Date.now() - started) / 1000);
} finally {
  await app.close();
}
