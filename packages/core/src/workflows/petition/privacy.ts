import type { PetitionContext } from './context.ts';
import type { Petitioner, PetitionRegistration } from './fields.ts';
import { PETITION_CLERK_ROLE } from './steps.ts';

/** 身份证号 shown as its first 4 and last 4 characters: 3301**********1234. */
export function maskIdNumber(id: string): string {
  const s = id.replace(/[\s-]/g, '').toUpperCase();
  if (s.length <= 8) return '*'.repeat(s.length);
  return `${s.slice(0, 4)}${'*'.repeat(s.length - 8)}${s.slice(-4)}`;
}

/** A phone number shown as its first 3 and last 4 digits: 138****5678. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  const s = digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
  if (s.length <= 7) return '*'.repeat(s.length);
  return `${s.slice(0, 3)}${'*'.repeat(s.length - 7)}${s.slice(-4)}`;
}

/** An address shown up to its first 6 characters (省市县 as a rule): 浙江省杭州市****. */
export function maskAddress(address: string): string {
  const s = address.trim();
  return s.length <= 6 ? '****' : `${s.slice(0, 6)}****`;
}

/** A name shown as its first character: 张**. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

/** Who looks at a case: id, roles and department. */
export interface PetitionViewer {
  id: string;
  roles: readonly string[];
  departmentId: string | null;
}

/**
 * What a viewer may see of the petitioners:
 * - `full`: 信访 staff (the clerk role) and the handling department's assigned handler;
 * - `masked`: everyone else — 身份证号, 电话 and 住址 masked, the name shown, scans hidden;
 * - `hidden`: people of a department the complaint is about (被反映部门, and the departments
 *   below it), unless the office recorded at 交办 that the department may know — the name is
 *   withheld too, and this rule wins over the handler rule.
 */
export type PetitionerAccess = 'full' | 'masked' | 'hidden';

/** The departments below `ids` (inclusive), from a parent map. */
function withBelow(
  ids: readonly string[],
  parents: ReadonlyMap<string, string | null>,
): Set<string> {
  const out = new Set(ids);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [id, parent] of parents)
      if (parent !== null && out.has(parent) && !out.has(id)) {
        out.add(id);
        grew = true;
      }
  }
  return out;
}

/**
 * The privacy rule (pure): the access a viewer has to the petitioners' personal data of a case.
 * `departmentParents` maps department ids to their parent (for "below"); omit it to compare
 * departments exactly.
 */
export function petitionerAccess(
  ctx: Pick<PetitionContext, 'registration' | 'department'>,
  viewer: PetitionViewer,
  options: { clerkRole?: string; departmentParents?: ReadonlyMap<string, string | null> } = {},
): PetitionerAccess {
  const clerkRole = options.clerkRole ?? PETITION_CLERK_ROLE;
  if (viewer.roles.includes(clerkRole)) return 'full';
  const subjects = withBelow(
    ctx.registration.subjectDepartments,
    options.departmentParents ?? new Map(),
  );
  const disclosed = ctx.department?.disclosePetitioner === true;
  const inSubject = viewer.departmentId !== null && subjects.has(viewer.departmentId);
  if (inSubject && !disclosed) return 'hidden';
  if (ctx.department?.handler === viewer.id) return 'full';
  return 'masked';
}

/** A petitioner as a viewer may see them. */
export function maskPetitioner(p: Petitioner, access: PetitionerAccess): Petitioner {
  if (access === 'full') return p;
  if (access === 'hidden') return { name: '（信访人信息已隐去）' };
  return {
    name: p.name,
    ...(p.idNumber ? { idNumber: maskIdNumber(p.idNumber) } : {}),
    ...(p.phone ? { phone: maskPhone(p.phone) } : {}),
    ...(p.address ? { address: maskAddress(p.address) } : {}),
  };
}

/**
 * The registration as a viewer may see it: petitioners masked per `access`; the letter's
 * scans (which show name and address) only with full access; representatives' names withheld
 * when hidden.
 */
export function maskRegistration(
  r: PetitionRegistration,
  access: PetitionerAccess,
): PetitionRegistration {
  if (access === 'full') return r;
  if (r.channel === 'letter') return { ...r, sender: maskPetitioner(r.sender, access), scans: [] };
  return {
    ...r,
    visitors: r.visitors.map((v) => maskPetitioner(v, access)),
    representatives: access === 'hidden' ? [] : r.representatives,
  };
}

/** The petitioners of a registration (the sender of a letter, the visitors of a visit). */
export function petitionersOf(r: PetitionRegistration): Petitioner[] {
  return r.channel === 'letter' ? [r.sender] : r.visitors;
}
