// Reading what ldapts returns: attribute values, and DNs compared as the directory would.

/** An entry as ldapts returns it: its DN and its attributes. */
export interface DirectoryEntry {
  dn: string;
  [attribute: string]: unknown;
}

/** ldapts gives one value as a string, several as an array, a missing one as `[]`. */
export function values(v: unknown): string[] {
  const list = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  return list
    .map((x) => (Buffer.isBuffer(x) ? x.toString('utf8') : String(x)))
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function firstOf(entry: Record<string, unknown>, attributes: string[]): string | null {
  for (const a of attributes) {
    const v = values(entry[a])[0];
    if (v) return v;
  }
  return null;
}

/** Lower-cased, spaces around separators removed: DNs compare equal as the directory would. */
export function normaliseDn(dn: string): string {
  return dn
    .split(/(?<!\\),/)
    .map((rdn) =>
      rdn
        .split(/(?<!\\)=/)
        .map((p) => p.trim())
        .join('='),
    )
    .join(',')
    .toLowerCase();
}

/** The DN of the entry that holds `dn`. */
export function parentDn(dn: string): string {
  const n = normaliseDn(dn);
  const i = n.search(/(?<!\\),/);
  return i < 0 ? '' : n.slice(i + 1);
}
