import { diffArrays, diffChars } from 'diff';
import { NotFound } from '../../errors.ts';
import type { DocumentBlock, DocumentBody } from '../shared/document-body.ts';

/** A run of text in a character-level diff: unchanged, only on the left (removed) or only on the right (added). */
export interface DiffSegment {
  op: 'equal' | 'removed' | 'added';
  text: string;
}

/** The character-level diff of one changed text, split for two columns. */
export interface TextDiff {
  /** The old text as segments (`equal` and `removed`). */
  left: DiffSegment[];
  /** The new text as segments (`equal` and `added`). */
  right: DiffSegment[];
}

/** One aligned row of a side-by-side comparison. */
export type BlockDiffRow =
  | {
      kind: 'equal';
      leftIndex: number;
      rightIndex: number;
      left: DocumentBlock;
      right: DocumentBlock;
    }
  | { kind: 'removed'; leftIndex: number; left: DocumentBlock }
  | { kind: 'added'; rightIndex: number; right: DocumentBlock }
  | {
      kind: 'changed';
      leftIndex: number;
      rightIndex: number;
      left: DocumentBlock;
      right: DocumentBlock;
      /** Character-level diff of a heading's or paragraph's text (also when a paragraph became a heading). */
      text?: TextDiff;
      /** Cell by cell for two tables: rows × columns of the larger shape; a missing cell is empty text. */
      cells?: TextDiff[][];
    };

/** The comparison of two versions, ready to render side by side. */
export interface VersionDiff {
  rows: BlockDiffRow[];
  /** Counts of rows by kind, and characters added and removed inside changed blocks. */
  stats: {
    equal: number;
    changed: number;
    added: number;
    removed: number;
    charsAdded: number;
    charsRemoved: number;
  };
}

function blockKey(b: DocumentBlock): string {
  return b.type === 'table'
    ? `t\u0000${JSON.stringify(b.rows)}`
    : `${b.type}${b.type === 'heading' ? b.level : ''}\u0000${b.text}`;
}

function textOf(b: DocumentBlock): string {
  return b.type === 'table' ? b.rows.map((r) => r.join('\t')).join('\n') : b.text;
}

/** Character-level diff of two strings, split into the two columns. */
export function diffText(before: string, after: string): TextDiff {
  const left: DiffSegment[] = [];
  const right: DiffSegment[] = [];
  for (const part of diffChars(before, after)) {
    if (part.added) right.push({ op: 'added', text: part.value });
    else if (part.removed) left.push({ op: 'removed', text: part.value });
    else {
      left.push({ op: 'equal', text: part.value });
      right.push({ op: 'equal', text: part.value });
    }
  }
  return { left, right };
}

/** Share of characters two blocks have in common (0 … 1). */
function similarity(a: DocumentBlock, b: DocumentBlock): number {
  if ((a.type === 'table') !== (b.type === 'table')) return 0;
  const x = textOf(a);
  const y = textOf(b);
  if (x.length + y.length === 0) return 1;
  let common = 0;
  for (const part of diffChars(x, y)) if (!part.added && !part.removed) common += part.value.length;
  return (2 * common) / (x.length + y.length);
}

/** Blocks at least this similar are shown as one changed block rather than removed + added. */
const PAIR_THRESHOLD = 0.4;
/** Beyond this many blocks in one replaced run, pairing is skipped (removed + added). */
const MAX_PAIRING = 200;

/**
 * Pairs the removed and added blocks of one replaced run in order, maximising total
 * similarity (a small alignment, like a line diff inside a hunk).
 */
function pairRun(
  removed: DocumentBlock[],
  added: DocumentBlock[],
): Array<[number | null, number | null]> {
  const n = removed.length;
  const m = added.length;
  if (n === 0 || m === 0 || n > MAX_PAIRING || m > MAX_PAIRING) {
    return [
      ...removed.map((_, i): [number, null] => [i, null]),
      ...added.map((_, j): [null, number] => [null, j]),
    ];
  }
  const sim = removed.map((a) => added.map((b) => similarity(a, b)));
  // best[i][j]: best score aligning removed[i..] with added[j..]
  const best = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = sim[i]![j]!;
      best[i]![j] = Math.max(
        best[i + 1]![j]!,
        best[i]![j + 1]!,
        s >= PAIR_THRESHOLD ? s + best[i + 1]![j + 1]! : Number.NEGATIVE_INFINITY,
      );
    }
  }
  const out: Array<[number | null, number | null]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const s = sim[i]![j]!;
    if (s >= PAIR_THRESHOLD && best[i]![j] === s + best[i + 1]![j + 1]!) out.push([i++, j++]);
    else if (best[i]![j] === best[i + 1]![j]) out.push([i++, null]);
    else out.push([null, j++]);
  }
  while (i < n) out.push([i++, null]);
  while (j < m) out.push([null, j++]);
  return out;
}

