import type { FlowDefinition } from '../workflows/custom/format.ts';

/** A published version of a custom flow as stored: immutable once written. */
export interface StoredFlowVersion {
  unitId: string;
  key: string;
  /** 1, 2, … per unit and key. */
  version: number;
  title: string;
  definition: FlowDefinition;
  publishedAt: Date;
  publishedBy: string;
}

/**
 * Persistence of published custom-flow versions (流程管理). Versions are append-only: there is
 * no update; publishing again makes the next version.
 */
export interface FlowDefinitionStore {
  /** Stores `definition` as the next version of its key in the unit (atomically, even under concurrent publishes). */
  publish(args: {
    unitId: string;
    definition: FlowDefinition;
    publishedBy: string;
    publishedAt: Date;
  }): Promise<StoredFlowVersion>;
  /** One version of a key, or its latest when `version` is omitted; null when there is none. */
  get(unitId: string, key: string, version?: number): Promise<StoredFlowVersion | null>;
  /** Every version of a key, oldest first. */
  versions(unitId: string, key: string): Promise<StoredFlowVersion[]>;
  /** Every version of every key of a unit, by key then version (what an engine registers). */
  all(unitId: string): Promise<StoredFlowVersion[]>;
}
