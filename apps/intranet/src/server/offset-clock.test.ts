import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { offsetFileClock } from './offset-clock';

const dirs: string[] = [];
function file(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gw-clock-'));
  dirs.push(dir);
  return join(dir, 'offset');
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('offsetFileClock', () => {
  it('is the wall clock while the file is missing or not a number', () => {
    const path = file();
    const clock = offsetFileClock(path);
    const before = Date.now();
    const t = clock.now().getTime();
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t).toBeLessThanOrEqual(Date.now());
    writeFileSync(path, 'soon');
    expect(clock.now().getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('adds the offset written to the file, read at every reading', () => {
    const path = file();
    const clock = offsetFileClock(path);
    writeFileSync(path, String(3_600_000));
    const t = clock.now().getTime() - Date.now();
    expect(t).toBeGreaterThan(3_590_000);
    expect(t).toBeLessThanOrEqual(3_600_000);
  });

  it('never runs back: a smaller offset than one already read is ignored', () => {
    const path = file();
    const clock = offsetFileClock(path);
    writeFileSync(path, '600000');
    clock.now();
    writeFileSync(path, '-600000');
    expect(clock.now().getTime() - Date.now()).toBeGreaterThan(590_000);
    writeFileSync(path, '');
    expect(clock.now().getTime() - Date.now()).toBeGreaterThan(590_000);
  });
});