function tableCells(a: DocumentBlock & { type: 'table' }, b: DocumentBlock & { type: 'table' }) {
  const rows = Math.max(a.rows.length, b.rows.length);
  const out: TextDiff[][] = [];
  for (let r = 0; r < rows; r++) {
    const cols = Math.max(a.rows[r]?.length ?? 0, b.rows[r]?.length ?? 0);
    const line: TextDiff[] = [];
    for (let c = 0; c < cols; c++) line.push(diffText(a.rows[r]?.[c] ?? '', b.rows[r]?.[c] ?? ''));
    out.push(line);
  }
  return out;
}

/**
 * Compares two versions of a 正文: blocks are aligned first (a diff over whole blocks), then
 * the blocks of each replaced run are paired by similarity and compared character by
 * character (cell by cell for tables). The result lists rows in reading order for a
 * side-by-side view: `equal`, `changed` (with segments), `removed` (left only), `added` (right only).
 */
export function diffVersions(before: DocumentBody, after: DocumentBody): VersionDiff {
  const keysA = before.blocks.map(blockKey);
  const keysB = after.blocks.map(blockKey);
  const rows: BlockDiffRow[] = [];
  let ia = 0;
  let ib = 0;
  let removedRun: number[] = [];
  let addedRun: number[] = [];
  const flush = () => {
    const pairs = pairRun(
      removedRun.map((i) => before.blocks[i]!),
      addedRun.map((j) => after.blocks[j]!),
    );
    for (const [r, a] of pairs) {
      if (r !== null && a !== null) {
        const leftIndex = removedRun[r]!;
        const rightIndex = addedRun[a]!;
        const left = before.blocks[leftIndex]!;
        const right = after.blocks[rightIndex]!;
        rows.push(
          left.type === 'table' && right.type === 'table'
            ? {
                kind: 'changed',
                leftIndex,
                rightIndex,
                left,
                right,
                cells: tableCells(left, right),
              }
            : {
                kind: 'changed',
                leftIndex,
                rightIndex,
                left,
                right,
                text: diffText(textOf(left), textOf(right)),
              },
        );
      } else if (r !== null) {
        rows.push({
          kind: 'removed',
          leftIndex: removedRun[r]!,
          left: before.blocks[removedRun[r]!]!,
        });
      } else if (a !== null) {
        rows.push({ kind: 'added', rightIndex: addedRun[a]!, right: after.blocks[addedRun[a]!]! });
      }
    }
    removedRun = [];
    addedRun = [];
  };
  for (const part of diffArrays(keysA, keysB)) {
    const count = part.value.length;
    if (part.removed) {
      for (let k = 0; k < count; k++) removedRun.push(ia++);
    } else if (part.added) {
      for (let k = 0; k < count; k++) addedRun.push(ib++);
    } else {
      flush();
      for (let k = 0; k < count; k++) {
        rows.push({
          kind: 'equal',
          leftIndex: ia,
          rightIndex: ib,
          left: before.blocks[ia]!,
          right: after.blocks[ib]!,
        });
        ia++;
        ib++;
      }
    }
  }
  flush();
  const stats = { equal: 0, changed: 0, added: 0, removed: 0, charsAdded: 0, charsRemoved: 0 };
  for (const row of rows) {
    stats[row.kind]++;
    if (row.kind !== 'changed') continue;
    const diffs = row.text ? [row.text] : (row.cells ?? []).flat();
    for (const d of diffs) {
      for (const s of d.right) if (s.op === 'added') stats.charsAdded += s.text.length;
      for (const s of d.left) if (s.op === 'removed') stats.charsRemoved += s.text.length;
    }
  }
  return { rows, stats };
}

/** Compares two saved versions of a case by number (`versions` from the case's context, see `outgoingVersions`). */
export function diffCaseVersions(
  versions: ReadonlyArray<{ no: number; body: DocumentBody }>,
  from: number,
  to: number,
): VersionDiff {
  const a = versions.find((v) => v.no === from);
  const b = versions.find((v) => v.no === to);
  if (!a || !b) throw new NotFound(`版本不存在：${!a ? from : to}`, { from, to });
  return diffVersions(a.body, b.body);
}
