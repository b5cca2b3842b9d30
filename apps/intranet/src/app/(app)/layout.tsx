import type { ReactNode } from 'react';
import { pageAccess } from '~/lib/page-access';
import { getApp } from '~/server/app';
import { enforcePageAccess } from '~/server/auth/page-guard';
import { requireUser } from '~/server/session';
import { AppShell } from './app-shell';

export const dynamic = 'force-dynamic';

/** Every page behind sign-in: the session is checked here, on the server, on each request. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  // A page the user may not open answers 403/404 here, before the page streams (with 200).
  await enforcePageAccess(user);
  const app = await getApp();
  const [unit, department] = await Promise.all([
    app.directory.getUnit(user.unitId),
    user.departmentId ? app.directory.getDepartment(user.departmentId) : null,
  ]);
  return (
    <AppShell
      user={{
        name: user.name,
        unitName: unit?.name ?? '',
        departmentName: department?.name ?? null,
        access: pageAccess(user),
      }}
    >
      {children}
    </AppShell>
  );
}
