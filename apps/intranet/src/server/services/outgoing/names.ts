import type { Recipient } from '@gongwen/core';
import { sql } from 'kysely';
import { type AppServices, db } from '~/server/app-types';
import { loadNames, type Names } from '~/server/services/cases/names';

/** Names of people, departments and units (for recipients on the platform). */
export interface OutgoingNames extends Names {
  unit(id: string | null | undefined): string;
  recipient(r: Recipient): string;
}

/** Loads the names a 发文 page shows: the unit's people and departments, and every unit. */
export async function loadOutgoingNames(app: AppServices, unitId: string): Promise<OutgoingNames> {
  const [names, units] = await Promise.all([
    loadNames(app, unitId),
    sql<{ id: string; name: string }>`SELECT id, name FROM units`.execute(db(app)),
  ]);
  const u = new Map(units.rows.map((r) => [r.id, r.name]));
  const unit = (id: string | null | undefined) => (id ? (u.get(id) ?? id) : '');
  return {
    ...names,
    unit,
    recipient: (r) => ('unitId' in r ? unit(r.unitId) : r.name),
  };
}
