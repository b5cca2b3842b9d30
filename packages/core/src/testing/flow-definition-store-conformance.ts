import { beforeAll, describe, expect, it } from 'vitest';
import type { FlowDefinitionStore } from '../ports/flow-definition-store.ts';
import { LEAVE_TEMPLATE, SUPPLIES_TEMPLATE } from '../workflows/custom/templates.ts';
import { parseFlowDefinition } from '../workflows/custom/validate.ts';

/**
 * The conformance suite of a `FlowDefinitionStore`: versions numbered 1, 2 … per unit and key,
 * atomically under concurrent publishes, stored exactly, never changed by later publishes.
 */
export function describeFlowDefinitionStoreConformance(
  name: string,
  makeStore: () => Promise<FlowDefinitionStore>,
  options: { timeout?: number } = {},
): void {
  describe(`FlowDefinitionStore conformance: ${name}`, {
    timeout: options.timeout ?? 30_000,
  }, () => {
    let store: FlowDefinitionStore;
    const unit = `u${Math.random().toString(36).slice(2, 8)}`;
    const leave = parseFlowDefinition(LEAVE_TEMPLATE);
    const supplies = parseFlowDefinition(SUPPLIES_TEMPLATE);
    const at = new Date('2026-11-25T01:00:00Z');
    beforeAll(async () => {
      store = await makeStore();
    }, options.timeout ?? 60_000);

    it('numbers versions per unit and key and stores them exactly', async () => {
      const v1 = await store.publish({
        unitId: unit,
        definition: leave,
        publishedBy: 'gao',
        publishedAt: at,
      });
      expect(v1).toEqual({
        unitId: unit,
        key: 'leave',
        version: 1,
        title: '请假',
        definition: leave,
        publishedAt: at,
        publishedBy: 'gao',
      });
      const changed = { ...leave, title: '请休假' };
      const v2 = await store.publish({
        unitId: unit,
        definition: changed,
        publishedBy: 'gao',
        publishedAt: at,
      });
      expect(v2.version).toBe(2);
      const other = await store.publish({
        unitId: `${unit}x`,
        definition: leave,
        publishedBy: 'gao',
        publishedAt: at,
      });
      expect(other.version).toBe(1);
      expect(await store.get(unit, 'leave', 1)).toEqual(v1);
      expect(await store.get(unit, 'leave')).toEqual(v2);
      expect(await store.get(unit, 'leave', 9)).toBeNull();
      expect(await store.get(unit, 'nope')).toBeNull();
      expect((await store.versions(unit, 'leave')).map((v) => [v.version, v.title])).toEqual([
        [1, '请假'],
        [2, '请休假'],
      ]);
    });

    it('lists every version of a unit by key then version', async () => {
      await store.publish({
        unitId: unit,
        definition: supplies,
        publishedBy: 'gao',
        publishedAt: at,
      });
      expect((await store.all(unit)).map((v) => [v.key, v.version])).toEqual([
        ['leave', 1],
        ['leave', 2],
        ['supplies', 1],
      ]);
    });

    it('gives concurrent publishes distinct consecutive versions', async () => {
      const u = `${unit}c`;
      const out = await Promise.all(
        Array.from({ length: 5 }, () =>
          store.publish({ unitId: u, definition: supplies, publishedBy: 'gao', publishedAt: at }),
        ),
      );
      expect(out.map((v) => v.version).sort()).toEqual([1, 2, 3, 4, 5]);
    });
  });
}
