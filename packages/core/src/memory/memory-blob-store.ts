import { randomUUID } from 'node:crypto';
import { NotFound, ValidationFailed } from '../errors.ts';
import type { BlobInfo, BlobStore } from '../ports/blob-store.ts';
import { sha256HexBytes } from '../util/hash.ts';

/** Throws ValidationFailed unless `put` got bytes and string metadata (guards JS callers). */
function assertBlobInput(
  bytes: unknown,
  meta: unknown,
): asserts meta is { contentType: string; name: string } {
  const issues: Array<{ path: string; message: string }> = [];
  if (!(bytes instanceof Uint8Array)) issues.push({ path: 'bytes', message: '内容必须是字节数组' });
  const m = meta as { contentType?: unknown; name?: unknown } | null | undefined;
  if (typeof m?.contentType !== 'string') {
    issues.push({ path: 'contentType', message: '文件类型必须是字符串' });
  }
  if (typeof m?.name !== 'string') issues.push({ path: 'name', message: '文件名必须是字符串' });
  if (issues.length > 0) throw new ValidationFailed('blob input is invalid', { issues });
}

/**
 * A BlobStore in memory, for tests and demos. Keys are random UUIDs; bytes are copied on the
 * way in and on the way out, so callers can never change a stored blob.
 */
export function createMemoryBlobStore(): BlobStore {
  const blobs = new Map<string, { bytes: Uint8Array; info: BlobInfo }>();

  return {
    async put(bytes, meta) {
      assertBlobInput(bytes, meta);
      // Not `bytes.slice()`: on a Buffer that is a view, not a copy.
      const copy = new Uint8Array(bytes);
      const info: BlobInfo = {
        key: randomUUID(),
        size: copy.byteLength,
        sha256: sha256HexBytes(copy),
        contentType: meta.contentType,
        name: meta.name,
      };
      blobs.set(info.key, { bytes: copy, info });
      return { ...info };
    },
    async get(key) {
      const blob = blobs.get(key);
      if (!blob) throw new NotFound(`blob ${JSON.stringify(key)} not found`, { key });
      return new Uint8Array(blob.bytes);
    },
    async stat(key) {
      const blob = blobs.get(key);
      return blob ? { ...blob.info } : null;
    },
    async delete(key) {
      blobs.delete(key);
    },
  };
}
