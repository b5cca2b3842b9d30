import { beforeAll, describe, expect, it } from 'vitest';
import type { Directory } from '../directory/directory.ts';
import type { Delegation } from '../directory/model.ts';
import { SAMPLE_ORG } from './sample-org.ts';

/** Delegations the directory suite expects its directory to hold besides SAMPLE_ORG. */
export const SAMPLE_DELEGATIONS: Delegation[] = [
  {
    id: 'dlg-zhang-li',
    unitId: 'demo',
    principalId: 'zhang',
    deputyId: 'li',
    startsAt: new Date('2026-11-01T00:00:00Z'),
    endsAt: new Date('2026-12-01T00:00:00Z'),
    workflows: ['approval'],
  },
  {
    id: 'dlg-chen-li-old',
    unitId: 'demo',
    principalId: 'chen',
    deputyId: 'li',
    startsAt: new Date('2025-01-01T00:00:00Z'),
    endsAt: new Date('2025-02-01T00:00:00Z'),
    workflows: null,
  },
];

/**
 * The behaviour every `Directory` must show, given a factory that returns a directory
 * holding SAMPLE_ORG and SAMPLE_DELEGATIONS.
 */
export function describeDirectoryConformance(
  name: string,
  makeDirectory: () => Promise<Directory>,
): void {
  describe(`Directory conformance: ${name}`, () => {
    let dir: Directory;
    beforeAll(async () => {
      dir = await makeDirectory();
    }, 60_000);

    it('finds units, users and departments by id, and null for unknown ids', async () => {
      expect(await dir.getUnit('demo')).toMatchObject({
        name: '示例县人民政府',
        issuerCode: '示政发',
      });
      expect(await dir.getUser('zhao')).toMatchObject({
        name: '赵局长',
        departmentId: 'finance',
        superiorId: 'chen',
        roles: ['departmentHead'],
      });
      expect(await dir.getDepartment('budget')).toMatchObject({
        parentId: 'finance',
        headUserId: 'qian',
      });
      expect(await dir.getUnit('nope')).toBeNull();
      expect(await dir.getUser('nope')).toBeNull();
      expect(await dir.getDepartment('nope')).toBeNull();
    });

    it('returns inactive users marked inactive', async () => {
      expect(await dir.getUser('retired')).toMatchObject({ active: false });
    });

    it('looks up several users at once, skipping unknown ids', async () => {
      const users = await dir.getUsers(['sun', 'nope', 'zhang']);
      expect(users.map((u) => u.id).sort()).toEqual(['sun', 'zhang']);
      expect(await dir.getUsers([])).toEqual([]);
    });

    it("lists a unit's departments only", async () => {
      const depts = await dir.listDepartments('demo');
      expect(depts.map((d) => d.id).sort()).toEqual(
        SAMPLE_ORG.departments
          .filter((d) => d.unitId === 'demo')
          .map((d) => d.id)
          .sort(),
      );
    });

    it('finds active holders of a role, by unit and optionally by department', async () => {
      expect((await dir.usersWithRole('demo', 'leader')).map((u) => u.id).sort()).toEqual([
        'chen',
        'zhang',
      ]);
      expect((await dir.usersWithRole('demo', 'staff', 'budget')).map((u) => u.id).sort()).toEqual([
        'qian',
        'sun',
      ]);
      expect((await dir.usersWithRole('other', 'leader')).map((u) => u.id)).toEqual(['outsider']);
      expect(await dir.usersWithRole('demo', 'no-such-role')).toEqual([]);
    });

    it('returns only delegations in force at the instant', async () => {
      const now = await dir.delegationsOfDeputy('li', new Date('2026-11-25T00:00:00Z'));
      expect(now.map((d) => d.id)).toEqual(['dlg-zhang-li']);
      expect(now[0]).toMatchObject({ principalId: 'zhang', workflows: ['approval'] });
      expect(now[0]!.startsAt).toEqual(new Date('2026-11-01T00:00:00Z'));
      expect(await dir.delegationsOfDeputy('li', new Date('2026-12-01T00:00:00Z'))).toEqual([]);
      expect(
        (await dir.delegationsOfDeputy('li', new Date('2025-01-15T00:00:00Z'))).map((d) => d.id),
      ).toEqual(['dlg-chen-li-old']);
      expect(await dir.delegationsOfDeputy('zhang', new Date('2026-11-25T00:00:00Z'))).toEqual([]);
    });

    it('lists the delegations of a unit in force at the instant', async () => {
      const now = await dir.delegationsOfUnit('demo', new Date('2026-11-25T00:00:00Z'));
      expect(now.map((d) => d.id)).toEqual(['dlg-zhang-li']);
      expect(
        (await dir.delegationsOfUnit('demo', new Date('2025-01-15T00:00:00Z'))).map((d) => d.id),
      ).toEqual(['dlg-chen-li-old']);
      expect(await dir.delegationsOfUnit('other', new Date('2026-11-25T00:00:00Z'))).toEqual([]);
    });
  });
}
