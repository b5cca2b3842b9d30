/** A background loop that can be stopped. */
export interface BackgroundWorker {
  /** Stops polling and waits for the current pass to finish. */
  stop(): Promise<void>;
}

/**
 * Runs `pass` until stopped: again at once when it reports a full batch, otherwise after
 * `waitMs()` (capped by the caller), waking early on `stop`. Errors go to `onError`.
 */
export function pollLoop(
  pass: () => Promise<{ full: boolean }>,
  waitMs: () => Promise<number>,
  onError: ((error: unknown) => void) | undefined,
): BackgroundWorker {
  let stopped = false;
  let wake: (() => void) | null = null;
  const loop = (async () => {
    while (!stopped) {
      let full = false;
      try {
        full = (await pass()).full;
      } catch (e) {
        // The store may be briefly unavailable; try again on the next tick.
        onError?.(e);
      }
      if (full || stopped) continue;
      let ms: number;
      try {
        ms = await waitMs();
      } catch (e) {
        onError?.(e);
        ms = 1000;
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, ms);
        wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
      wake = null;
    }
  })();
  return {
    async stop() {
      stopped = true;
      (wake as (() => void) | null)?.();
      await loop;
    },
  };
}
