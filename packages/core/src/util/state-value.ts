import type { StateValue } from 'xstate';

/**
 * Flattens an XState state value to a stable string: `a` for atomic states,
 * `a.b` for nested ones, and `p.x,p.y` (sorted) for parallel regions.
 */
export function stateToString(value: StateValue): string {
  return leafPaths(value).sort().join(',');
}

function leafPaths(value: StateValue, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix + value];
  const out: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    if (child === undefined) continue;
    const isEmpty = typeof child === 'object' && Object.keys(child).length === 0;
    if (isEmpty) out.push(prefix + key);
    else out.push(...leafPaths(child, `${prefix}${key}.`));
  }
  return out;
}
