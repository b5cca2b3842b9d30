'use client';

import { type ReactNode, useSyncExternalStore } from 'react';

const subscribe = () => () => undefined;

/**
 * Renders `children` only in the browser; the server sends `fallback`. For the pages behind
 * sign-in, whose data the browser fetches anyway: the server then renders just the frame,
 * which keeps the HTML response fast (see docs/benchmarks.md), and the page's own content
 * appears as soon as the bundle has hydrated.
 */
export function ClientOnly({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const inBrowser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  return inBrowser ? children : fallback;
}
