import { sql } from 'kysely';
import { z } from 'zod';
import { createTRPCRouter, protectedProcedure } from '~/server/api/trpc';
import { db } from '~/server/app';

/** 站内消息: what the engine's outbox delivered to the user (new tasks, 催办, notices). */
export const notificationsRouter = createTRPCRouter({
  /** The newest messages and how many are unread (the bell polls this). */
  list: protectedProcedure
    .input(z.object({ limit: z.number().int().min(1).max(50).default(10) }).default({ limit: 10 }))
    .query(async ({ ctx, input }) => {
      const kdb = db(ctx.app);
      const [items, unread] = await Promise.all([
        kdb
          .selectFrom('app_notifications as n')
          .leftJoin('cases as c', 'c.id', 'n.case_id')
          .select([
            'n.id',
            'n.case_id',
            'c.workflow',
            'n.channel',
            'n.title',
            'n.body',
            'n.created_at',
            'n.read_at',
          ])
          .where('n.user_id', '=', ctx.user.id)
          .orderBy('n.created_at', 'desc')
          .orderBy('n.id')
          .limit(input.limit)
          .execute(),
        kdb
          .selectFrom('app_notifications')
          .select(sql<number>`count(*)::int`.as('n'))
          .where('user_id', '=', ctx.user.id)
          .where('read_at', 'is', null)
          .executeTakeFirst(),
      ]);
      return {
        unread: unread?.n ?? 0,
        items: items.map((n) => ({
          id: n.id,
          caseId: n.case_id,
          workflow: n.workflow ?? null,
          channel: n.channel,
          title: n.title,
          body: n.body,
          createdAt: new Date(n.created_at),
          read: n.read_at !== null,
        })),
      };
    }),

  /** Marks the given messages (or all of the user's) read. */
  markRead: protectedProcedure
    .input(z.object({ ids: z.array(z.string().min(1).max(64)).max(100).optional() }))
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
