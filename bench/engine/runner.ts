import { drive, summarize } from './stats.ts';

/** One system under test: an operation per client, and optionally a query counter. */
export interface Runner {
  name: string;
  op: (client: number) => Promise<void>;
  /** Queries sent so far (to report round trips per transition). */
  queries?: () => number;
  close: () => Promise<void>;
}

export interface TransitionRun {
  clients: number;
  count: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  roundTrips: number | null;
}

/**
 * Measures the runners side by side at each client count: a warm-up each, then `rounds`
 * alternating slices (A, B, C, A, B, C, …) so that background load on a shared machine
 * falls on all of them alike. Returns one row per runner per client count.
 */
export async function compare(
  runners: readonly Runner[],
  opts: { clients: readonly number[]; warmupMs: number; measureMs: number; rounds: number },
): Promise<Map<string, TransitionRun[]>> {
  const out = new Map<string, TransitionRun[]>(runners.map((r) => [r.name, []]));
  const sliceMs = opts.measureMs / opts.rounds;
  for (const clients of opts.clients) {
    for (const r of runners) {
      await drive({ clients, warmupMs: opts.warmupMs, measureMs: 0, op: r.op });
    }
    const acc = runners.map(() => ({ samples: [] as number[], ops: 0, queries: 0 }));
    for (let round = 0; round < opts.rounds; round++) {
      for (const [i, r] of runners.entries()) {
        const a = acc[i]!;
        let q0 = 0;
        let ops = 0;
        const samples = await drive({
          clients,
          warmupMs: 300,
          measureMs: sliceMs,
          onMeasure: () => {
            q0 = r.queries?.() ?? 0;
            ops = 0;
          },
          op: async (c) => {
            await r.op(c);
            ops++;
          },
        });
        a.samples.push(...samples);
        a.ops += ops;
        a.queries += (r.queries?.() ?? 0) - q0;
      }
    }
    for (const [i, r] of runners.entries()) {
      const a = acc[i]!;
      const s = summarize(a.samples, opts.measureMs / 1000);
      out.get(r.name)!.push({
        clients,
        count: s.count,
        seconds: s.seconds,
        perSecond: s.perSecond,
        p50: s.p50,
        p99: s.p99,
        roundTrips: r.queries && a.ops > 0 ? a.queries / a.ops : null,
      });
    }
  }
  return out;
}
