import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ErrorCode, isGongwenError } from '../errors.ts';
import type { BlobStore } from '../ports/blob-store.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const NOTICE = '关于春耕工作的通知.docx';

const hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const utf8 = (text: string) => new TextEncoder().encode(text);
/** Byte equality without vitest's element-by-element diff (slow on megabytes). */
const same = (a: Uint8Array, b: Uint8Array) => Buffer.compare(a, b) === 0;

/** The error code `p` rejects with, or a description of what happened instead. */
async function codeOf(p: Promise<unknown>): Promise<ErrorCode | string> {
  return p.then(
    () => 'resolved',
    // Compare codes only, so a second copy of @gongwen/core still matches.
    (e: unknown) => (isGongwenError(e) ? e.code : `not a GongwenError: ${String(e)}`),
  );
}

/** Keys an attacker might try: paths, traversal, encodings, control characters. */
const HOSTILE_KEYS = [
  '',
  '.',
  '..',
  '/',
  '../etc/passwd',
  '../../../../../../etc/passwd',
  '/etc/passwd',
  '..\\..\\windows\\win.ini',
  '..%2F..%2Fetc%2Fpasswd',
  'a/b',
  'nul\u0000byte',
  '__proto__',
  'constructor',
  'toString',
];

/**
 * The behaviour every `BlobStore` must show. `makeBlobStore` may return the same store for
 * every call; the suite only relies on keys it created itself.
 */
