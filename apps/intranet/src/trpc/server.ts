import 'server-only';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { headers } from 'next/headers';
import { cache } from 'react';
import { appRouter, createCaller } from '~/server/api/root';
import { createTRPCContext } from '~/server/api/trpc';
import { makeQueryClient } from '~/trpc/query-client';

const createContext = cache(async () => {
  const h = new Headers(await headers());
  h.set('x-trpc-source', 'rsc');
  return createTRPCContext({ headers: h });
});

/** A QueryClient per request, for prefetching in server components. */
export const getQueryClient = cache(makeQueryClient);

/** Query options in server components: `queryClient.prefetchQuery(trpc.x.y.queryOptions())`. */
export const trpc = createTRPCOptionsProxy({
  router: appRouter,
  ctx: createContext,
  queryClient: getQueryClient,
});

/** Calls procedures directly from a server component, as the signed-in user. */
export async function serverCaller() {
  return createCaller(await createContext());
}
