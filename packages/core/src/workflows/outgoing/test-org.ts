import type { Delegation, User } from '../../directory/model.ts';
import type { DirectoryRepository } from '../../ports/store.ts';
import { loadTestOrg } from '../shared/test-org.ts';

/**
 * The shared test organisation (`../shared/test-org.ts`) plus, for 发文 tests: a secretary (lin, 林文秘) of 邻县人民政府 who
 * registers 收文 there, and two delegations for 发文 only — fang acts for zhao (head of 县财政局)
 * and ma acts for zhang (县长) in the last week of November 2026.
 */
export const OUTGOING_TEST_USERS: User[] = [
  {
    id: 'lin',
    unitId: 'other',
    departmentId: 'other-office',
    name: '林文秘',
    roles: ['secretary'],
    superiorId: 'outsider',
    active: true,
  },
];

/** Delegations used by the 发文 tests (workflow `outgoing` only). */
export const OUTGOING_TEST_DELEGATIONS: Delegation[] = [
  {
    id: 'dlg-zhao-fang-out',
    unitId: 'demo',
    principalId: 'zhao',
    deputyId: 'fang',
    startsAt: new Date('2026-11-23T00:00:00Z'),
    endsAt: new Date('2026-11-30T00:00:00Z'),
    workflows: ['outgoing'],
  },
  {
    id: 'dlg-zhang-ma-out',
    unitId: 'demo',
    principalId: 'zhang',
    deputyId: 'ma',
    startsAt: new Date('2026-11-23T00:00:00Z'),
    endsAt: new Date('2026-11-30T00:00:00Z'),
    workflows: ['outgoing'],
  },
];

/** Loads the shared test organisation and the 发文 additions. */
export async function loadOutgoingTestOrg(repo: DirectoryRepository): Promise<void> {
  await loadTestOrg(repo);
  for (const u of OUTGOING_TEST_USERS) await repo.putUser(u);
  for (const d of OUTGOING_TEST_DELEGATIONS) await repo.putDelegation(d);
}

/** A realistic 拟稿 payload: drafted by xu (县政府办公室), 主送 邻县 (on the platform) and 市财政局, 抄送 县审计局. */
export function sampleDraft(overrides: Record<string, unknown> = {}) {
  return {
    draftingDepartment: 'office',
    issuerCode: '示政办发',
    docType: '通知',
    secrecy: '非密',
    urgency: '加急',
    classification: '综合',
    mainRecipients: [{ unitId: 'other' }, { name: '市财政局' }],
    ccRecipients: [{ name: '县审计局' }],
    title: '关于做好2027年元旦春节期间安全生产工作的通知',
    copies: 30,
    keywords: ['安全生产', '节日'],
    attachments: [{ blobId: 'blob-att-1', name: '值班表.xlsx' }],
    body: {
      blocks: [
        { type: 'heading', level: 1, text: '一、总体要求' },
        { type: 'paragraph', text: '各单位要高度重视节日期间安全生产工作，压实责任。' },
        { type: 'heading', level: 1, text: '二、重点任务' },
        { type: 'paragraph', text: '开展隐患排查，加强值班值守。' },
      ],
    },
    ...overrides,
  };
}
