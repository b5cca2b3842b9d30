import type { DefaultSession } from 'next-auth';

declare module 'next-auth' {
  /** Only the user id travels in the session; the rest is read fresh from the directory. */
  interface Session {
    user: { id: string } & DefaultSession['user'];
  }
}
