import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type BlobInfo, type BlobStore, NotFound, ValidationFailed } from '@gongwen/core';

/** Options of the file-system blob store. */
export interface FsBlobStoreOptions {
  /** Directory that holds the blobs; created (with parents) on the first put if missing. */
  dir: string;
}

/**
 * Keys are lower-case random UUIDs. Every call checks its key against this before it builds
 * a path, so no key can name anything but a blob of this store.
 */
const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const isKey = (key: unknown): key is string => typeof key === 'string' && KEY.test(key);

/** Errors of a directory fsync that only mean "this platform cannot fsync directories". */
const NO_DIR_SYNC = new Set(['EISDIR', 'EPERM', 'EINVAL', 'EBADF', 'EACCES']);

const codeOf = (e: unknown) => (e as NodeJS.ErrnoException | null)?.code;

/**
 * A BlobStore on the local file system. Layout of `dir`:
 *
 * - `<key>.bin`: the content, byte for byte (readable with any tool);
 * - `<key>.json`: the metadata (`BlobInfo`), so `stat` reads one small file and never scans;
 * - `.<key>.<bin|json>.<random>.tmp`: a write in progress (or left over by a crash).
 *
 * Both files are written to a temp file in `dir`, fsynced and renamed into place, content
 * first. The metadata file is the commit point: a blob exists exactly when its `.json` does,
 * so a crash at any moment leaves either the whole blob or nothing visible (a stray temp file
 * or an orphan `.bin` at worst, which `stat` and `get` ignore and `delete` removes).
 * `delete` removes the metadata first for the same reason.
 */
export function createFsBlobStore(options: FsBlobStoreOptions): BlobStore {
  if (typeof options?.dir !== 'string' || options.dir === '') {
    throw new ValidationFailed('createFsBlobStore needs a directory', {
      issues: [{ path: 'dir', message: '存储目录不能为空' }],
    });
  }
  const dir = resolve(options.dir);
  const binPath = (key: string) => join(dir, `${key}.bin`);
  const metaPath = (key: string) => join(dir, `${key}.json`);

  let ready: Promise<void> | null = null;
  const ensureDir = () => {
    ready ??= mkdir(dir, { recursive: true }).then(
      () => undefined,
      (e: unknown) => {
        ready = null;
        throw e;
      },
    );
    return ready;
  };

  /** Flushes renames in `dir` to disk, where the platform allows it. */
  async function syncDir(): Promise<void> {
    let handle: Awaited<ReturnType<typeof open>> | undefined;
    try {
      handle = await open(dir, 'r');
      await handle.sync();
    } catch (e) {
      if (!NO_DIR_SYNC.has(codeOf(e) ?? '')) throw e;
    } finally {
      await handle?.close();
    }
  }

  /** Writes `data` to `target` atomically: temp file in `dir`, fsync, rename, fsync dir. */
  async function writeAtomic(key: string, kind: 'bin' | 'json', data: Uint8Array | string) {
    const tmp = join(dir, `.${key}.${kind}.${randomUUID()}.tmp`);
    try {
      const handle = await open(tmp, 'wx');
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(tmp, kind === 'bin' ? binPath(key) : metaPath(key));
    } catch (e) {
      await rm(tmp, { force: true }).catch(() => undefined);
      throw e;
    }
    await syncDir();
  }

  async function readInfo(key: string): Promise<BlobInfo | null> {
    let text: string;
    try {
      text = await readFile(metaPath(key), 'utf8');
    } catch (e) {
      if (codeOf(e) === 'ENOENT') return null;
      throw e;
    }
    const raw = JSON.parse(text) as Partial<BlobInfo>;
    if (
      raw.key !== key ||
      typeof raw.size !== 'number' ||
      typeof raw.sha256 !== 'string' ||
      typeof raw.contentType !== 'string' ||
      typeof raw.name !== 'string'
    ) {
      throw new Error(`blob metadata ${metaPath(key)} is corrupt`);
    }
    return {
      key,
      size: raw.size,
      sha256: raw.sha256,
      contentType: raw.contentType,
      name: raw.name,
    };
  }

  const notFound = (key: string) => new NotFound(`blob ${JSON.stringify(key)} not found`, { key });

  return {
    async put(bytes, meta) {
      const issues: Array<{ path: string; message: string }> = [];
      if (!(bytes instanceof Uint8Array)) {
        issues.push({ path: 'bytes', message: '内容必须是字节数组' });
      }
      const m = meta as { contentType?: unknown; name?: unknown } | null | undefined;
      if (typeof m?.contentType !== 'string') {
        issues.push({ path: 'contentType', message: '文件类型必须是字符串' });
      }
      if (typeof m?.name !== 'string') issues.push({ path: 'name', message: '文件名必须是字符串' });
      if (issues.length > 0) throw new ValidationFailed('blob input is invalid', { issues });

      // Our own copy: the caller may change its buffer while the write is in flight.
      // (Not `bytes.slice()`: on a Buffer that is a view, not a copy.)
      const copy = new Uint8Array(bytes);
      const info: BlobInfo = {
        key: randomUUID(),
        size: copy.byteLength,
        sha256: createHash('sha256').update(copy).digest('hex'),
        contentType: meta.contentType,
        name: meta.name,
      };
      await ensureDir();
      await writeAtomic(info.key, 'bin', copy);
      try {
        await writeAtomic(info.key, 'json', JSON.stringify(info));
      } catch (e) {
        await rm(binPath(info.key), { force: true }).catch(() => undefined);
        throw e;
      }
      return { ...info };
    },

    async get(key) {
      if (!isKey(key)) throw notFound(String(key));
      const info = await readInfo(key);
      if (!info) throw notFound(key);
      let buf: Buffer;
      try {
        buf = await readFile(binPath(key));
      } catch (e) {
        // Deleted between reading the metadata and the content.
        if (codeOf(e) === 'ENOENT') throw notFound(key);
        throw e;
      }
      if (buf.byteLength !== info.size) {
        throw new Error(`blob ${binPath(key)} has ${buf.byteLength} bytes, expected ${info.size}`);
      }
      // A plain Uint8Array; readFile's buffer is fresh, so only copy if it is a pooled slice.
      return buf.byteOffset === 0 && buf.buffer.byteLength === buf.byteLength
        ? new Uint8Array(buf.buffer, 0, buf.byteLength)
        : new Uint8Array(buf);
    },

    async stat(key) {
      if (!isKey(key)) return null;
      return readInfo(key);
    },

    async delete(key) {
      if (!isKey(key)) return;
      await rm(metaPath(key), { force: true });
      await rm(binPath(key), { force: true });
    },
  };
}
