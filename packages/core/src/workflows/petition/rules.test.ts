import { describe, expect, it } from 'vitest';
import { createChineseCalendar } from '../../calendar/working-calendar.ts';
import { createMemoryStore } from '../../memory/memory-store.ts';
import type { PetitionContext } from './context.ts';
import { calendarDayDeadline, extendDeadline } from './deadlines.ts';
import { ZPetitionRegistration } from './fields.ts';
import {
  maskIdNumber,
  maskPhone,
  maskRegistration,
  type PetitionViewer,
  petitionerAccess,
} from './privacy.ts';
import { findRepeatPetitions, normalizeIdNumber } from './repeat.ts';
import { petitionHarness, sampleLetter, sampleVisit } from './testing-harness.ts';

/** An assumed 2027 春节 table (the bundled one ends with 2026): 2027-02-05 … 2027-02-13 off. */
const SPRING_2027 = Array.from(
  { length: 9 },
  (_, i) => `2027-02-${String(5 + i).padStart(2, '0')}`,
);
const calendar = createChineseCalendar({ closures: SPRING_2027 });

describe('信访 deadlines count calendar days, with the holiday rule', () => {
  it('15 days from a receipt on 2027-01-27 end on 2027-02-11, inside 春节: moved to Monday 2027-02-15', () => {
    const d = calendarDayDeadline(calendar, '2027-01-27', 15);
    expect(d).toMatchObject({ nominalDate: '2027-02-11', date: '2027-02-15', rolledOver: true });
    expect(d.at).toBe('2027-02-15T15:59:59.999Z');
    const strict = calendarDayDeadline(calendar, '2027-01-27', 15, { rollOverHolidays: false });
    expect(strict.at).toBe('2027-02-11T15:59:59.999Z');
  });

  it('60 days from 受理 on 2026-12-10 end on 2027-02-08 (春节) → 2027-02-15; +30 days count from 02-08 → 2027-03-10', () => {
    const d = calendarDayDeadline(calendar, '2026-12-10', 60);
    expect([d.nominalDate, d.date]).toEqual(['2027-02-08', '2027-02-15']);
    const e = extendDeadline(calendar, d, 30);
    expect([e.nominalDate, e.date, e.days, e.at]).toEqual([
      '2027-03-10',
      '2027-03-10',
      90,
      '2027-03-10T15:59:59.999Z',
    ]);
  });

  it('schedules the timers of 受理, 办理 and the approved 延期 at the right instants (injected clock)', async () => {
    const h = await petitionHarness(createMemoryStore(), '2027-01-27T02:00:00Z', { calendar });
    const { caseId } = await h.register(sampleLetter({ receivedDate: '2027-01-27' }));
    const timers = async () =>
      (await h.store.listTimers(caseId)).map((t) => [t.sendId, t.dueAt.toISOString()]).sort();
    expect(await timers()).toEqual([
      ['petition-deadline-near', '2027-02-12T15:59:59.999Z'],
      ['petition-deadline-passed', '2027-02-15T15:59:59.999Z'],
    ]);
    // the 临期提醒 fires, then 受理 on 2027-02-15 (the last day)
    h.clock.set('2027-02-12T16:00:00Z');
    expect((await h.engine.runDueTimers()).fired).toBe(1);
    h.clock.set('2027-02-15T02:00:00Z');
    await h.send(caseId, 'xin', { type: 'ACCEPT' });
    await h.send(caseId, 'xin', { type: 'ASSIGN', departmentId: 'land' });
    await h.send(caseId, 'tu', { type: 'ASSIGN_HANDLER', handlerId: 'di' });
    // 60 days from 2027-02-15 (February has 28 days): Friday 2027-04-16
    expect(await timers()).toEqual([
      ['petition-deadline-near', '2027-04-13T15:59:59.999Z'],
      ['petition-deadline-passed', '2027-04-16T15:59:59.999Z'],
    ]);
    await h.send(caseId, 'di', { type: 'REQUEST_EXTENSION', days: 30, reason: '需现场勘验' });
    // one request at a time
    await expect(
      h.send(caseId, 'di', { type: 'REQUEST_EXTENSION', days: 1, reason: '再延' }),
    ).rejects.toMatchObject({ code: 'INVALID_EVENT' });
    // only the office decides
    await expect(
      h.send(caseId, 'tu', {
        type: 'APPROVE_EXTENSION',
        noticeIssuedOn: '2027-02-15',
        noticeMethod: '邮寄',
      }),
    ).rejects.toMatchObject({ code: 'NOT_PERMITTED' });
    await h.send(caseId, 'xin', {
      type: 'APPROVE_EXTENSION',
      noticeIssuedOn: '2027-02-15',
      noticeMethod: '邮寄',
    });
    // +30 from the nominal 2027-04-16: 2027-05-16 is a Sunday → Monday 2027-05-17
    expect(await timers()).toEqual([
      ['petition-deadline-near', '2027-05-14T15:59:59.999Z'],
      ['petition-deadline-passed', '2027-05-17T15:59:59.999Z'],
    ]);
    // no more than 30 days in all
    await expect(
      h.send(caseId, 'di', { type: 'REQUEST_EXTENSION', days: 1, reason: '再延' }),
    ).rejects.toMatchObject({ code: 'INVALID_EVENT' });
    // the deadline passes: 督办 by the timer, reminder tasks, repeated each working day
    h.clock.set('2027-05-17T16:00:00Z');
    expect((await h.engine.runDueTimers()).fired).toBe(2);
    const c = await h.engine.case(caseId);
    expect(c.fields.overdue).toEqual(['handle']);
    expect(await h.openKeys(caseId)).toEqual([
      'handle:1:investigate',
      'remind:3:handle:1:investigate',
    ]);
    // fired at 00:00 Tuesday 2027-05-18 Beijing time: the next 督办 at the end of the next working day
    expect((await timers())[0]).toEqual(['petition-deadline-passed', '2027-05-19T15:59:59.999Z']);
    // a manual 催办 by the office; not by others
    await expect(h.send(caseId, 'sun', { type: 'REMIND' })).rejects.toMatchObject({
      code: 'NOT_PERMITTED',
    });
    await h.send(caseId, 'fu', { type: 'REMIND', note: '请于本周内答复' });
    expect((await h.engine.verifyLedger(caseId)).ok).toBe(true);
  });
});

