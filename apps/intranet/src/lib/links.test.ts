import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CASE_PAGE_FOLDERS, caseHref } from './links';

const appDir = fileURLToPath(new URL('../app/(app)/', import.meta.url));

describe('caseHref', () => {
  it.each([
    ['incoming', '/incoming/c-1'],
    ['outgoing', '/outgoing/c-1'],
    ['meeting', '/meetings/c-1'],
    ['report', '/reports/c-1'],
  ])('links a %s case to %s', (workflow, href) => {
    expect(caseHref(workflow, 'c-1')).toBe(href);
  });

  it('links every workflow to a folder that has a case page', () => {
    for (const workflow of ['incoming', 'outgoing', 'meeting', 'report']) {
      const folder = caseHref(workflow, 'x').split('/')[1];
      expect(existsSync(`${appDir}${folder}/[caseId]/page.tsx`), workflow).toBe(true);
    }
    expect(Object.keys(CASE_PAGE_FOLDERS).sort()).toEqual([
      'incoming',
      'meeting',
      'outgoing',
      'report',
    ]);
  });

  it('escapes the id', () => {
    expect(caseHref('meeting', 'a/b c')).toBe('/meetings/a%2Fb%20c');
  });
});
