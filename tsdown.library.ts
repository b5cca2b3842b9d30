import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type UserConfig } from 'tsdown';

/**
 * The build of one publishable package: every `./src/*.ts` named in the package's "exports"
 * (the public entry points the workspace uses from source) becomes `dist/<same path>.mjs` with
 * its `.d.mts` and source maps. `scripts/pack.mjs` maps the published "exports" the same way.
 */
export function library(packageDir: string, extra: Partial<UserConfig> = {}): UserConfig {
  const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    exports: Record<string, string>;
  };
  const entry: Record<string, string> = {};
  for (const target of Object.values(pkg.exports)) {
    const m = /^\.\/src\/(.+)\.ts$/.exec(target);
    if (m?.[1]) entry[m[1]] = `src/${m[1]}.ts`;
  }
  const extraEntry = (extra.entry ?? {}) as Record<string, string>;
  return defineConfig({
    cwd: packageDir,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    fixedExtension: true,
    dts: true,
    sourcemap: true,
    clean: true,
    // The d.ts plugin is slow by nature; rolldown's note about it is noise in every build log.
    checks: { pluginTimings: false },
    // Dependencies and peers stay imports; nothing from node_modules is bundled.
    deps: { skipNodeModulesBundle: true, neverBundle: [/^@gongwen\//] },
    ...extra,
    entry: { ...entry, ...extraEntry },
  }) as UserConfig;
}