describe('重复信访 matcher', () => {
  const earlier = [
    {
      caseId: 'c1',
      serialNo: '示信〔2026〕3号',
      registeredAt: '2026-03-01T00:00:00Z',
      petitioners: [{ name: '王 建民', idNumber: '330102780506123', phone: '+86 138-1234-5678' }],
    },
    { caseId: 'c2', petitioners: [{ name: '王建国', phone: '13812345678' }] },
    { caseId: 'c3', petitioners: [{ name: '李四', phone: '13900000000' }] },
    {
      caseId: 'c4',
      registeredAt: '2026-06-01T00:00:00Z',
      petitioners: [{ name: '王建民', address: '示例县城关镇解放路18号' }],
    },
  ];
  it('matches by normalised ID (15 → 18 digits), name + phone, phone alone, name + address, with why', () => {
    expect(normalizeIdNumber('330102780506123')).toMatch(/^33010219780506123[\dX]$/);
    const me = {
      name: '王建民',
      idNumber: normalizeIdNumber('330102780506123'),
      phone: '13812345678',
      address: '示例县城关镇解放路 18 号',
    };
    const m = findRepeatPetitions([me], earlier);
    expect(m.map((x) => [x.caseId, x.strength, x.reasons])).toEqual([
      ['c1', 'certain', ['idNumber', 'nameAndPhone']],
      ['c4', 'possible', ['nameAndAddress']],
      ['c2', 'possible', ['phone']],
    ]);
    expect(m[0]!.why).toEqual(['身份证号相同（王建民）', '姓名和电话相同（王建民）']);
    expect(findRepeatPetitions([{ name: '赵六' }], earlier)).toEqual([]);
  });
});

describe('privacy of petitioners', () => {
  const reg = ZPetitionRegistration.parse(sampleVisit());
  const ctx = (handler: string | null, disclose = false) =>
    ({
      registration: reg,
      department: handler
        ? {
            id: 'finance',
            assignedBy: 'xin',
            assignedAt: '',
            disclosePetitioner: disclose,
            note: null,
            step: 1,
            head: 'zhao',
            handler,
          }
        : null,
    }) as Pick<PetitionContext, 'registration' | 'department'>;
  const v = (id: string, roles: string[], departmentId: string | null): PetitionViewer => ({
    id,
    roles,
    departmentId,
  });
  it('masks ID numbers and phones', () => {
    expect(maskIdNumber('330102197805061234')).toBe('3301**********1234');
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
  it('full for 信访专员 and the assigned handler, masked elsewhere, hidden from the department complained about', () => {
    expect(petitionerAccess(ctx(null), v('xin', ['petitionClerk'], 'letters'))).toBe('full');
    expect(petitionerAccess(ctx('sun'), v('sun', ['staff'], 'budget'))).toBe('full');
    expect(petitionerAccess(ctx('sun'), v('zhao', ['departmentHead'], 'finance'))).toBe('masked');
    expect(petitionerAccess(ctx('sun'), v('zhang', ['leader'], 'gov'))).toBe('masked');
    expect(petitionerAccess(ctx('sun'), v('di', ['staff'], 'land'))).toBe('hidden');
    // the handler in a department complained about sees nothing unless the office disclosed
    expect(petitionerAccess(ctx('di'), v('di', ['staff'], 'land'))).toBe('hidden');
    expect(petitionerAccess(ctx('di', true), v('di', ['staff'], 'land'))).toBe('full');
    expect(petitionerAccess(ctx('sun', true), v('tu', ['departmentHead'], 'land'))).toBe('masked');
    // sub-departments of the one complained about
    const parents = new Map<string, string | null>([
      ['land', 'gov'],
      ['land-sub', 'land'],
    ]);
    expect(
      petitionerAccess(ctx('sun'), v('x', ['staff'], 'land-sub'), { departmentParents: parents }),
    ).toBe('hidden');
    const masked = maskRegistration(reg, 'masked');
    expect(masked.channel === 'visit' && masked.visitors[0]).toEqual({
      name: '王建民',
      idNumber: '3301**********1234',
      phone: '138****5678',
      address: '示例县城关镇****',
    });
    const hidden = maskRegistration(reg, 'hidden');
    expect(JSON.stringify(hidden)).not.toContain('王建民');
  });
});
