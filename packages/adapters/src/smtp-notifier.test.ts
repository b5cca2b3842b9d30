import type { AddressInfo } from 'node:net';
import {
  createChineseCalendar,
  createMeetingWorkflow,
  createStoreDirectory,
  createWorkflowEngine,
  manualClock,
  routeNotifications,
} from '@gongwen/core';
import { loadSampleOrg, SAMPLE_ROOMS } from '@gongwen/core/testing';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgliteStore } from './pglite.ts';
import { createRoomBookings } from './room-bookings.ts';
import { createSmtpNotifier } from './smtp-notifier.ts';

/** A real SMTP server on a free local port that parses every message it accepts. */
function startSink() {
  const inbox: ParsedMail[] = [];
  let refuseNext = 0;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    disableReverseLookup: true,
    logger: false,
    onRcptTo(address, _session, cb) {
      if (refuseNext > 0) {
        refuseNext--;
        const err = new Error(`mailbox unavailable: ${address.address}`) as Error & {
          responseCode: number;
        };
        err.responseCode = 550;
        return cb(err);
      }
      cb();
    },
    onData(stream, _session, cb) {
      simpleParser(stream).then(
        (m) => {
          inbox.push(m);
          cb();
        },
        (e: Error) => cb(e),
      );
    },
  });
  return new Promise<{
    inbox: ParsedMail[];
    port: number;
    refuse: (n: number) => void;
    close: () => Promise<void>;
  }>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        inbox,
        port: (server.server.address() as AddressInfo).port,
        refuse: (n) => {
          refuseNext = n;
        },
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

