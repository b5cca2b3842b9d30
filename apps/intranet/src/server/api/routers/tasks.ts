import { z } from 'zod';
import { ZDoneFilter, ZInboxFilter } from '~/lib/schemas/tasks';
import { createTRPCRouter, protectedProcedure } from '~/server/api/trpc';
import { listDone } from '~/server/services/tasks/list-done';
import { inboxCounts, listInbox } from '~/server/services/tasks/list-inbox';

/** 待办 / 已办 across all workflows, and the workflows the engine runs (filter options). */
export const tasksRouter = createTRPCRouter({
  inbox: protectedProcedure
    .input(ZInboxFilter)
    .query(({ ctx, input }) => listInbox(ctx.app, ctx.user, input)),

  done: protectedProcedure
    .input(ZDoneFilter)
    .query(({ ctx, input }) => listDone(ctx.app, ctx.user, input)),

  counts: protectedProcedure.query(({ ctx }) => inboxCounts(ctx.app, ctx.user)),

  /** The registered workflows with their Chinese titles and state labels. */
  workflows: protectedProcedure
    .output(
      z.array(
        z.object({
          name: z.string(),
          title: z.string(),
          stateLabels: z.record(z.string(), z.string()),
        }),
      ),
    )
    .query(({ ctx }) => {
      const { registry } = ctx.app.engine;
      const names = [...new Set(registry.all().map((d) => d.name))];
      return names.map((name) => {
        const latest = registry.get(name);
        return { name, title: latest.title, stateLabels: { ...(latest.stateLabels ?? {}) } };
      });
    }),
});
