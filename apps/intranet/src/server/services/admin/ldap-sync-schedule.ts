import { type AppServices, db } from '~/server/app-types';
import { applyLdapSync } from './ldap-sync-apply';
import { ldapSyncConfigFromEnv } from './ldap-sync-config';

/** The unit a scheduled import fills: LDAP_SYNC_UNIT_ID, else the only unit. */
async function scheduledUnit(app: AppServices): Promise<string | null> {
  const fromEnv = process.env.LDAP_SYNC_UNIT_ID;
  if (fromEnv) return fromEnv;
  const units = await db(app).selectFrom('units').select('id').limit(2).execute();
  return units.length === 1 ? units[0]!.id : null;
}

/**
 * The scheduled import: every LDAP_SYNC_INTERVAL_MINUTES (off when unset or 0) applies the
 * sync as the system, refusing plans that deactivate more than LDAP_SYNC_MAX_DEACTIVATE_SHARE
 * (default 0.2) of the synced users. Returns a stopper, or null when not configured.
 */
export function startLdapSync(
  app: AppServices,
  onError: (e: unknown) => void = (e) => console.error('[gongwen] LDAP sync failed', e),
): (() => Promise<void>) | null {
  const minutes = Number(process.env.LDAP_SYNC_INTERVAL_MINUTES ?? 0);
  const config = ldapSyncConfigFromEnv();
  if (!config || !Number.isFinite(minutes) || minutes <= 0) return null;
  const share = Number(process.env.LDAP_SYNC_MAX_DEACTIVATE_SHARE ?? 0.2);
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = (async () => {
      const unitId = await scheduledUnit(app);
      if (!unitId) throw new Error('LDAP sync: set LDAP_SYNC_UNIT_ID (several units)');
      await applyLdapSync(
        app,
        unitId,
        config,
        { userId: null, ip: null },
        { maxDeactivateShare: share },
      );
    })()
      .catch(onError)
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, minutes * 60_000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
