import { z } from 'zod';
import { createTRPCRouter, protectedProcedure } from '~/server/api/trpc';
import { db } from '~/server/app-types';
import { listNotifications } from '~/server/services/notifications/list-notifications';

/** 站内消息: what the engine's outbox delivered to the user (new tasks, 催办, notices). */
export const notificationsRouter = createTRPCRouter({
  /** The newest messages and how many are unread (the bell polls this); see listNotifications. */
  list: protectedProcedure
    .input(
      z.strictObject({ limit: z.number().int().min(1).max(50).default(10) }).default({ limit: 10 }),
    )
    .query(({ ctx, input }) => listNotifications(ctx.app, ctx.user.id, input.limit)),

  /** Marks the given messages (or all of the user's) read. */
  markRead: protectedProcedure
    .input(z.strictObject({ ids: z.array(z.string().min(1).max(64)).max(100).optional() }))
    .mutation(async ({ ctx, input }) => {
      let q = db(ctx.app)
        .updateTable('app_notifications')
        .set({ read_at: ctx.app.clock.now() })
        .where('user_id', '=', ctx.user.id)
        .where('read_at', 'is', null);
      if (input.ids) {
        if (input.ids.length === 0) return { updated: 0 };
        q = q.where('id', 'in', input.ids);
      }
      const r = await q.executeTakeFirst();
      return { updated: Number(r.numUpdatedRows) };
    }),
});
