import { Client } from 'ldapts';
import { type DirectoryEntry, normaliseDn } from './ldap-entries';
import type { LdapSyncConfig } from './ldap-sync-config';

/** A filter in parentheses, as `(&…)` wants its parts. */
const wrap = (f: string) => (f.startsWith('(') ? f : `(${f})`);

/**
 * Binds with the sync's service account and reads, paged, the people under `userBase`, the
 * organisational units under `departmentBase` and (with `disabledFilter`) the DNs of the
 * people disabled there.
 */
export async function readDirectory(config: LdapSyncConfig): Promise<{
  people: DirectoryEntry[];
  units: DirectoryEntry[];
  disabled: Set<string>;
}> {
  const timeout = config.timeoutMs ?? 10_000;
  const client = new Client({ url: config.url, timeout, connectTimeout: timeout });
  try {
    await client.bind(config.bindDn, config.bindPassword);
    const personAttributes = [config.loginAttribute, ...config.nameAttributes];
    const { searchEntries: people } = await client.search(config.userBase, {
      scope: 'sub',
      filter: config.userFilter,
      attributes: personAttributes,
      paged: { pageSize: 500 },
    });
    const { searchEntries: units } = await client.search(config.departmentBase, {
      scope: 'sub',
      filter: config.departmentFilter,
      attributes: ['ou', ...config.departmentNameAttributes],
      paged: { pageSize: 500 },
    });
    const disabled = new Set<string>();
    if (config.disabledFilter) {
      const { searchEntries } = await client.search(config.userBase, {
        scope: 'sub',
        filter: `(&${wrap(config.userFilter)}${wrap(config.disabledFilter)})`,
        attributes: ['dn'],
        paged: { pageSize: 500 },
      });
      for (const e of searchEntries) disabled.add(normaliseDn(e.dn));
    }
    return { people, units, disabled };
  } finally {
    await client.unbind().catch(() => {});
  }
}