export function describeBlobStoreConformance(
  name: string,
  makeBlobStore: () => Promise<BlobStore>,
): void {
  describe(`BlobStore conformance: ${name}`, () => {
    let blobs: BlobStore;
    beforeAll(async () => {
      blobs = await makeBlobStore();
    }, 60_000);

    describe('round trip', () => {
      it('returns binary bytes unchanged, zero bytes and all 256 values included', async () => {
        const bytes = new Uint8Array(1024);
        for (let i = 0; i < bytes.length; i++) bytes[i] = i % 256;
        bytes.set([0, 0, 0, 0], 100);
        const info = await blobs.put(bytes, { contentType: 'application/octet-stream', name: 'x' });
        const got = await blobs.get(info.key);
        expect(got).toBeInstanceOf(Uint8Array);
        expect(got.byteLength).toBe(1024);
        expect(same(got, bytes)).toBe(true);
      });

      it('stores a 5 MB buffer', async () => {
        const bytes = new Uint8Array(5 * 1024 * 1024);
        let x = 0x2545f491;
        for (let i = 0; i < bytes.length; i++) {
          // xorshift32: incompressible, reproducible content
          x ^= x << 13;
          x ^= x >>> 17;
          x ^= x << 5;
          bytes[i] = x & 0xff;
        }
        const info = await blobs.put(bytes, { contentType: 'application/pdf', name: '正文.pdf' });
        expect(info.size).toBe(5 * 1024 * 1024);
        expect(info.sha256).toBe(hex(bytes));
        const got = await blobs.get(info.key);
        expect(got.byteLength).toBe(bytes.byteLength);
        expect(same(got, bytes)).toBe(true);
      });

      it('stores an empty file', async () => {
        const info = await blobs.put(new Uint8Array(0), {
          contentType: 'text/plain',
          name: '空.txt',
        });
        expect(info.size).toBe(0);
        expect(info.sha256).toBe(
          'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        );
        expect((await blobs.get(info.key)).byteLength).toBe(0);
        expect(await blobs.stat(info.key)).toEqual(info);
      });

      it('honours the view of a Uint8Array over a larger buffer', async () => {
        const backing = utf8('xx正文yy');
        const view = backing.subarray(2, backing.length - 2);
        const info = await blobs.put(view, { contentType: 'text/plain', name: 'view.txt' });
        expect(info.size).toBe(view.byteLength);
        expect(info.sha256).toBe(hex(utf8('正文')));
        expect(new TextDecoder().decode(await blobs.get(info.key))).toBe('正文');
      });

      it('accepts a Buffer', async () => {
        const info = await blobs.put(Buffer.from('缓冲区', 'utf8'), {
          contentType: 'text/plain; charset=utf-8',
          name: 'buffer.txt',
        });
        expect(new TextDecoder().decode(await blobs.get(info.key))).toBe('缓冲区');
      });
    });

    describe('metadata', () => {
      it('reports size, hex sha256, content type and name', async () => {
        const bytes = utf8('各乡镇人民政府：现将春耕工作有关事项通知如下。');
        const info = await blobs.put(bytes, { contentType: DOCX, name: NOTICE });
        expect(info).toEqual({
          key: info.key,
          size: bytes.byteLength,
          sha256: hex(bytes),
          contentType: DOCX,
          name: NOTICE,
        });
        expect(info.sha256).toMatch(/^[0-9a-f]{64}$/);
      });

      it('stat returns the same metadata as put', async () => {
        const bytes = utf8('附件一');
        const info = await blobs.put(bytes, { contentType: DOCX, name: NOTICE });
        const stat = await blobs.stat(info.key);
        expect(stat).toEqual(info);
        expect(stat?.name).toBe(NOTICE);
      });

      it('keeps names exactly, including ones that look like paths or need normalising', async () => {
        const names = [
          NOTICE,
          '../../etc/passwd',
          'a/b\\c.txt',
          ' 前后空格 .txt ',
          // NFD "é" must not come back as NFC
          'cafe\u0301.pdf',
          '表情😀.png',
          '',
        ];
        for (const n of names) {
          const info = await blobs.put(utf8(n), { contentType: 'text/plain', name: n });
          expect(info.name).toBe(n);
          expect((await blobs.stat(info.key))?.name).toBe(n);
        }
      });

      it('rejects content that is not bytes with VALIDATION_FAILED', async () => {
        const meta = { contentType: 'text/plain', name: 'x.txt' };
        for (const bad of ['文本', null, undefined, [1, 2, 3], new ArrayBuffer(4), 42]) {
          expect(await codeOf(blobs.put(bad as unknown as Uint8Array, meta))).toBe(
            'VALIDATION_FAILED',
          );
        }
        const bytes = utf8('x');
        for (const bad of [
          { contentType: 1, name: 'x' },
          { contentType: 'text/plain', name: null },
          null,
        ]) {
          expect(
            await codeOf(blobs.put(bytes, bad as unknown as { contentType: string; name: string })),
          ).toBe('VALIDATION_FAILED');
        }
      });
    });

    describe('keys', () => {
      it('gives distinct keys to distinct puts, even of identical content', async () => {
        const bytes = utf8('同一内容');
        const a = await blobs.put(bytes, { contentType: 'text/plain', name: 'a.txt' });
        const b = await blobs.put(bytes, { contentType: 'text/plain', name: 'b.txt' });
        expect(a.key).not.toBe(b.key);
        expect(a.sha256).toBe(b.sha256);
        expect((await blobs.stat(a.key))?.name).toBe('a.txt');
        expect((await blobs.stat(b.key))?.name).toBe('b.txt');
        await blobs.delete(a.key);
        expect(same(await blobs.get(b.key), bytes)).toBe(true);
      });

      it('uses opaque keys that are safe in URLs and paths', async () => {
        const info = await blobs.put(utf8('k'), { contentType: 'text/plain', name: '../x' });
        expect(info.key.length).toBeGreaterThan(0);
        expect(info.key.length).toBeLessThanOrEqual(200);
        expect(info.key).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(encodeURIComponent(info.key)).toBe(info.key);
        expect(info.key).not.toContain('..');
      });

      it('does not find or read anything for hostile keys', async () => {
        for (const key of HOSTILE_KEYS) {
          expect(await codeOf(blobs.get(key)), key).toBe('NOT_FOUND');
          expect(await blobs.stat(key), key).toBeNull();
          await blobs.delete(key);
        }
      });

      it('matches keys exactly: variants of a real key are unknown and harmless', async () => {
        const bytes = utf8('真实');
        const { key } = await blobs.put(bytes, { contentType: 'text/plain', name: 'real.txt' });
        const variants = [
          `./${key}`,
          `${key}/`,
          `${key}/.`,
          `x/../${key}`,
          `${key}/../${key}`,
          `../${key}`,
          ` ${key}`,
          `${key} `,
          `${key}\u0000`,
          `${key}.json`,
          `${key}.tmp`,
          encodeURIComponent(`../${key}`),
          key.toUpperCase(),
          key.toLowerCase(),
        ].filter((v) => v !== key);
        for (const v of variants) {
          expect(await codeOf(blobs.get(v)), v).toBe('NOT_FOUND');
          expect(await blobs.stat(v), v).toBeNull();
          await blobs.delete(v);
        }
        expect(same(await blobs.get(key), bytes)).toBe(true);
        expect((await blobs.stat(key))?.name).toBe('real.txt');
      });
    });

    describe('unknown keys and delete', () => {
      it('get of an unknown key throws NOT_FOUND', async () => {
        expect(await codeOf(blobs.get('no-such-blob'))).toBe('NOT_FOUND');
        expect(await codeOf(blobs.get('00000000-0000-4000-8000-000000000000'))).toBe('NOT_FOUND');
      });

      it('stat of an unknown key is null', async () => {
        expect(await blobs.stat('no-such-blob')).toBeNull();
        expect(await blobs.stat('00000000-0000-4000-8000-000000000000')).toBeNull();
      });

      it('delete removes bytes and metadata', async () => {
        const info = await blobs.put(utf8('待删除'), { contentType: 'text/plain', name: 'd.txt' });
        await blobs.delete(info.key);
        expect(await codeOf(blobs.get(info.key))).toBe('NOT_FOUND');
        expect(await blobs.stat(info.key)).toBeNull();
      });

      it('delete of an unknown or already deleted key is fine', async () => {
        await expect(blobs.delete('no-such-blob')).resolves.toBeUndefined();
        const info = await blobs.put(utf8('两次'), { contentType: 'text/plain', name: 'd.txt' });
        await blobs.delete(info.key);
        await expect(blobs.delete(info.key)).resolves.toBeUndefined();
      });
    });

    describe('isolation', () => {
      it('concurrent puts do not interfere', async () => {
        const inputs = Array.from({ length: 24 }, (_, i) => {
          const bytes = new Uint8Array(1000 + i * 977);
          bytes.fill(i + 1);
          return { bytes, name: `并发-${i}.bin` };
        });
        const infos = await Promise.all(
          inputs.map((x) => blobs.put(x.bytes, { contentType: 'application/octet-stream', ...x })),
        );
        expect(new Set(infos.map((i) => i.key)).size).toBe(inputs.length);
        const read = await Promise.all(infos.map((i) => blobs.get(i.key)));
        const stats = await Promise.all(infos.map((i) => blobs.stat(i.key)));
        inputs.forEach((x, i) => {
          expect(same(read[i]!, x.bytes), x.name).toBe(true);
          expect(infos[i]!.sha256).toBe(hex(x.bytes));
          expect(stats[i]).toEqual(infos[i]);
        });
      });

      it('returns a copy: mutating what get returned does not change the blob', async () => {
        const bytes = utf8('原文不可改');
        const { key } = await blobs.put(bytes, { contentType: 'text/plain', name: 'c.txt' });
        const first = await blobs.get(key);
        first.fill(0x58);
        expect(same(await blobs.get(key), bytes)).toBe(true);
      });

      it('keeps its own copy: mutating the buffer given to put does not change the blob', async () => {
        // A Buffer too: its `slice()` is a view, a classic way to keep the caller's memory.
        for (const bytes of [utf8('提交后修改'), Buffer.from('提交后修改', 'utf8')]) {
          const original = new Uint8Array(bytes);
          const info = await blobs.put(bytes, { contentType: 'text/plain', name: 'c.txt' });
          bytes.fill(0x58);
          expect(same(await blobs.get(info.key), original)).toBe(true);
          expect(info.sha256).toBe(hex(original));
        }
      });

      it('mutating returned metadata does not change the stored metadata', async () => {
        const info = await blobs.put(utf8('m'), { contentType: 'text/plain', name: 'm.txt' });
        info.name = 'changed';
        const stat = await blobs.stat(info.key);
        expect(stat?.name).toBe('m.txt');
        if (stat) stat.size = -1;
        expect((await blobs.stat(info.key))?.size).toBe(1);
      });
    });
  });
}
