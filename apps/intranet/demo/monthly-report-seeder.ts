import { MONTHLY_REPORT_WORKFLOW } from '@gongwen/core';
import type { DemoSeeder, DemoSeederContext, SeedAction } from './seeder';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** `YYYY-MM` of the month `back` months before the one `now` falls in (Beijing time). */
function monthBefore(now: Date, back: number): string {
  const local = new Date(now.getTime() + 8 * HOUR);
  const d = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - back, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Who writes each department's report, and what it says. */
const WRITERS: ReadonlyArray<{ departmentId: string; by: string; done: string; plan: string }> = [
  {
    departmentId: 'finance',
    by: 'zhuhongmei',
    done: '完成月度财政收支分析，组织全县预算单位开展国库集中支付培训。',
    plan: '做好年度预算执行分析和下年度预算编制准备。',
  },
  {
    departmentId: 'education',
    by: 'luojia',
    done: '完成秋季学期学生资助发放，开展校园安全专项检查12次。',
    plan: '组织期末教学质量监测，推进城区学校扩容项目。',
  },
  {
    departmentId: 'health',
    by: 'liangchen',
    done: '完成冬季传染病防控部署，家庭医生签约新增860人。',
    plan: '开展基层医疗机构服务能力评估。',
  },
  {
    departmentId: 'transport',
    by: 'hanbing',
    done: '完成农村公路养护里程46公里，整治道路安全隐患9处。',
    plan: '做好冬季道路除冰保畅准备。',
  },
  {
    departmentId: 'drc',
    by: 'yuyang',
    done: '完成重点项目月度调度，新入库项目5个。',
    plan: '组织重点项目年度考核。',
  },
];

/** How far each report of last month has come: 已归档, 已登记, 已报, 退回修改, 拟稿中. */
const LAST_MONTH_STEPS = [4, 3, 2, 'returned', 0] as const;

/** The 工作月报 seeder: every writer's report of the month before last, filed; last month's at each step. */
export function monthlyReportSeeder(): DemoSeeder {
  return {
    name: 'monthly-report',
    plan(ctx: DemoSeederContext) {
      const actions: SeedAction[] = [];
      let cases = 0;
      const script = (
        month: string,
        w: (typeof WRITERS)[number],
        at: Date,
        steps: number | 'returned',
      ) => {
        const caseId = `demo-monthly-${w.departmentId}-${month}`;
        let n = 0;
        let t = at.getTime();
        const push = (actorId: string, label: string, run: SeedAction['run']) => {
          actions.push({
            at: new Date(t),
            label: `工作月报 ${caseId} ${label} by ${actorId}`,
            run,
          });
          t += 2 * HOUR;
        };
        const send = (actorId: string, event: { type: string; [k: string]: unknown }) => {
          const commandId = `demo:${caseId}:${n++}`;
          push(actorId, event.type, ({ engine }) =>
            engine.send({ caseId, actorId, commandId, event }),
          );
        };
        const input = {
          month,
          departmentId: w.departmentId,
          done: w.done,
          problems: '无。',
          plan: w.plan,
        };
        const commandId = `demo:${caseId}:${n++}`;
        push(w.by, 'start', ({ engine }) =>
          engine.start({
            workflow: MONTHLY_REPORT_WORKFLOW,
            actorId: w.by,
            commandId,
            caseId,
            input,
          }),
        );
        cases++;
        if (steps === 'returned') {
          send(w.by, { type: 'SUBMIT' });
          send('zhaoli', { type: 'RETURN', reason: '请补充本月道路安全隐患整治的具体情况。' });
          return;
        }
        if (steps >= 2) send(w.by, { type: 'SUBMIT' });
        if (steps >= 3) send('huangjing', { type: 'REGISTER', note: '已登记' });
        if (steps >= 4) send('zhaoli', { type: 'ARCHIVE' });
      };
      const earlier = monthBefore(ctx.now, 2);
      const last = monthBefore(ctx.now, 1);
      WRITERS.forEach((w, i) => {
        script(earlier, w, new Date(ctx.now.getTime() - 40 * DAY + i * HOUR), 4);
        script(
          last,
          w,
          new Date(ctx.now.getTime() - 3 * DAY + i * 12 * HOUR),
          LAST_MONTH_STEPS[i]!,
        );
      });
      return { cases, actions };
    },
  };
}
