import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createTestApp, type TestApp } from './test-app';

// What the 发文 router tests share: a test app with a seal folder and a secretary of the
// neighbouring county, a 正文, and drafts of the sample and the demo organisation.

/** A test app with a seal folder, for one 发文 test file. */
export type OutgoingTestApp = TestApp & {
  /** Where the unit's seal and its CA are kept. */
  sealDir: string;
};

/**
 * Opens a test app whose seals live in a temporary folder (removed on close()), with a
 * secretary (lin) of the neighbouring county. Share one per test file (beforeAll / afterAll).
 */
async function openOutgoingTestApp(): Promise<OutgoingTestApp> {
  const sealDir = await mkdtemp(join(tmpdir(), 'gongwen-seals-'));
  const app = await createTestApp({ accounts: false, sealDir });
  // the neighbouring county needs a secretary to register (签收) what is distributed to it
  await app.store.directory.putUser({
    id: 'lin',
    unitId: 'other',
    departmentId: 'other-office',
    name: '林文秘',
    roles: ['secretary'],
    superiorId: 'outsider',
    active: true,
  });
  const close = app.close;
  return Object.assign(app, {
    sealDir,
    async close() {
      await close();
      await rm(sealDir, { recursive: true, force: true });
    },
  });
}

/**
 * Opens the file's test app in beforeAll (handing it to `opened`) and closes it in afterAll:
 * `let app: OutgoingTestApp; shareOutgoingTestApp((a) => { app = a; });`
 */
export function shareOutgoingTestApp(opened: (app: OutgoingTestApp) => void): void {
  let app: OutgoingTestApp | undefined;
  beforeAll(async () => {
    app = await openOutgoingTestApp();
    opened(app);
  });
  afterAll(async () => {
    await app?.close();
  });
}

/** A 正文: one heading, then a paragraph per text. */
export const draftBody = (...texts: string[]) => ({
  blocks: [
    { type: 'heading' as const, level: 1 as const, text: '一、总体要求' },
    ...texts.map((text) => ({ type: 'paragraph' as const, text })),
  ],
});

/** A 发文 draft of 预算股 (sample organisation) to two recipients, with `overrides`. */
export const outgoingDraft = (overrides: Record<string, unknown> = {}) => ({
  draftingDepartment: 'budget',
  issuerCode: '示政发',
  docType: '通知' as const,
  secrecy: '非密' as const,
  urgency: '加急' as const,
  classification: '综合',
  mainRecipients: [{ unitId: 'other' }, { name: '市财政局' }],
  ccRecipients: [],
  title: '关于做好2027年元旦春节期间安全生产工作的通知',
  copies: 30,
  keywords: ['安全生产'],
  attachments: [],
  body: draftBody('各单位要高度重视节日期间安全生产工作，压实责任。'),
  ...overrides,
});

/** A 发文 draft of 县财政局 in the demo organisation, with `overrides`. */
export const demoOutgoingDraft = (overrides: Record<string, unknown> = {}) =>
  outgoingDraft({
    draftingDepartment: 'finance',
    issuerCode: '示政发',
    mainRecipients: [{ name: '各乡镇人民政府' }],
    title: '关于做好2027年县级财政预算编制工作的通知',
    ...overrides,
  });
