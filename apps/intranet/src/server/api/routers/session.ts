import { createTRPCRouter, protectedProcedure } from '~/server/api/trpc';

/** The signed-in user: who they are, their unit and department (header, menus). */
export const sessionRouter = createTRPCRouter({
  me: protectedProcedure.query(async ({ ctx }) => {
    const { user, app } = ctx;
    const [unit, department] = await Promise.all([
      app.directory.getUnit(user.unitId),
      user.departmentId ? app.directory.getDepartment(user.departmentId) : null,
    ]);
    return {
      ...user,
      unitName: unit?.name ?? null,
      departmentName: department?.name ?? null,
      isAdmin: user.roles.includes('admin'),
    };
  }),
});