describe('createSmtpNotifier against a real local SMTP server', () => {
  let sink: Awaited<ReturnType<typeof startSink>>;
  beforeAll(async () => {
    sink = await startSink();
  });
  afterAll(() => sink.close());

  const notifier = () =>
    createSmtpNotifier({
      host: '127.0.0.1',
      port: sink.port,
      ignoreTLS: true,
      from: '"示例县人民政府办公室" <oa@example.gov.cn>',
      subjectPrefix: '【公文系统】',
      addressOf: async (userId) => (userId === 'nomail' ? null : `${userId}@example.gov.cn`),
    });

  it('delivers a Chinese notification to every recipient with an address', async () => {
    const n = notifier();
    try {
      sink.inbox.length = 0;
      await n.send({
        unitId: 'demo',
        channel: 'mail',
        to: ['chen', 'nomail', 'zhao', 'chen'],
        title: '会议提醒：专题会议',
        body: '会议定于12月1日 09:00召开，请准时参加。',
        caseId: 'case-42',
      });
      expect(sink.inbox).toHaveLength(1);
      const m = sink.inbox[0]!;
      expect(m.subject).toBe('【公文系统】会议提醒：专题会议');
      expect(m.text?.trim()).toBe('会议定于12月1日 09:00召开，请准时参加。');
      expect(m.from?.value[0]).toEqual({
        name: '示例县人民政府办公室',
        address: 'oa@example.gov.cn',
      });
      const to = Array.isArray(m.to) ? m.to.flatMap((a) => a.value) : (m.to?.value ?? []);
      expect(to.map((a) => a.address).sort()).toEqual([
        'chen@example.gov.cn',
        'zhao@example.gov.cn',
      ]);
      expect(m.headers.get('x-gongwen-case')).toBe('case-42');
      // nobody with an address: nothing to send
      await n.send({ unitId: 'demo', channel: 'mail', to: ['nomail'], title: 't', body: 'b' });
      expect(sink.inbox).toHaveLength(1);
      // a refusing server makes send throw, so the outbox keeps the row
      sink.refuse(1);
      await expect(
        n.send({ unitId: 'demo', channel: 'mail', to: ['chen'], title: 't', body: 'b' }),
      ).rejects.toThrow();
    } finally {
      n.close();
    }
  });

  it('a meeting’s 会前提醒 reaches the attendees by mail through the engine’s outbox (PGlite)', async () => {
    const store = await createPgliteStore({ dataDir: 'memory://' });
    const n = notifier();
    try {
      sink.inbox.length = 0;
      await loadSampleOrg(store.directory);
      const roomBookings = createRoomBookings(store.kysely);
      for (const r of SAMPLE_ROOMS) await roomBookings.putRoom(r);
      const clock = manualClock('2026-11-25T01:00:00Z');
      const calendar = createChineseCalendar();
      const engine = createWorkflowEngine({
        store,
        directory: createStoreDirectory(store.directory),
        clock,
        calendar,
        workflows: [createMeetingWorkflow({ calendar, roomBookings })],
      });
      const send = (
        caseId: string,
        actorId: string,
        event: { type: string; [k: string]: unknown },
      ) => engine.send({ caseId, actorId, commandId: crypto.randomUUID(), event });
      const { caseId } = await engine.start({
        workflow: 'meeting',
        actorId: 'wang',
        commandId: crypto.randomUUID(),
        input: {
          title: '县政府常务会议',
          type: '常务会',
          start: '2026-12-01T09:00:00+08:00',
          end: '2026-12-01T11:00:00+08:00',
          participants: { users: ['chen', 'zhao'], departments: [] },
          approverId: 'zhang',
          remindBeforeMinutes: 30,
        },
      });
      await send(caseId, 'wang', {
        type: 'SET_AGENDA',
        ownTopics: [{ title: '研究冬季安全生产工作' }],
      });
      const booking = await roomBookings.book({
        unitId: 'demo',
        roomId: 'room-2',
        range: { start: new Date('2026-12-01T01:00:00Z'), end: new Date('2026-12-01T03:00:00Z') },
        meetingCaseId: caseId,
        bookedBy: 'wang',
      });
      await send(caseId, 'wang', {
        type: 'BOOK_ROOM',
        bookingId: booking.id,
        roomId: 'room-2',
        start: booking.start.toISOString(),
        end: booking.end.toISOString(),
      });
      await send(caseId, 'wang', { type: 'SUBMIT_PLAN' });
      await send(caseId, 'zhang', { type: 'APPROVE' });
      await send(caseId, 'chen', { type: 'REPLY', answer: 'attend' });
      await send(caseId, 'zhao', { type: 'REPLY', answer: 'delegate', deputyId: 'qian' });
      const inApp: string[] = [];
      const router = routeNotifications(
        { inApp: { send: async (m) => void inApp.push(m.title) }, mail: n },
        { drop: ['sms'] },
      );
      await engine.deliverNotifications(router); // notice and the deputy's message: no mail yet
      expect(sink.inbox).toHaveLength(0);

      clock.set('2026-12-01T00:30:00Z'); // 08:30 CST, 30 minutes before
      // the reply deadline passed too, but everyone replied: that timer is discarded
      expect(await engine.runDueTimers()).toMatchObject({ fired: 1, discarded: 1 });
      expect(await engine.deliverNotifications(router)).toBeGreaterThanOrEqual(2);
      expect(sink.inbox).toHaveLength(1);
      const m = sink.inbox[0]!;
      expect(m.subject).toBe('【公文系统】会议提醒：县政府常务会议');
      expect(m.text).toContain('《县政府常务会议》定于12月1日 09:00召开');
      const to = Array.isArray(m.to) ? m.to.flatMap((a) => a.value) : (m.to?.value ?? []);
      expect(to.map((a) => a.address).sort()).toEqual([
        'chen@example.gov.cn',
        'qian@example.gov.cn',
        'wang@example.gov.cn',
      ]);
      expect(inApp).toContain('会议提醒：县政府常务会议');
      // delivered once: another pass sends nothing again
      expect(await engine.deliverNotifications(router)).toBe(0);
      expect(sink.inbox).toHaveLength(1);
    } finally {
      n.close();
      await store.close();
    }
  });
});
