/**
 * How the directory maps onto users and departments (LDAP_SYNC_* environment variables; see
 * docs/security.md). People are entries under `userBase` matching `userFilter`; departments
 * are the organisational units under `departmentBase`; a person belongs to the unit of the
 * entry that holds them.
 */
export interface LdapSyncConfig {
  url: string;
  bindDn: string;
  bindPassword: string;
  /** Subtree searched for people (LDAP_SYNC_USER_BASE, default LDAP_BASE_DN). */
  userBase: string;
  /** LDAP_SYNC_USER_FILTER, default `(objectClass=inetOrgPerson)`; AD: `(&(objectCategory=person)(objectClass=user))`. */
  userFilter: string;
  /** The sign-in name, which becomes the user id (LDAP_SYNC_LOGIN_ATTRIBUTE: `uid`; AD `sAMAccountName`). */
  loginAttribute: string;
  /** Tried in order for the display name (LDAP_SYNC_NAME_ATTRIBUTES: `displayName,cn`). */
  nameAttributes: string[];
  /** Subtree whose organisational units become departments (LDAP_SYNC_DEPARTMENT_BASE, default userBase). */
  departmentBase: string;
  /** LDAP_SYNC_DEPARTMENT_FILTER, default `(objectClass=organizationalUnit)`. */
  departmentFilter: string;
  /** Tried in order for a department's name (LDAP_SYNC_DEPARTMENT_NAME_ATTRIBUTES: `description,ou`). */
  departmentNameAttributes: string[];
  /** People matching this filter count as gone (AD: `(userAccountControl:1.2.840.113556.1.4.803:=2)`). */
  disabledFilter: string | null;
  /** Roles of people the sync creates (LDAP_SYNC_DEFAULT_ROLES, default `staff`). */
  defaultRoles: string[];
  timeoutMs?: number;
}

const split = (v: string | undefined, d: string) =>
  (v ?? d)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The sync's settings from the environment, or null when LDAP_URL / LDAP_BASE_DN are not set. */
export function ldapSyncConfigFromEnv(
  env: Record<string, string | undefined> = process.env,
): LdapSyncConfig | null {
  const e = (k: string) => (env[k] && env[k] !== '' ? env[k] : undefined);
  const url = e('LDAP_URL');
  const base = e('LDAP_BASE_DN');
  if (!url || !base) return null;
  const userBase = e('LDAP_SYNC_USER_BASE') ?? base;
  return {
    url,
    bindDn: e('LDAP_BIND_DN') ?? '',
    bindPassword: e('LDAP_BIND_PASSWORD') ?? '',
    userBase,
    userFilter: e('LDAP_SYNC_USER_FILTER') ?? '(objectClass=inetOrgPerson)',
    loginAttribute: e('LDAP_SYNC_LOGIN_ATTRIBUTE') ?? 'uid',
    nameAttributes: split(e('LDAP_SYNC_NAME_ATTRIBUTES'), 'displayName,cn'),
    departmentBase: e('LDAP_SYNC_DEPARTMENT_BASE') ?? userBase,
    departmentFilter: e('LDAP_SYNC_DEPARTMENT_FILTER') ?? '(objectClass=organizationalUnit)',
    departmentNameAttributes: split(e('LDAP_SYNC_DEPARTMENT_NAME_ATTRIBUTES'), 'description,ou'),
    disabledFilter: e('LDAP_SYNC_DISABLED_FILTER') ?? null,
    defaultRoles: split(e('LDAP_SYNC_DEFAULT_ROLES'), 'staff'),
  };
}
