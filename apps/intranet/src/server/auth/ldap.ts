import 'server-only';
import {
  AndFilter,
  Client,
  EqualityFilter,
  InvalidCredentialsError,
  OrFilter,
  ResultCodeError,
  SizeLimitExceededError,
  UnwillingToPerformError,
} from 'ldapts';

/** Where and how to look people up in the organisation's LDAP directory. */
export interface LdapConfig {
  /** `ldap://host:389` or `ldaps://host:636`. */
  url: string;
  /** The service account used to search for the person (e.g. `cn=gongwen,ou=services,dc=…`). */
  bindDn: string;
  bindPassword: string;
  /** The subtree searched for people, e.g. `dc=shixian,dc=gov,dc=cn`. */
  baseDn: string;
  /** The attribute a sign-in name is matched against (default `uid`; `sAMAccountName` on AD). */
  userFilterAttribute?: string;
  /** Connect and per-operation timeout in milliseconds (default 5000). */
  timeoutMs?: number;
}

/** The profile of a person who signed in through LDAP. */
export interface LdapProfile {
  /** The sign-in name as the directory spells it. */
  uid: string;
  /** `displayName`, else `cn`, else the sign-in name. */
  displayName: string;
  mail: string | null;
  /** Names (`cn`) of the groups the person belongs to. */
  groups: string[];
}

/** The LDAP server cannot be reached or refuses the service account; the message is for users. */
export class LdapUnavailableError extends Error {
  readonly code = 'LDAP_UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LdapUnavailableError';
  }
}

const DEFAULT_TIMEOUT_MS = 5000;
const MAX_USERNAME_LENGTH = 256;

/**
 * Checks a user name and password against LDAP: the service account searches the base DN for
 * exactly one person whose `userFilterAttribute` equals the name (an escaped equality filter,
 * so `*` or `)(` match nothing), then binds as that entry with the password. Returns the profile,
 * or null for an unknown name, an ambiguous name, a wrong password or an empty password.
 * Throws `LdapUnavailableError` (无法连接 LDAP 服务器…) when the directory cannot be used.
 */
export async function authenticateLdap(
  config: LdapConfig,
  username: string,
  password: string,
): Promise<LdapProfile | null> {
  const name = username.trim();
  // An empty password makes a DN bind "unauthenticated": some servers accept it. Never send one.
  if (password.length === 0 || name.length === 0 || name.length > MAX_USERNAME_LENGTH) return null;
  const attribute = config.userFilterAttribute ?? 'uid';
  const timeout = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const client = new Client({ url: config.url, timeout, connectTimeout: timeout });
  try {
    try {
      await client.bind(config.bindDn, config.bindPassword);
    } catch (e) {
      if (e instanceof ResultCodeError) {
        throw new LdapUnavailableError('LDAP 服务账号认证失败，请联系系统管理员检查配置', {
          cause: e,
        });
      }
      throw unreachable(config.url, e);
    }

    let searchEntries: Array<Record<string, unknown> & { dn: string }>;
    try {
      ({ searchEntries } = await client.search(config.baseDn, {
        scope: 'sub',
        filter: new AndFilter({
          filters: [
            new EqualityFilter({ attribute, value: name }),
            new EqualityFilter({ attribute: 'objectClass', value: 'person' }),
          ],
        }),
        attributes: [attribute, 'cn', 'displayName', 'mail', 'memberOf'],
        sizeLimit: 2,
      }));
    } catch (e) {
      // More matches than the size limit: the name is ambiguous, nobody signs in with it.
      if (e instanceof SizeLimitExceededError) return null;
      throw failure(config.url, e);
    }
    if (searchEntries.length !== 1) return null;
    const entry = searchEntries[0]!;

    let groups = values(entry.memberOf).map(groupName);
    if (groups.length === 0) {
      groups = await groupsByMember(client, config.baseDn, entry.dn).catch((e: unknown) => {
        throw failure(config.url, e);
      });
    }

    try {
      await client.bind(entry.dn, password);
    } catch (e) {
      // 49: wrong password (or locked); 53: the server refuses this bind (e.g. disabled account).
      if (e instanceof InvalidCredentialsError || e instanceof UnwillingToPerformError) return null;
      throw failure(config.url, e);
    }

    const uid = values(entry[attribute])[0] ?? name;
    return {
      uid,
      displayName: values(entry.displayName)[0] ?? values(entry.cn)[0] ?? uid,
      mail: values(entry.mail)[0] ?? null,
      groups: [...new Set(groups)].sort(),
    };
  } finally {
    await client.unbind().catch(() => {});
  }
}

/** Groups (`groupOfNames`/`groupOfUniqueNames`) listing `dn`, for servers without `memberOf`. */
async function groupsByMember(client: Client, baseDn: string, dn: string): Promise<string[]> {
  const { searchEntries } = await client.search(baseDn, {
    scope: 'sub',
    filter: new OrFilter({
      filters: [
        new EqualityFilter({ attribute: 'member', value: dn }),
        new EqualityFilter({ attribute: 'uniqueMember', value: dn }),
      ],
    }),
    attributes: ['cn'],
  });
  return searchEntries.flatMap((g) => values(g.cn).slice(0, 1));
}

/** ldapts gives one value as a string, several as an array, a missing one as `[]`. */
function values(v: unknown): string[] {
  const list = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  return list
    .map((x) => (Buffer.isBuffer(x) ? x.toString('utf8') : String(x)))
    .filter((s) => s.length > 0);
}

/** `cn=县政府领导,ou=groups,dc=…` → `县政府领导` (the first RDN's value, unescaped). */
export function groupName(dn: string): string {
  const chars = Array.from(dn); // code points, so characters beyond the BMP stay whole
  const start = chars.indexOf('=');
  if (start < 0) return dn;
  const bytes: number[] = [];
  for (let i = start + 1; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === ',' || c === '+') break;
    if (c === '\\' && i + 1 < chars.length) {
      const hex = `${chars[i + 1]}${chars[i + 2] ?? ''}`;
      if (/^[0-9a-fA-F]{2}$/.test(hex)) {
        bytes.push(Number.parseInt(hex, 16));
        i += 2;
      } else {
        bytes.push(...Buffer.from(chars[i + 1]!, 'utf8'));
        i += 1;
      }
      continue;
    }
    bytes.push(...Buffer.from(c, 'utf8'));
  }
  const value = Buffer.from(bytes).toString('utf8').trim();
  return value.length > 0 ? value : dn;
}

/** A result code from the server means it answered but cannot serve us; anything else is the network. */
function failure(url: string, cause: unknown): LdapUnavailableError {
  if (cause instanceof ResultCodeError) {
    return new LdapUnavailableError(`LDAP 目录查询失败（${url}）：${cause.message}`, { cause });
  }
  return unreachable(url, cause);
}

function unreachable(url: string, cause: unknown): LdapUnavailableError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new LdapUnavailableError(`无法连接 LDAP 服务器（${url}）：${detail}`, { cause });
}
