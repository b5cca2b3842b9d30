import type { CaseRecord } from '@gongwen/core';
import type { SessionUser } from '~/server/api/context';
import type { AppServices } from '~/server/app-types';
import { distributeOutgoing } from '~/server/services/outgoing/distribute-outgoing';
import { DEMO_SEAL_PIN } from '~/server/services/outgoing/seal/create-sealer';
import { sealOutgoing } from '~/server/services/outgoing/seal-outgoing';
import { DEMO_UNIT_ID } from './org';

/** The secretary who seals, distributes, records 回执 and archives in the demo. */
const SECRETARY = 'zhaoli';

/** What `completeDemoOutgoing` did. */
export interface CompletedOutgoing {
  sealed: number;
  distributed: number;
  archived: number;
}

/**
 * The last steps of the oldest demo 发文 waiting for 盖章, with the real components: the
 * GB/T 9704 PDF rendered by LibreOffice and sealed with the unit's seal (the seeding engine
 * cannot, so `seedDemo` stops at 待盖章). Of `count` cases, all are sealed; the older
 * three quarters are distributed — a 收文 appears in 城关镇 for those addressed to it — and
 * of those the older two thirds get every external 回执 and are archived; the rest keep
 * receipts missing. Runs on the app's engine, at the current time, as the 秘书科科长.
 */
export async function completeDemoOutgoing(
  app: AppServices,
  opts: { count?: number; log?: (message: string) => void } = {},
): Promise<CompletedOutgoing> {
  const count = opts.count ?? 12;
  const user = await app.directory.getUser(SECRETARY);
  if (!user) throw new Error(`demo secretary ${SECRETARY} is missing`);
  const actor: SessionUser = {
    id: user.id,
    name: user.name,
    unitId: user.unitId,
    departmentId: user.departmentId,
    roles: user.roles,
  };
  const waiting: CaseRecord[] = [];
  for (let offset = 0; waiting.length < count; offset += 200) {
    const page = await app.store.listCases({
      unitId: DEMO_UNIT_ID,
      workflow: 'outgoing',
      status: 'active',
      limit: 200,
      offset,
    });
    waiting.push(...page.items.filter((c) => c.state === 'sealing'));
    if (page.items.length < 200) break;
  }
  const cases = waiting
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .slice(0, count);
  const done: CompletedOutgoing = { sealed: 0, distributed: 0, archived: 0 };
  const toDistribute = Math.ceil((cases.length * 3) / 4);
  const toArchive = Math.ceil((toDistribute * 2) / 3);
  for (const [i, c] of cases.entries()) {
    await sealOutgoing(app, actor, {
      caseId: c.id,
      commandId: `demo:${c.id}:seal`,
      pin: DEMO_SEAL_PIN,
    });
    done.sealed++;
    opts.log?.(`  盖章 ${done.sealed}/${cases.length}：${c.title}`);
    if (i >= toDistribute) continue;
    try {
      await distributeOutgoing(app, actor, { caseId: c.id });
    } catch (error) {
      // Left at 待分发 for a person to try; the reason is printed, never swallowed silently.
      const can = await app.engine.can({ caseId: c.id, actorId: SECRETARY });
      opts.log?.(
        `  分发未完成（${c.title}）：${String(error)}；可执行：${can.map((e) => e.type).join('、') || '无'}`,
      );
      continue;
    }
    done.distributed++;
    if (i >= toArchive) continue;
    const receipts = (await app.engine.tasks(c.id)).filter((t) => t.key.startsWith('receipt:'));
    for (const task of receipts) {
      await app.engine.send({
        caseId: c.id,
        actorId: SECRETARY,
        commandId: `demo:${c.id}:${task.key}`,
        event: {
          type: 'RECORD_RECEIPT',
          recipient: task.key.slice('receipt:'.length),
          receivedBy: '收发室',
        },
      });
    }
    await app.engine.send({
      caseId: c.id,
      actorId: SECRETARY,
      commandId: `demo:${c.id}:archive`,
      event: { type: 'ARCHIVE', note: '演示数据：分发完毕，归档' },
    });
    done.archived++;
  }
  return done;
}
