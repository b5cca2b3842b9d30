import { expect, it } from 'vitest';
import { SAMPLE_ORG } from '../testing/sample-org.ts';
import { cacheUsers } from './cached-directory.ts';
import type { Directory } from './directory.ts';
import { createStaticDirectory } from './static-directory.ts';

it('answers user look-ups from memory within the TTL and reads delegations fresh', async () => {
  const inner = createStaticDirectory(SAMPLE_ORG);
  const calls: string[] = [];
  const counting: Directory = {
    ...inner,
    getUser: (id) => {
      calls.push(`user:${id}`);
      return inner.getUser(id);
    },
    getUsers: (ids) => {
      calls.push(`users:${ids.join(',')}`);
      return inner.getUsers(ids);
    },
    delegationsOfDeputy: (id, at) => {
      calls.push(`delegations:${id}`);
      return inner.delegationsOfDeputy(id, at);
    },
  };
  const cached = cacheUsers(counting, 60_000);
  expect((await cached.getUser('zhao'))?.name).toBe('赵局长');
  expect((await cached.getUser('zhao'))?.name).toBe('赵局长');
  expect(await cached.getUser('ghost')).toBeNull();
  expect(await cached.getUser('ghost')).toBeNull();
  expect((await cached.getUsers(['zhao', 'sun', 'ghost'])).map((u) => u.id)).toEqual([
    'zhao',
    'sun',
  ]);
  expect((await cached.getUsers(['sun', 'zhao'])).map((u) => u.id)).toEqual(['sun', 'zhao']);
  await cached.delegationsOfDeputy('li', new Date());
  await cached.delegationsOfDeputy('li', new Date());
  expect(calls).toEqual([
    'user:zhao',
    'user:ghost',
    'users:sun',
    'delegations:li',
    'delegations:li',
  ]);
  expect(cacheUsers(counting, 0)).toBe(counting);
});
