'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTRPC } from '~/trpc/react';

/** The engine's workflows: Chinese titles and state labels, for filters and columns. */
export function useWorkflows() {
  const trpc = useTRPC();
  const q = useQuery({ ...trpc.tasks.workflows.queryOptions(), staleTime: 10 * 60_000 });
  return useMemo(() => {
    const list = q.data ?? [];
    const byName = new Map(list.map((w) => [w.name, w]));
    return {
      list,
      title: (name: string) => byName.get(name)?.title ?? name,
      stateLabel: (name: string, state: string) =>
        byName.get(name)?.stateLabels[state] ?? (state.includes(',') ? '办理中' : state),
    };
  }, [q.data]);
}
