/**
 * CPU profile of the intranet server while it answers one page over and over (not part of
 * `npm run bench`): `GONGWEN_PG_URL=… npx tsx bench/intranet/profile.ts /inbox 300` writes a
 * .cpuprofile into BENCH_PROFILE_DIR (default /tmp/gongwen-profile) and prints the functions
 * with the most self time. Demo data only (no 10,000 cases): it is for where rendering goes.
 */
import { mkdir, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshDatabase } from '../engine/databases.ts';
import { ensureBuild, firstStart, freePort, serverEnv, startServer } from './server.ts';
import { signIn } from './session.ts';

const clusterUrl = process.env.GONGWEN_PG_URL;
if (!clusterUrl) throw new Error('GONGWEN_PG_URL is not set');
const path = process.argv[2] ?? '/inbox';
const count = Number(process.argv[3] ?? 300);
const profileDir = process.env.BENCH_PROFILE_DIR ?? '/tmp/gongwen-profile';
const log = (m: string) => process.stderr.write(`[profile] ${m}\n`);

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
}

async function main() {
  ensureBuild(log);
  const databaseUrl = await freshDatabase(clusterUrl!, 'gw_profile_intranet');
  const blobDir = await mkdtemp(join(tmpdir(), 'gongwen-profile-blobs-'));
  const port = await freePort();
  const env = serverEnv({ databaseUrl, blobDir, port });
  firstStart(env);
  await mkdir(profileDir, { recursive: true });
  const server = await startServer(env, port, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`]);
  try {
    const cookie = await signIn(server.baseURL, 'zhaoli', 'Gongwen@2026');
    const started = performance.now();
    for (let i = 0; i < count; i += 1) {
      const res = await fetch(`${server.baseURL}${path}`, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
      await res.arrayBuffer();
    }
    log(`${count} × GET ${path}: ${((performance.now() - started) / count).toFixed(1)} ms each`);
  } finally {
    await server.stop();
  }
  const files = (await readdir(profileDir)).filter((f) => f.endsWith('.cpuprofile')).sort();
  const newest = files.at(-1);
  if (!newest) throw new Error('no profile written');
  const profile = JSON.parse(await readFile(join(profileDir, newest), 'utf8')) as {
    nodes: Node[];
  };
  const self = new Map<string, number>();
  let total = 0;
  for (const n of profile.nodes) {
    const url = n.callFrame.url.replace(/^.*node_modules\//, '').replace(/^.*\.next-bench\//, '');
    const key = `${n.callFrame.functionName || '(anonymous)'} ${url}:${n.callFrame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + n.hitCount);
    total += n.hitCount;
  }
  const byPackage = new Map<string, number>();
  for (const [key, hits] of self) {
    const m = key.match(/ ((?:@[^/]+\/)?[^/:]+)/);
    const pkg = m?.[1] ?? '?';
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + hits);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`)
      .join('\n');
  console.log(`profile ${join(profileDir, newest)}\n\nself time by function:\n${top(self, 30)}`);
  console.log(`\nself time by package/file:\n${top(byPackage, 20)}`);
}

await main();
