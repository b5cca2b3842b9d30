import type { InboxRun } from './inbox.ts';
import type { TransitionRun } from './runner.ts';
import type { TimerRun } from './timers.ts';

const TARGETS = {
  ratio: 0.8,
  perSecond8: 1000,
  p99Ms: 25,
  inboxP50Ms: 5,
  timerLagP99Ms: 1000,
};

const n0 = (v: number) => Math.round(v).toLocaleString('en');
const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const mark = (ok: boolean) => (ok ? 'PASS' : 'MISS');
const row = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`;
const rule = (n: number) => row(Array.from({ length: n }, () => '---'));

export interface TransitionTables {
  baseline: TransitionRun[];
  postgres: TransitionRun[];
  pglite: TransitionRun[];
  measureMs: number;
  rounds: number;
}

export function transitionTable(t: TransitionTables): string[] {
  const out = [
    '### Durable transitions (one engine.send = one transaction; fsync on)',
    '',
    `Each cell: ${t.measureMs / 1000} s measured per configuration, in ${t.rounds} slices ` +
      'alternating baseline / PostgreSQL / PGlite after a warm-up.',
    '',
    row([
      'clients',
      'raw pg baseline tr/s',
      'p50 / p99 ms',
      'engine on PostgreSQL tr/s',
      'p50 / p99 ms',
      'engine / baseline',
      'engine on PGlite tr/s',
      'p50 / p99 ms',
      'round trips (base / engine)',
    ]),
    rule(9),
  ];
  for (const [i, b] of t.baseline.entries()) {
    const e = t.postgres[i]!;
    const l = t.pglite[i]!;
    const rt = (r: TransitionRun) => (r.roundTrips === null ? '?' : r.roundTrips.toFixed(1));
    out.push(
      row([
        b.clients,
        n0(b.perSecond),
        `${ms(b.p50)} / ${ms(b.p99)}`,
        n0(e.perSecond),
        `${ms(e.p50)} / ${ms(e.p99)}`,
        `${(e.perSecond / b.perSecond).toFixed(2)}×`,
        n0(l.perSecond),
        `${ms(l.p50)} / ${ms(l.p99)}`,
        `${rt(b)} / ${rt(e)}`,
      ]),
    );
  }
  const at8 = t.postgres.find((r) => r.clients === 8);
  const base8 = t.baseline.find((r) => r.clients === 8);
  if (at8 && base8) {
    const ratio = at8.perSecond / base8.perSecond;
    out.push(
      '',
      `- engine ≥ ${TARGETS.ratio}× baseline at 8 clients: ${ratio.toFixed(2)}× — ${mark(ratio >= TARGETS.ratio)}`,
      `- engine ≥ ${n0(TARGETS.perSecond8)} tr/s at 8 clients on PostgreSQL: ${n0(at8.perSecond)} — ${mark(at8.perSecond >= TARGETS.perSecond8)}`,
      `- engine p99 ≤ ${TARGETS.p99Ms} ms at 8 clients on PostgreSQL: ${ms(at8.p99)} ms — ${mark(at8.p99 <= TARGETS.p99Ms)}`,
    );
  }
  return out;
}

export function inboxTable(r: InboxRun): string[] {
  const size = `${n0(r.rows.tasks)} tasks / ${n0(r.rows.open)} open / ${n0(r.rows.users)} users`;
  return [
    `### Inbox (待办), ${size}, first page of 20, 1 client`,
    '',
    row(['query', 'p50 ms', 'p99 ms', 'queries', 'target p50 ≤ 5 ms']),
    rule(5),
    row([
      'engine.inbox({ actorId })',
      ms(r.engine.p50),
      ms(r.engine.p99),
      r.engine.n,
      mark(r.engine.p50 <= TARGETS.inboxP50Ms),
    ]),
    row([
      'store.inbox (raw)',
      ms(r.store.p50),
      ms(r.store.p99),
      r.store.n,
      mark(r.store.p50 <= TARGETS.inboxP50Ms),
    ]),
    '',
    `Seeded with INSERT … SELECT in ${r.seedSeconds.toFixed(1)} s (${n0(r.rows.cases)} cases, ` +
      `${n0(r.rows.candidates)} candidate rows); ${r.meanItems.toFixed(1)} items per page on average.`,
  ];
}

export function timerTable(r: TimerRun, workers: number): string[] {
  const out = [
    `### Timers (催办), ${workers} workers (engine.startTimerWorker, one process)`,
    '',
    row([
      'phase',
      'due',
      'fired',
      'exactly once',
      'lag p50 ms',
      'lag p99 ms',
      'lag max ms',
      'fired/s',
      'target',
    ]),
    rule(9),
  ];
  for (const p of r.phases) {
    const once = p.fired === p.due && p.exactlyOnce === p.due;
    const lagOk = p.lagP99 <= TARGETS.timerLagP99Ms;
    out.push(
      row([
        p.label,
        n0(p.due),
        n0(p.fired),
        `${n0(p.exactlyOnce)} (dup ${p.duplicated}, missing ${p.missing}) ${mark(once)}`,
        ms(p.lagP50),
        ms(p.lagP99),
        ms(p.lagMax),
        n0(p.perSecond),
        p.label.startsWith('drain') ? 'drain (informative)' : `lag p99 ≤ 1 s: ${mark(lagOk)}`,
      ]),
    );
  }
  out.push(
    '',
    `${n0(r.phases[0]?.due ?? 0)} cases started through engine.start in ${r.startSeconds.toFixed(1)} s.`,
  );
  return out;
}
