import { readFileSync } from 'node:fs';
import type { Clock } from '@gongwen/core';

/**
 * The wall clock plus an offset in milliseconds read from `path` at every reading — for
 * end-to-end tests only (GONGWEN_CLOCK_OFFSET_FILE), so that a browser test can move the
 * server past a meeting's start instead of waiting for it. The file holds one integer; a
 * missing, empty or unreadable file means no offset. The offset can only be moved forward:
 * a smaller value than one already read is ignored, so the server's time never runs back.
 */
export function offsetFileClock(path: string): Clock {
  let offset = 0;
  return {
    now() {
      let text = '';
      try {
        text = readFileSync(path, 'utf8').trim();
      } catch {
        // no file yet: no offset
      }
      const read = /^-?\d+$/.test(text) ? Number(text) : 0;
      if (Number.isSafeInteger(read) && read > offset) offset = read;
      return new Date(Date.now() + offset);
    },
  };
}
