import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isGongwenError } from '@gongwen/core';
import { describeBlobStoreConformance } from '@gongwen/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFsBlobStore } from './fs-blob-store.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (isGongwenError(e) ? e.code : `not a GongwenError: ${String(e)}`),
  );

let root = '';
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'gongwen-blobs-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

// A directory that does not exist yet: the store creates it (with parents).
describeBlobStoreConformance('fs', async () =>
  createFsBlobStore({ dir: join(root, 'suite', 'a') }),
);

describe('fs blob store', () => {
  it('creates its directory and keeps content and metadata in two plain files', async () => {
    const dir = join(root, 'layout', 'nested');
    const blobs = createFsBlobStore({ dir });
    const bytes = utf8('关于春耕工作的通知');
    const info = await blobs.put(bytes, { contentType: 'text/plain', name: '通知.txt' });
    expect((await readdir(dir)).sort()).toEqual([`${info.key}.bin`, `${info.key}.json`]);
    expect(Buffer.compare(await readFile(join(dir, `${info.key}.bin`)), bytes)).toBe(0);
    expect(JSON.parse(await readFile(join(dir, `${info.key}.json`), 'utf8'))).toEqual(info);
    await blobs.delete(info.key);
    expect(await readdir(dir)).toEqual([]);
  });

  it('a second store on the same directory sees the same blobs', async () => {
    const dir = join(root, 'shared');
    const info = await createFsBlobStore({ dir }).put(utf8('持久'), {
      contentType: 'text/plain',
      name: '持久.txt',
    });
    const again = createFsBlobStore({ dir });
    expect(await again.stat(info.key)).toEqual(info);
    expect(new TextDecoder().decode(await again.get(info.key))).toBe('持久');
  });

  it('a crash between temp write and rename leaves no visible blob', async () => {
    const dir = join(root, 'crash');
    const blobs = createFsBlobStore({ dir });
    const kept = await blobs.put(utf8('完好'), { contentType: 'text/plain', name: 'ok.txt' });
    const key = randomUUID();
    const info = { key, size: 3, sha256: '0'.repeat(64), contentType: 'text/plain', name: 'x' };
    // Crash after writing the temp files, before any rename.
    await writeFile(join(dir, `.${key}.bin.${randomUUID()}.tmp`), 'abc');
    await writeFile(join(dir, `.${key}.json.${randomUUID()}.tmp`), JSON.stringify(info));
    expect(await blobs.stat(key)).toBeNull();
    expect(await codeOf(blobs.get(key))).toBe('NOT_FOUND');
    // Crash after renaming the content, before renaming the metadata: still invisible.
    await writeFile(join(dir, `${key}.bin`), 'abc');
    expect(await blobs.stat(key)).toBeNull();
    expect(await codeOf(blobs.get(key))).toBe('NOT_FOUND');
    // Leftovers disturb neither older nor newer blobs, and delete clears the orphan.
    const next = await blobs.put(utf8('之后'), { contentType: 'text/plain', name: 'next.txt' });
    expect(new TextDecoder().decode(await blobs.get(kept.key))).toBe('完好');
    expect(new TextDecoder().decode(await blobs.get(next.key))).toBe('之后');
    await blobs.delete(key);
    await expect(stat(join(dir, `${key}.bin`))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('leaves no temp files behind after puts', async () => {
    const dir = join(root, 'no-temp');
    const blobs = createFsBlobStore({ dir });
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        blobs.put(utf8(`第${i}件`), { contentType: 'text/plain', name: `${i}.txt` }),
      ),
    );
    const names = await readdir(dir);
    expect(names).toHaveLength(20);
    expect(names.filter((n) => n.startsWith('.') || n.endsWith('.tmp'))).toEqual([]);
  });

  it('never reads or deletes files outside its directory', async () => {
    const base = join(root, 'traversal');
    const dir = join(base, 'store');
    const blobs = createFsBlobStore({ dir });
    await blobs.put(utf8('x'), { contentType: 'text/plain', name: 'x' });
    // Files an unchecked `join(dir, key + ext)` would reach.
    const secret = join(base, 'secret');
    const key = randomUUID();
    const meta = { key: '../secret', size: 6, sha256: '0'.repeat(64), contentType: 'x', name: 'x' };
    await writeFile(`${secret}.bin`, 'secret');
    await writeFile(`${secret}.json`, JSON.stringify(meta));
    await writeFile(join(base, `${key}.json`), JSON.stringify({ ...meta, key }));
    for (const k of ['../secret', `${dir}/../secret`, `../${key}`, `${secret}`]) {
      expect(await codeOf(blobs.get(k)), k).toBe('NOT_FOUND');
      expect(await blobs.stat(k), k).toBeNull();
      await blobs.delete(k);
    }
    expect(await readFile(`${secret}.bin`, 'utf8')).toBe('secret');
    expect(await readdir(base)).toHaveLength(4);
  });

  it('rejects an empty directory option', () => {
    expect(() => createFsBlobStore({ dir: '' })).toThrow(/directory/);
  });
});
