import { describe, expect, it } from 'vitest';
import type { DocumentBody } from '../shared/document-body.ts';
import { diffCaseVersions, diffText, diffVersions } from './version-diff.ts';

const p = (text: string) => ({ type: 'paragraph' as const, text });
const h1 = (text: string) => ({ type: 'heading' as const, level: 1 as const, text });
const doc = (...blocks: DocumentBody['blocks']): DocumentBody => ({ blocks });

describe('version diff', () => {
  it('identical versions are all equal', () => {
    const a = doc(h1('一、目标'), p('甲'), { type: 'table', rows: [['a', 'b']] });
    const d = diffVersions(a, a);
    expect(d.rows.map((r) => r.kind)).toEqual(['equal', 'equal', 'equal']);
    expect(d.stats).toMatchObject({ equal: 3, changed: 0, charsAdded: 0, charsRemoved: 0 });
  });

  it('aligns blocks, then diffs changed paragraphs character by character', () => {
    const a = doc(h1('一、目标'), p('做好安全生产工作。'), p('加强值班。'), p('此段删除。'));
    const b = doc(
      h1('一、目标'),
      p('切实做好节日安全生产工作。'),
      p('全新的一段，内容完全不同，没有相似之处啊啊啊。'),
      p('加强值班。'),
    );
    const d = diffVersions(a, b);
    expect(
      d.rows.map((r) => [
        r.kind,
        'leftIndex' in r ? r.leftIndex : null,
        'rightIndex' in r ? r.rightIndex : null,
      ]),
    ).toEqual([
      ['equal', 0, 0],
      ['changed', 1, 1],
      ['added', null, 2],
      ['equal', 2, 3],
      ['removed', 3, null],
    ]);
    const changed = d.rows[1]!;
    if (changed.kind !== 'changed' || !changed.text) throw new Error('expected a text diff');
    expect(changed.text.left.map((s) => s.text).join('')).toBe('做好安全生产工作。');
    expect(changed.text.right.map((s) => s.text).join('')).toBe('切实做好节日安全生产工作。');
    expect(changed.text.right.filter((s) => s.op === 'added').map((s) => s.text)).toEqual([
      '切实',
      '节日',
    ]);
    expect(changed.text.left.every((s) => s.op === 'equal')).toBe(true);
    expect(d.stats).toMatchObject({
      equal: 2,
      changed: 1,
      added: 1,
      removed: 1,
      charsAdded: 4,
      charsRemoved: 0,
    });
  });

  it('pairs the most similar blocks inside a replaced run, in order', () => {
    const a = doc(p('第一段原文内容'), p('第二段原文内容'));
    const b = doc(
      p('插入的完全无关新段落XYZ'),
      p('第一段原文内容（改）'),
      p('第二段原文内容（改）'),
    );
    const d = diffVersions(a, b);
    expect(d.rows.map((r) => r.kind)).toEqual(['added', 'changed', 'changed']);
  });

  it('a paragraph that became a heading is a change; tables diff cell by cell', () => {
    const a = doc(p('二、重点任务'), {
      type: 'table',
      rows: [
        ['单位', '人数'],
        ['财政局', '3'],
      ],
    });
    const b = doc(h1('二、重点任务'), {
      type: 'table',
      rows: [
        ['单位', '人数'],
        ['财政局', '5'],
        ['教育局', '2'],
      ],
    });
    const d = diffVersions(a, b);
    expect(d.rows.map((r) => r.kind)).toEqual(['changed', 'changed']);
    const t = d.rows[1]!;
    if (t.kind !== 'changed' || !t.cells) throw new Error('expected cells');
    expect(t.cells).toHaveLength(3);
    expect(t.cells[1]![1]).toEqual({
      left: [{ op: 'removed', text: '3' }],
      right: [{ op: 'added', text: '5' }],
    });
    expect(t.cells[2]![0]).toEqual({ left: [], right: [{ op: 'added', text: '教育局' }] });
  });

  it('diffText splits segments into two columns', () => {
    expect(diffText('abc', 'abd')).toEqual({
      left: [
        { op: 'equal', text: 'ab' },
        { op: 'removed', text: 'c' },
      ],
      right: [
        { op: 'equal', text: 'ab' },
        { op: 'added', text: 'd' },
      ],
    });
  });

  it('diffCaseVersions compares versions by number and refuses unknown ones', () => {
    const versions = [
      { no: 1, body: doc(p('a')) },
      { no: 2, body: doc(p('b')) },
    ];
    // nothing in common: shown as removed + added rather than a change
    expect(diffCaseVersions(versions, 1, 2).rows.map((r) => r.kind)).toEqual(['removed', 'added']);
    expect(() => diffCaseVersions(versions, 1, 3)).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', message: '版本不存在：3' }),
    );
  });
});
