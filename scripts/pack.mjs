#!/usr/bin/env node
// Builds and packs the publishable packages (@gongwen/core, adapters, seal, documents).
//
// Inside the workspace every package's "exports" name its TypeScript sources (./src/*.ts), so
// tests, type checks, the intranet's Next build, examples and benchmarks always run the code
// as it is on disk, with no build step and no stale dist/. What is published is built: this
// script runs tsdown (dist/: ESM, .d.mts, source maps), then stages each package in
// .pack/stage/<dir>/ with only its "files" and a manifest whose "exports", "main", "types"
// and "bin" point into dist/ (./src/X.ts → { types: ./dist/X.d.mts, import: ./dist/X.mjs }),
// without scripts and devDependencies, and runs `npm pack` there. Nothing in the workspace is
// rewritten, so packing never disturbs anyone running tests at the same time.
//
//   node scripts/pack.mjs                 build, stage, pack → .pack/*.tgz, print a table
//   node scripts/pack.mjs --no-build      reuse dist/ as built
//   node scripts/pack.mjs --out DIR       write stage/ and the tarballs into DIR
//   node scripts/pack.mjs --lint          … then publint and attw on every packed package
//   node scripts/pack.mjs --dry-run       … then `npm publish --dry-run` of every tarball
//   node scripts/pack.mjs --publish       … then `npm publish` of every tarball not yet published
//   node scripts/pack.mjs --refuse-in-place   (the packages' prepack) stops a direct `npm pack`
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

export const PACKAGES = ['core', 'adapters', 'seal', 'documents'];
const root = resolve(import.meta.dirname, '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: join(root, '.pack') },
    'no-build': { type: 'boolean', default: false },
    lint: { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
    publish: { type: 'boolean', default: false },
    'refuse-in-place': { type: 'boolean', default: false },
  },
});

if (values['refuse-in-place']) {
  console.error(
    `${JSON.parse(readFileSync('package.json', 'utf8')).name}: its package.json exports TypeScript sources for the workspace.\n` +
      'Pack or publish the built package instead: npm run pack:packages (scripts/pack.mjs), npm run release.',
  );
  process.exit(1);
}

const run = (cmd, args, cwd, opts = {}) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], ...opts });

/** The published manifest: exports, main, types and bin into dist/; no scripts or devDependencies. */
export function publishedManifest(pkg) {
  const { scripts, devDependencies, ...out } = pkg;
  const toDist = (target) => {
    const m = /^\.\/src\/(.+)\.ts$/.exec(target);
    return m ? { types: `./dist/${m[1]}.d.mts`, import: `./dist/${m[1]}.mjs` } : target;
  };
  out.exports = Object.fromEntries(Object.entries(pkg.exports).map(([k, v]) => [k, toDist(v)]));
  const main = out.exports['.'];
  const manifest = {};
  for (const [k, v] of Object.entries(out)) {
    if (k === 'exports' && typeof main === 'object') {
      manifest.main = main.import;
      manifest.types = main.types;
    }
    manifest[k] = v;
  }
  if (pkg.bin) {
    manifest.bin = Object.fromEntries(
      Object.keys(pkg.bin).map((name) => [name, `./dist/${name}.mjs`]),
    );
  }
  return manifest;
}

const out = resolve(values.out);
rmSync(join(out, 'stage'), { recursive: true, force: true });
mkdirSync(join(out, 'stage'), { recursive: true });

const results = [];
for (const dir of PACKAGES) {
  const pkgDir = join(root, 'packages', dir);
  if (!values['no-build']) {
    process.stderr.write(`building @gongwen/${dir} …\n`);
    run(bin('tsdown'), ['--log-level', 'warn'], pkgDir, {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NODE_NO_WARNINGS: '1' },
    });
  }
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const stage = join(out, 'stage', dir);
  mkdirSync(stage, { recursive: true });
  for (const f of pkg.files) {
    if (!existsSync(join(pkgDir, f)))
      throw new Error(`${pkg.name}: "files" names ${f}, which does not exist`);
    cpSync(join(pkgDir, f), join(stage, f), { recursive: true });
  }
  const manifest = publishedManifest(pkg);
  const targets = [
    ...Object.values(manifest.exports).flatMap((v) =>
      typeof v === 'string' ? [v] : Object.values(v),
    ),
    ...Object.values(manifest.bin ?? {}),
  ];
  for (const t of targets) {
    if (t !== './package.json' && !existsSync(join(stage, t))) {
      throw new Error(`${pkg.name}: ${t} is missing from the build (run without --no-build?)`);
    }
  }
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const [packed] = JSON.parse(
    run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', out], stage),
  );
  results.push({
    name: pkg.name,
    version: pkg.version,
    stage,
    tarball: join(out, packed.filename),
    size: packed.size,
    unpackedSize: packed.unpackedSize,
    files: packed.entryCount,
  });
}

const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
console.log('package              version  files  tarball    unpacked');
for (const r of results) {
  console.log(
    `${r.name.padEnd(20)} ${r.version.padEnd(8)} ${String(r.files).padStart(5)}  ${kb(r.size).padStart(9)}  ${kb(r.unpackedSize).padStart(10)}`,
  );
}
writeFileSync(join(out, 'packed.json'), `${JSON.stringify(results, null, 2)}\n`);

let failed = false;
if (values.lint) {
  for (const r of results) {
    for (const [cmd, args] of [
      [bin('publint'), ['run', r.stage, '--strict']],
      [bin('attw'), [r.tarball, '--profile', 'esm-only', '--format', 'table-flipped']],
    ]) {
      try {
        const text = run(cmd, args, root, { stdio: ['ignore', 'pipe', 'pipe'] });
        console.log(`\n${r.name}: ${cmd.split('/').pop()}\n${text.trim()}`);
      } catch (e) {
        failed = true;
        console.log(
          `\n${r.name}: ${cmd.split('/').pop()} FAILED\n${e.stdout ?? ''}${e.stderr ?? ''}`,
        );
      }
    }
  }
}
if (values['dry-run'] || values.publish) {
  for (const r of results) {
    if (values.publish) {
      let published = false;
      try {
        published = run('npm', ['view', `${r.name}@${r.version}`, 'version'], root).trim() !== '';
      } catch {}
      if (published) {
        console.log(`${r.name}@${r.version} is already published`);
        continue;
      }
    }
    const args = [
      'publish',
      r.tarball,
      '--access',
      'public',
      ...(values.publish ? [] : ['--dry-run']),
    ];
    execFileSync('npm', args, { cwd: dirname(r.tarball), stdio: 'inherit' });
  }
}
process.exit(failed ? 1 : 0);
