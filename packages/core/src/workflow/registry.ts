import { NotFound } from '../errors.ts';
import type { WorkflowDefinition } from './definition.ts';

/** Workflow definitions by name and version. */
export interface WorkflowRegistry {
  /** The definition of `name` at `version`, or the latest version when omitted; throws NotFound. */
  get(name: string, version?: number): WorkflowDefinition;
  /** Every registered definition. */
  all(): WorkflowDefinition[];
}

/** Builds a registry; throws TypeError on a duplicate (name, version). */
export function createRegistry(definitions: readonly WorkflowDefinition[]): WorkflowRegistry {
  const byName = new Map<string, Map<number, WorkflowDefinition>>();
  for (const def of definitions) {
    const versions = byName.get(def.name) ?? new Map<number, WorkflowDefinition>();
    if (versions.has(def.version)) {
      throw new TypeError(`workflow ${def.name} v${def.version} is registered twice`);
    }
    versions.set(def.version, def);
    byName.set(def.name, versions);
  }
  return {
    get(name, version) {
      const versions = byName.get(name);
      if (!versions) throw new NotFound(`没有名为 ${name} 的流程`, { workflow: name });
      const v = version ?? Math.max(...versions.keys());
      const def = versions.get(v);
      if (!def) throw new NotFound(`流程 ${name} 没有版本 ${v}`, { workflow: name, version: v });
      return def;
    },
    all: () => [...byName.values()].flatMap((m) => [...m.values()]),
  };
}
