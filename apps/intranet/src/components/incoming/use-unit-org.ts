'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { type RouterOutputs, useTRPC } from '~/trpc/react';

export type UnitOrg = RouterOutputs['incoming']['org'];

/** The unit's departments and people, with the lookups the pickers need. */
export function useUnitOrg() {
  const trpc = useTRPC();
  const q = useQuery({ ...trpc.incoming.org.queryOptions(), staleTime: 5 * 60_000 });
  return useMemo(() => {
    const org: UnitOrg = q.data ?? { departments: [], users: [] };
    const deptName = new Map(org.departments.map((d) => [d.id, d.name]));
    const subtree = (rootId: string): Set<string> => {
      const out = new Set([rootId]);
      let grew = true;
      while (grew) {
        grew = false;
        for (const d of org.departments)
          if (d.parentId && out.has(d.parentId) && !out.has(d.id)) {
            out.add(d.id);
            grew = true;
          }
      }
      return out;
    };
    const userOption = (u: UnitOrg['users'][number]) => ({
      value: u.id,
      label: `${u.name}${u.departmentId ? `（${deptName.get(u.departmentId) ?? ''}）` : ''}`,
    });
    const top = org.departments.filter((d) => d.parentId === null).map((d) => d.id);
    return {
      org,
      loading: q.isLoading,
      deptName: (id: string) => deptName.get(id) ?? id,
      /** 批示领导: people holding the leader role. */
      leaderOptions: org.users.filter((u) => u.roles.includes('leader')).map(userOption),
      /** 承办 departments: every department with a head. */
      handlingDepartmentOptions: org.departments
        .filter((d) => d.headUserId !== null && d.parentId !== null)
        .map((d) => ({ value: d.id, label: d.name })),
      /** 传阅 departments: directly under the unit's top department (never skipping a level). */
      circulateDepartmentOptions: org.departments
        .filter((d) => d.parentId !== null && top.includes(d.parentId) && d.headUserId !== null)
        .map((d) => ({ value: d.id, label: d.name })),
      /** Handlers: people of the department or below it. */
      handlerOptions: (departmentId: string) => {
        const ids = subtree(departmentId);
        return org.users.filter((u) => u.departmentId && ids.has(u.departmentId)).map(userOption);
      },
      /** Readers: people of the department itself. */
      readerOptions: (departmentId: string) =>
        org.users.filter((u) => u.departmentId === departmentId).map(userOption),
      /** Departments directly below one (传阅 passed one level down). */
      childDepartmentOptions: (departmentId: string) =>
        org.departments
          .filter((d) => d.parentId === departmentId)
          .map((d) => ({ value: d.id, label: d.name })),
    };
  }, [q.data, q.isLoading]);
}
