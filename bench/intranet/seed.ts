/**
 * Fills the benchmark database up to N 收文 cases, beyond the demo data, through the engine
 * (never raw rows): each one registered by a secretary, so the 秘书科科长's 待办 holds them all.
 */
import { createPostgresStore } from '@gongwen/adapters/postgres';
import {
  createChineseCalendar,
  createIncomingWorkflow,
  createStoreDirectory,
  createWorkflowEngine,
} from '@gongwen/core';

const SENDERS = ['市人民政府办公室', '省财政厅', '市教育局', '市卫生健康委员会', '市交通运输局'];
const TOPICS = [
  '关于做好冬春季森林防火工作的通知',
  '关于报送年度财政预算执行情况的函',
  '关于开展安全生产大检查的通知',
  '关于加强农村饮水安全工作的意见',
  '关于做好春节期间市场保供稳价工作的通知',
  '关于印发重点项目推进方案的通知',
];

/** Registers cases until the unit has `total` 收文 cases; returns how many were added. */
export async function seedCases(opts: {
  databaseUrl: string;
  total: number;
  unitId: string;
  registrar: string;
  log: (m: string) => void;
}): Promise<number> {
  const store = await createPostgresStore({ connectionString: opts.databaseUrl, max: 8 });
  try {
    const calendar = createChineseCalendar();
    const engine = createWorkflowEngine({
      store,
      directory: createStoreDirectory(store.directory),
      calendar,
      workflows: [createIncomingWorkflow({ calendar })],
    });
    const { total: existing } = await store.listCases({
      unitId: opts.unitId,
      workflow: 'incoming',
      limit: 1,
      offset: 0,
    });
    const missing = Math.max(0, opts.total - existing);
    let next = 0;
    const started = performance.now();
    const worker = async () => {
      for (;;) {
        const i = next++;
        if (i >= missing) return;
        const sender = SENDERS[i % SENDERS.length]!;
        await engine.start({
          workflow: 'incoming',
          actorId: opts.registrar,
          commandId: `bench-register-${i}`,
          input: {
            title: `${TOPICS[i % TOPICS.length]!.replace('关于', `关于（第${i + 1}号）`)}`,
            senderUnit: sender,
            senderDocNumber: `${sender.slice(0, 2)}发〔2026〕${(i % 300) + 1}号`,
            receivedDate: '2026-11-20',
            docType: '通知',
            secrecy: '非密',
            urgency: i % 10 === 0 ? '加急' : '普通',
            headType: '红头',
            direction: '上级来文',
            copies: 1,
            pages: 3,
            attachments: [],
          },
        });
        if (i > 0 && i % 2000 === 0) opts.log(`  ${i} / ${missing} registered`);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    opts.log(
      `registered ${missing} cases in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return missing;
  } finally {
    await store.close();
  }
}
