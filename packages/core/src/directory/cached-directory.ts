import type { Directory } from './directory.ts';
import type { User } from './model.ts';

/**
 * Wraps a directory so that user look-ups (the actor of every command, the assignees of
 * every new task) are answered from memory for `ttlMs`. Delegations, roles and departments
 * are always read fresh: a revoked delegation must stop working at once.
 */
export function cacheUsers(directory: Directory, ttlMs: number): Directory {
  if (ttlMs <= 0) return directory;
  const users = new Map<string, { user: User | null; until: number }>();
  const fresh = (id: string) => {
    const hit = users.get(id);
    return hit && hit.until > performance.now() ? hit : undefined;
  };
  const remember = (id: string, user: User | null) => {
    if (users.size > 10_000) users.clear();
    users.set(id, { user, until: performance.now() + ttlMs });
  };
  return {
    ...directory,
    async getUser(id) {
      const hit = fresh(id);
      if (hit) return hit.user;
      const user = await directory.getUser(id);
      remember(id, user);
      return user;
    },
    async getUsers(ids) {
      const missing = ids.filter((id) => !fresh(id));
      if (missing.length > 0) {
        const found = new Map((await directory.getUsers(missing)).map((u) => [u.id, u]));
        for (const id of missing) remember(id, found.get(id) ?? null);
      }
      return ids.flatMap((id) => fresh(id)?.user ?? []);
    },
  };
}
