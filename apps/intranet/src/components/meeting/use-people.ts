'use client';

import { useMemo } from 'react';
import { useUnitOrg } from '~/components/incoming/use-unit-org';

/** Names and picker options of the unit's people and departments (from `incoming.org`). */
export function usePeople() {
  const unit = useUnitOrg();
  return useMemo(() => {
    const { org } = unit;
    const users = new Map(org.users.map((u) => [u.id, u]));
    const depts = new Map(org.departments.map((d) => [d.id, d]));
    // the engine's timers act as `$timer` (TIMER_ACTOR): reminders sent by the system
    const userName = (id: string | null | undefined) =>
      !id ? '' : id === '$timer' ? '系统' : (users.get(id)?.name ?? id);
    const userOption = (u: (typeof org.users)[number]) => ({
      value: u.id,
      label: `${u.name}${u.departmentId ? `（${depts.get(u.departmentId)?.name ?? ''}）` : ''}`,
    });
    return {
      loading: unit.loading,
      userName,
      deptName: (id: string | null | undefined) => (id ? (depts.get(id)?.name ?? id) : ''),
      /** Who stands for a department (its head). */
      headOf: (deptId: string) => depts.get(deptId)?.headUserId ?? null,
      userOptions: org.users.map(userOption),
      leaderOptions: org.users.filter((u) => u.roles.includes('leader')).map(userOption),
      departmentOptions: org.departments
        .filter((d) => d.parentId !== null && d.headUserId !== null)
        .map((d) => ({ value: d.id, label: d.name })),
      /** Departments whose head the user is. */
      departmentsHeadedBy: (userId: string) =>
        org.departments.filter((d) => d.headUserId === userId).map((d) => d.id),
    };
  }, [unit]);
}
