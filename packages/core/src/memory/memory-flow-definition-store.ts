import type { FlowDefinitionStore, StoredFlowVersion } from '../ports/flow-definition-store.ts';

/** The reference `FlowDefinitionStore`, in memory (tests, examples). */
export function createMemoryFlowDefinitionStore(): FlowDefinitionStore {
  const rows: StoredFlowVersion[] = [];
  const copy = (r: StoredFlowVersion): StoredFlowVersion => structuredClone(r);
  const of = (unitId: string, key: string) =>
    rows.filter((r) => r.unitId === unitId && r.key === key).sort((a, b) => a.version - b.version);
  return {
    async publish({ unitId, definition, publishedBy, publishedAt }) {
      const version = (of(unitId, definition.key).at(-1)?.version ?? 0) + 1;
      const row: StoredFlowVersion = {
        unitId,
        key: definition.key,
        version,
        title: definition.title,
        definition: structuredClone(definition),
        publishedAt: new Date(publishedAt),
        publishedBy,
      };
      rows.push(row);
      return copy(row);
    },
    async get(unitId, key, version) {
      const list = of(unitId, key);
      const row = version === undefined ? list.at(-1) : list.find((r) => r.version === version);
      return row ? copy(row) : null;
    },
    async versions(unitId, key) {
      return of(unitId, key).map(copy);
    },
    async all(unitId) {
      return rows
        .filter((r) => r.unitId === unitId)
        .sort((a, b) => a.key.localeCompare(b.key) || a.version - b.version)
        .map(copy);
    },
  };
}
