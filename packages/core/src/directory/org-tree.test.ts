import { describe, expect, it } from 'vitest';
import { departmentSubtree } from './org-tree.ts';

const dept = (id: string, parentId: string | null) => ({ id, parentId });
const tree = [
  dept('gov', null),
  dept('office', 'gov'),
  dept('letters', 'office'),
  dept('finance', 'gov'),
  dept('budget', 'finance'),
  dept('treasury', 'budget'),
];

describe('departmentSubtree', () => {
  it('holds the root and every department below it, at any depth and in any list order', () => {
    expect([...departmentSubtree(tree, 'finance')].sort()).toEqual([
      'budget',
      'finance',
      'treasury',
    ]);
    expect([...departmentSubtree([...tree].reverse(), 'finance')].sort()).toEqual([
      'budget',
      'finance',
      'treasury',
    ]);
  });

  it('joins several roots and keeps a leaf or an unknown id alone', () => {
    expect([...departmentSubtree(tree, ['office', 'budget'])].sort()).toEqual([
      'budget',
      'letters',
      'office',
      'treasury',
    ]);
    expect([...departmentSubtree(tree, 'letters')]).toEqual(['letters']);
    expect([...departmentSubtree(tree, 'nowhere')]).toEqual(['nowhere']);
    expect(departmentSubtree(tree, []).size).toBe(0);
  });

  it('stops on a cycle in the data', () => {
    const cyclic = [dept('a', 'b'), dept('b', 'a')];
    expect([...departmentSubtree(cyclic, 'a')].sort()).toEqual(['a', 'b']);
  });
});
