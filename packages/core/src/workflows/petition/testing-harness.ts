import { createChineseCalendar, type WorkingCalendar } from '../../calendar/working-calendar.ts';
import { manualClock } from '../../clock.ts';
import type { Department, User } from '../../directory/model.ts';
import { createStoreDirectory } from '../../directory/store-directory.ts';
import { createWorkflowEngine } from '../../engine/engine.ts';
import type { DirectoryRepository, Store } from '../../ports/store.ts';
import { loadSampleOrg } from '../../testing/sample-org.ts';
import { createPetitionWorkflow, type PetitionWorkflowOptions } from './definition.ts';
import { PETITION_CLERK_ROLE } from './steps.ts';

/** 县自然资源局 (head tu, staff di): the department complaints about land go to or are about. */
export const PETITION_TEST_DEPARTMENTS: Department[] = [
  { id: 'land', unitId: 'demo', parentId: 'gov', name: '县自然资源局', headUserId: 'tu', sort: 7 },
  {
    id: 'letters',
    unitId: 'demo',
    parentId: 'office',
    name: '信访科',
    headUserId: 'xin',
    sort: 8,
  },
];

function u(id: string, name: string, dept: string, roles: string[], sup: string | null): User {
  return { id, unitId: 'demo', departmentId: dept, name, roles, superiorId: sup, active: true };
}

/** Users added to the sample organisation: two 信访专员 (xin, fu), the land bureau's head and staff. */
export const PETITION_TEST_USERS: User[] = [
  u('xin', '辛科长', 'letters', [PETITION_CLERK_ROLE, 'departmentHead'], 'li'),
  u('fu', '付专员', 'letters', [PETITION_CLERK_ROLE, 'staff'], 'xin'),
  u('tu', '涂局长', 'land', ['departmentHead'], 'chen'),
  u('di', '狄科员', 'land', ['staff'], 'tu'),
];

/** Loads the sample org plus the 信访 test departments and users. */
export async function loadPetitionTestOrg(repo: DirectoryRepository): Promise<void> {
  await loadSampleOrg(repo);
  for (const d of PETITION_TEST_DEPARTMENTS) await repo.putDepartment(d);
  for (const user of PETITION_TEST_USERS) await repo.putUser(user);
}

/** A 来访 registration (a single visitor), tests only. */
export function sampleVisit(overrides: Record<string, unknown> = {}) {
  return {
    channel: 'visit',
    visitors: [
      {
        name: '王建民',
        idNumber: '330102197805061234',
        phone: '13812345678',
        address: '示例县城关镇解放路18号',
      },
    ],
    headcount: 1,
    representatives: [],
    visitedAt: '2026-12-01T02:00:00Z',
    receptionPlace: '县信访接待大厅',
    receptionist: 'xin',
    summary: '反映城关镇解放路旧城改造项目拆迁补偿款未按协议足额发放。',
    locality: '城关镇',
    category: '征地拆迁',
    subjectDepartments: ['land'],
    ...overrides,
  };
}

/** A 来信 registration, tests only. */
export function sampleLetter(overrides: Record<string, unknown> = {}) {
  return {
    channel: 'letter',
    sender: {
      name: '李秀兰',
      idNumber: '330102196503074321',
      phone: '0571-86001234',
      address: '示例县河西乡李家村3组',
    },
    receivedDate: '2026-12-01',
    scans: [{ blobId: 'blob-letter', name: '来信扫描件.pdf' }],
    summary: '反映村里养殖场污水直排河道，要求查处。',
    locality: '河西乡',
    category: '环境保护',
    ...overrides,
  };
}

/** An engine running the 信访 workflow on a store holding the test organisation (tests only). */
export async function petitionHarness(
  store: Store,
  start = '2026-12-01T02:00:00Z',
  options: PetitionWorkflowOptions & { calendar?: WorkingCalendar } = {},
) {
  await loadPetitionTestOrg(store.directory);
  const clock = manualClock(start);
  const calendar = options.calendar ?? createChineseCalendar();
  const workflow = createPetitionWorkflow({ serialPrefix: '示信', ...options, calendar });
  const engine = createWorkflowEngine({
    store,
    directory: createStoreDirectory(store.directory),
    clock,
    calendar,
    workflows: [workflow],
  });
  let n = 0;
  const cmd = () => `petition-cmd-${++n}-${Math.random().toString(36).slice(2)}`;
  return {
    store,
    clock,
    calendar,
    engine,
    workflow,
    register: (input: Record<string, unknown> = sampleVisit(), actorId = 'xin') =>
      engine.start({ workflow: 'petition', actorId, commandId: cmd(), input }),
    send: (
      caseId: string,
      actorId: string,
      event: { type: string; [k: string]: unknown },
      extra: { onBehalfOf?: string } = {},
    ) => engine.send({ caseId, actorId, commandId: cmd(), event, ...extra }),
    openKeys: async (caseId: string) =>
      (await engine.case(caseId)).assignments.map((a) => a.key).sort(),
  };
}
