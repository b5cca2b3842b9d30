import type { Petitioner } from './fields.ts';

/** An earlier case the caller supplies to `findRepeatPetitions`. */
export interface EarlierPetition {
  caseId: string;
  serialNo?: string | null;
  /** When it was registered (for ordering the matches). */
  registeredAt?: string | Date | null;
  petitioners: readonly Petitioner[];
}

/** Why an earlier case matched. */
export type RepeatReason = 'idNumber' | 'nameAndPhone' | 'phone' | 'nameAndAddress';

/** An earlier case of the same person, with why it matched. */
export interface RepeatMatch {
  caseId: string;
  serialNo: string | null;
  /** `certain` for the same 身份证号 or the same name and phone; `possible` otherwise. */
  strength: 'certain' | 'possible';
  reasons: RepeatReason[];
  /** The reasons in Chinese, e.g. 身份证号相同（张三）. */
  why: string[];
}

const REASON_ZH: Record<RepeatReason, string> = {
  idNumber: '身份证号相同',
  nameAndPhone: '姓名和电话相同',
  phone: '电话相同',
  nameAndAddress: '姓名和住址相同',
};

/** Full-width ASCII (０-９, Ａ-Ｚ …) to half-width. */
function halfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** A name compared without spaces, middle dots and width differences. */
export function normalizeName(name: string): string {
  return halfWidth(name)
    .replace(/[\s·•・.]/g, '')
    .toLowerCase();
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** A 身份证号 in its 18-character form (a 15-character one upgraded), upper-case; '' if invalid. */
export function normalizeIdNumber(id: string): string {
  let s = halfWidth(id).replace(/[\s-]/g, '').toUpperCase();
  if (/^\d{15}$/.test(s)) {
    s = `${s.slice(0, 6)}19${s.slice(6)}`;
    const sum = [...s].reduce((n, c, i) => n + Number(c) * WEIGHTS[i]!, 0);
    s += CHECK[sum % 11];
  }
  return /^\d{17}[\dX]$/.test(s) ? s : '';
}

/** A phone number as digits, without +86/0086; '' when too short to mean anything. */
export function normalizePhone(phone: string): string {
  let s = halfWidth(phone).replace(/\D/g, '');
  if (s.startsWith('0086')) s = s.slice(4);
  else if (s.startsWith('86') && s.length === 13) s = s.slice(2);
  return s.length >= 7 ? s : '';
}

/** An address compared without spaces and punctuation. */
export function normalizeAddress(address: string): string {
  return halfWidth(address).replace(/[\s,，、.。#号-]/g, '');
}

/**
 * 重复信访 (pure): the earlier cases of any of `petitioners`, matched on normalised 身份证号,
 * name + phone, phone alone, or name + address; each with its reasons. Certain matches first,
 * then the newest.
 */
export function findRepeatPetitions(
  petitioners: readonly Petitioner[],
  earlier: readonly EarlierPetition[],
): RepeatMatch[] {
  const out: Array<RepeatMatch & { order: number; at: number }> = [];
  earlier.forEach((c, order) => {
    const reasons = new Set<RepeatReason>();
    const why: string[] = [];
    for (const p of petitioners) {
      const name = normalizeName(p.name);
      const id = p.idNumber ? normalizeIdNumber(p.idNumber) : '';
      const phone = p.phone ? normalizePhone(p.phone) : '';
      const address = p.address ? normalizeAddress(p.address) : '';
      for (const q of c.petitioners) {
        const found: RepeatReason[] = [];
        if (id && q.idNumber && normalizeIdNumber(q.idNumber) === id) found.push('idNumber');
        const samePhone =
          phone !== '' && q.phone !== undefined && normalizePhone(q.phone) === phone;
        const sameName = name !== '' && normalizeName(q.name) === name;
        if (samePhone && sameName) found.push('nameAndPhone');
        else if (samePhone) found.push('phone');
        if (sameName && address && q.address && normalizeAddress(q.address) === address)
          found.push('nameAndAddress');
        for (const r of found) {
          if (!reasons.has(r)) why.push(`${REASON_ZH[r]}（${p.name}）`);
          reasons.add(r);
        }
      }
    }
    if (reasons.size === 0) return;
    const list = [...reasons];
    const at = c.registeredAt ? new Date(c.registeredAt).getTime() : 0;
    out.push({
      caseId: c.caseId,
      serialNo: c.serialNo ?? null,
      strength: list.includes('idNumber') || list.includes('nameAndPhone') ? 'certain' : 'possible',
      reasons: list,
      why,
      order,
      at,
    });
  });
  return out
    .sort(
      (a, b) =>
        (a.strength === b.strength ? 0 : a.strength === 'certain' ? -1 : 1) ||
        b.at - a.at ||
        a.order - b.order,
    )
    .map(({ order: _o, at: _a, ...m }) => m);
}
