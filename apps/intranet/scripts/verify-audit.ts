/**
 * `npm run audit:verify`: checks the audit log's hash chain now (for cron or an auditor at the
 * console), records the outcome in the log (`audit.verify`, trigger `script`) and exits 1 when
 * the chain is broken, printing each problem with its 序号.
 */
import { createAppServicesFromEnv } from '~/server/app';
import { verifyAndRecord } from '~/server/services/audit/verify-audit';

const app = await createAppServicesFromEnv();
try {
  const r = await verifyAndRecord(app, { kind: 'script' });
  if (r.ok) {
    console.log(
      `[gongwen] 审计日志完整：${r.rows} 条记录，链头序号 ${r.head.seq}，链头哈希 ${r.head.hash}`,
    );
  } else {
    console.error(`[gongwen] 审计日志完整性校验失败（${r.problems.length} 处）：`);
    for (const p of r.problems) console.error(`  第 ${p.seq ?? '—'} 条：${p.problem}`);
    process.exitCode = 1;
  }
} finally {
  await app.close();
}
