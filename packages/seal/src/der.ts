/**
 * A minimal DER reader and writer: enough ASN.1 for CMS, X.509 names and CRLs.
 * The reader never trusts lengths: every node is bounds-checked against its parent.
 */

/** One decoded TLV. `raw` is the whole encoding (tag + length + content). */
export interface DerNode {
  tag: number;
  constructed: boolean;
  content: Uint8Array;
  raw: Uint8Array;
}

/** Thrown for malformed DER; callers that face hostile input catch it. */
export class DerError extends Error {}

/** Reads one TLV at `offset`; returns the node and the offset after it. */
export function readNode(bytes: Uint8Array, offset = 0): { node: DerNode; next: number } {
  if (offset + 2 > bytes.length) throw new DerError('truncated DER');
  const tag = bytes[offset]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError('multi-byte tags are not supported');
  let len = bytes[offset + 1]!;
  let pos = offset + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4) throw new DerError('unsupported DER length');
    if (pos + n > bytes.length) throw new DerError('truncated DER length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + bytes[pos + i]!;
    pos += n;
  }
  const end = pos + len;
  if (end > bytes.length) throw new DerError('DER length beyond input');
  return {
    node: {
      tag,
      constructed: (tag & 0x20) !== 0,
      content: bytes.subarray(pos, end),
      raw: bytes.subarray(offset, end),
    },
    next: end,
  };
}

/** Decodes exactly one TLV spanning all of `bytes`. */
export function parseDer(bytes: Uint8Array): DerNode {
  const { node, next } = readNode(bytes, 0);
  if (next !== bytes.length) throw new DerError('trailing bytes after DER');
  return node;
}

/** The children of a constructed node. */
export function children(node: DerNode): DerNode[] {
  if (!node.constructed) throw new DerError('not a constructed node');
  const out: DerNode[] = [];
  let pos = 0;
  while (pos < node.content.length) {
    const { node: child, next } = readNode(node.content, pos);
    out.push(child);
    pos = next;
  }
  return out;
}

/** The i-th child, or a DerError when absent or of an unexpected tag. */
export function child(node: DerNode, i: number, tag?: number): DerNode {
  const c = children(node)[i];
  if (!c) throw new DerError(`missing element ${i}`);
  if (tag !== undefined && c.tag !== tag)
    throw new DerError(`unexpected tag 0x${c.tag.toString(16)}`);
  return c;
}

/** Decodes an OBJECT IDENTIFIER's content to dotted form. */
export function decodeOid(node: DerNode): string {
  if (node.tag !== 0x06) throw new DerError('not an OID');
  const b = node.content;
  if (b.length === 0) throw new DerError('empty OID');
  const parts: number[] = [];
  let value = 0;
  for (const byte of b) {
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      parts.push(value);
      value = 0;
    }
  }
  const first = parts.shift() ?? 0;
  const a = first < 80 ? Math.floor(first / 40) : 2;
  return [a, first - a * 40, ...parts].join('.');
}

/** Decodes UTCTime / GeneralizedTime. */
export function decodeTime(node: DerNode): Date {
  const s = new TextDecoder().decode(node.content);
  const utc = node.tag === 0x17 ? s.match(/^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/) : null;
  if (utc) {
    const yy = Number(utc[1]);
    const year = yy < 50 ? 2000 + yy : 1900 + yy;
    return new Date(Date.UTC(year, +utc[2]! - 1, +utc[3]!, +utc[4]!, +utc[5]!, +utc[6]!));
  }
  const gen =
    node.tag === 0x18 ? s.match(/^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.\d+)?Z$/) : null;
  if (gen)
    return new Date(Date.UTC(+gen[1]!, +gen[2]! - 1, +gen[3]!, +gen[4]!, +gen[5]!, +gen[6]!));
  throw new DerError('bad time');
}

/** Decodes a directory string (UTF8String, PrintableString, IA5String, BMPString …). */
export function decodeString(node: DerNode): string {
  if (node.tag === 0x1e) {
    let s = '';
    for (let i = 0; i + 1 < node.content.length; i += 2) {
      s += String.fromCharCode((node.content[i]! << 8) | node.content[i + 1]!);
    }
    return s;
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(node.content);
}

/** Hex of an INTEGER's content without leading zero padding (certificate serial style). */
export function integerHex(node: DerNode): string {
  if (node.tag !== 0x02) throw new DerError('not an INTEGER');
  const hex = Buffer.from(node.content)
    .toString('hex')
    .replace(/^(00)+(?=.)/, '');
  return hex.toUpperCase();
}

// ---- writer ----

function encodeLength(len: number): Uint8Array {
  if (len < 0x80) return Uint8Array.of(len);
  const bytes: number[] = [];
  for (let n = len; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

/** Encodes one TLV from a tag and content parts. */
export function tlv(tag: number, ...parts: Uint8Array[]): Uint8Array {
  const content = Buffer.concat(parts);
  return Buffer.concat([Uint8Array.of(tag), encodeLength(content.length), content]);
}

/** SEQUENCE of the given encoded elements. */
export const seq = (...parts: Uint8Array[]): Uint8Array => tlv(0x30, ...parts);

/** SET OF, sorted as DER requires. */
export function setOf(...parts: Uint8Array[]): Uint8Array {
  const sorted = [...parts].sort((a, b) => Buffer.compare(a, b));
  return tlv(0x31, ...sorted);
}

/** Context-specific constructed [n] (explicit tagging or IMPLICIT SET/SEQUENCE). */
export const ctx = (n: number, ...parts: Uint8Array[]): Uint8Array => tlv(0xa0 | n, ...parts);

/** OBJECT IDENTIFIER from dotted form. */
export function oid(dotted: string): Uint8Array {
  const nums = dotted.split('.').map(Number);
  const out: number[] = [];
  const push = (v: number) => {
    const stack = [v & 0x7f];
    for (let n = Math.floor(v / 128); n > 0; n = Math.floor(n / 128))
      stack.unshift((n & 0x7f) | 0x80);
    out.push(...stack);
  };
  push(nums[0]! * 40 + nums[1]!);
  for (const n of nums.slice(2)) push(n);
  return tlv(0x06, Uint8Array.from(out));
}

/** INTEGER from a non-negative big-endian magnitude (hex string or small number). */
export function integer(value: number | string): Uint8Array {
  let hex = typeof value === 'number' ? value.toString(16) : value.replace(/^0+(?=.)/, '');
  if (hex.length % 2) hex = `0${hex}`;
  let bytes = Buffer.from(hex, 'hex');
  if (bytes[0]! & 0x80) bytes = Buffer.concat([Uint8Array.of(0), bytes]);
  return tlv(0x02, bytes);
}

/** NULL. */
export const nullValue = (): Uint8Array => Uint8Array.of(0x05, 0x00);

/** OCTET STRING. */
export const octets = (bytes: Uint8Array): Uint8Array => tlv(0x04, bytes);

/** UTCTime (years 1950–2049) or GeneralizedTime otherwise, as RFC 5280 requires. */
export function time(date: Date): Uint8Array {
  const iso = date.toISOString();
  const digits = iso.slice(0, 19).replace(/[-T:]/g, '');
  const year = date.getUTCFullYear();
  if (year >= 1950 && year < 2050) return tlv(0x17, Buffer.from(`${digits.slice(2)}Z`));
  return tlv(0x18, Buffer.from(`${digits}Z`));
}

/** AlgorithmIdentifier with an optional NULL parameter. */
export const algorithm = (dotted: string, withNull = true): Uint8Array =>
  withNull ? seq(oid(dotted), nullValue()) : seq(oid(dotted));
