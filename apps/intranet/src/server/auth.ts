import 'server-only';
import type { AuthOptions } from 'next-auth';
import { getServerSession } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getEnv } from '~/env';
import { ZSignIn } from '~/lib/schemas/auth';
import { getApp } from '~/server/app';
import {
  currentSessionVersion,
  resolveSession,
  signOutSession,
} from '~/server/services/accounts/sessions';
import { signInWithLdapUid, signInWithPassword } from '~/server/services/accounts/sign-in';

/** Session lifetime: one working day. The session ends 8 hours after sign-in. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

function ipOf(headers: unknown): string | null {
  const h = (headers ?? {}) as Record<string, string | string[] | undefined>;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const forwarded = first(h['x-forwarded-for']);
  return forwarded?.split(',')[0]?.trim() || first(h['x-real-ip']) || null;
}

/** What `authorize` hands to the jwt callback: the user and their current session version. */
interface SignedInUser {
  id: string;
  sessionVersion: number;
}

/** The signed-in user as next-auth takes it, with the session version the JWT will carry. */
async function signedIn(userId: string): Promise<SignedInUser> {
  const app = await getApp();
  return { id: userId, sessionVersion: (await currentSessionVersion(app, userId)) ?? 0 };
}

/** Only the two fields: next-auth passes the whole form body (csrfToken, callbackUrl …). */
function credentialsOf(credentials: Record<string, unknown> | undefined) {
  return ZSignIn.safeParse({ username: credentials?.username, password: credentials?.password });
}

let cached: AuthOptions | null = null;

/**
 * next-auth options, built on first use (not at import, so `next build` needs no secret):
 * JWT sessions of 8 hours; a username/password provider on `app_accounts` (argon2id,
 * lockout), and an LDAP provider (id `ldap`) when LDAP_URL is set.
 */
export function getAuthOptions(): AuthOptions {
  if (cached) return cached;
  const env = getEnv();
  const providers: AuthOptions['providers'] = [
    CredentialsProvider({
      id: 'credentials',
      name: '用户名密码',
      credentials: {
        username: { label: '用户名', type: 'text' },
        password: { label: '密码', type: 'password' },
      },
      async authorize(credentials, req) {
        const parsed = credentialsOf(credentials);
        if (!parsed.success) throw new Error('请输入用户名和密码');
        const app = await getApp();
        const result = await signInWithPassword(app, {
          ...parsed.data,
          ip: ipOf(req?.headers),
        });
        if (!result.ok) throw new Error(result.message);
        return signedIn(result.userId);
      },
    }),
  ];
  const ldap = env.ldap;
  if (ldap) {
    providers.push(
      CredentialsProvider({
        id: 'ldap',
        name: '统一身份认证（LDAP）',
        credentials: {
          username: { label: '用户名', type: 'text' },
          password: { label: '密码', type: 'password' },
        },
        async authorize(credentials, req) {
          const parsed = credentialsOf(credentials);
          if (!parsed.success) throw new Error('请输入用户名和密码');
          const { authenticateLdap } = await import('~/server/auth/ldap');
          let profile: Awaited<ReturnType<typeof authenticateLdap>>;
          try {
            profile = await authenticateLdap(ldap, parsed.data.username, parsed.data.password);
          } catch (e) {
            console.error('[gongwen] LDAP sign-in failed', e);
            throw new Error(
              e instanceof Error && /[\u4e00-\u9fff]/.test(e.message)
                ? e.message
                : '统一身份认证服务暂不可用，请稍后再试',
            );
          }
          const app = await getApp();
          if (!profile) {
            const { writeAudit } = await import('~/server/services/audit/write-audit');
            const { db } = await import('~/server/app-types');
            await writeAudit(db(app), {
              unitId: null,
              at: app.clock.now(),
              actorId: null,
              action: 'auth.signInFailed',
              target: parsed.data.username.slice(0, 100),
              detail: { method: 'ldap', reason: 'badCredentials' },
              ip: ipOf(req?.headers),
            });
            throw new Error('用户名或密码错误');
          }
          const result = await signInWithLdapUid(app, { uid: profile.uid, ip: ipOf(req?.headers) });
          if (!result.ok) throw new Error(result.message);
          return signedIn(result.userId);
        },
      }),
    );
  }
  const options: AuthOptions = {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/login', error: '/login' },
    providers,
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sv = (user as unknown as SignedInUser).sessionVersion;
        }
        return token;
      },
      session({ session, token }) {
        // Only the id and the session version travel in the session; everything else is read
        // fresh from the directory.
        return { ...session, user: { id: token.sub ?? '', sv: token.sv ?? null } };
      },
    },
    events: {
      // 退出登录 ends this session and every copy of it (and the user's other sessions).
      async signOut({ token }) {
        if (!token?.sub || typeof token.sv !== 'number') return;
        await signOutSession(await getApp(), { userId: token.sub, sessionVersion: token.sv });
      },
    },
  };
  cached = options;
  return options;
}

/** Whether the LDAP provider is on (the sign-in page offers it). */
export function ldapEnabled(): boolean {
  return getEnv().ldap !== null;
}

/**
 * The user id of the current request's session, or null (RSC, route handlers, tRPC): also null
 * when the session was revoked (signed out, password reset, deactivated, roles changed) — see
 * `services/accounts/sessions.ts`.
 */
export async function getSessionUserId(): Promise<string | null> {
  const session = await getServerSession(getAuthOptions());
  const user = session?.user as { id?: unknown; sv?: unknown } | undefined;
  const id = user?.id;
  if (typeof id !== 'string' || id.length === 0) return null;
  return resolveSession(await getApp(), { userId: id, sessionVersion: user?.sv });
}
