/** Latency samples (ms) and the summary the tables print. */
export interface Summary {
  count: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
}

/** The q-th percentile (0..1) of samples, nearest-rank. */
export function percentile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

export function summarize(samples: readonly number[], seconds: number): Summary {
  return {
    count: samples.length,
    seconds,
    perSecond: samples.length / seconds,
    p50: percentile(samples, 0.5),
    p99: percentile(samples, 0.99),
  };
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Runs `op` in a loop on `clients` concurrent clients: a warm-up, then a fixed measuring
 * window; only operations started inside the window are counted. Returns the latencies (ms).
 */
export async function drive(opts: {
  clients: number;
  warmupMs: number;
  measureMs: number;
  op: (client: number) => Promise<void>;
  /** Called once when the measuring window opens. */
  onMeasure?: () => void;
}): Promise<number[]> {
  const samples: number[] = [];
  const start = performance.now();
  const measureFrom = start + opts.warmupMs;
  const end = measureFrom + opts.measureMs;
  let opened = false;
  const loop = async (client: number) => {
    for (;;) {
      const t0 = performance.now();
      if (t0 >= end) return;
      if (t0 >= measureFrom && !opened) {
        opened = true;
        opts.onMeasure?.();
      }
      await opts.op(client);
      if (t0 >= measureFrom) samples.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: opts.clients }, (_, i) => loop(i)));
  return samples;
}
