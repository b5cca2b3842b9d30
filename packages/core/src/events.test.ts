import { describe, expect, it } from 'vitest';
import { INCOMING_EVENTS, MEETING_EVENTS, OUTGOING_EVENTS, REPORT_EVENTS } from './events.ts';
import { createIncomingWorkflow } from './workflows/incoming/definition.ts';
import { createMeetingWorkflow } from './workflows/meeting/definition.ts';
import { createOutgoingWorkflow } from './workflows/outgoing/definition.ts';
import { createReportWorkflow } from './workflows/report/definition.ts';

const cases = [
  ['收文', INCOMING_EVENTS, createIncomingWorkflow()],
  ['发文', OUTGOING_EVENTS, createOutgoingWorkflow()],
  ['会议', MEETING_EVENTS, createMeetingWorkflow()],
  ['报告', REPORT_EVENTS, createReportWorkflow()],
] as const;

describe('@gongwen/core/events', () => {
  it.each(cases)(
    "%s: every event of the definition, with the definition's title and schema",
    (_, events, def) => {
      expect(Object.keys(events).sort()).toEqual(Object.keys(def.events).sort());
      for (const [type, e] of Object.entries(events)) {
        expect(e.title, type).toBe(def.events[type]?.title);
        expect(e.schema, type).toBe(def.events[type]?.schema);
      }
    },
  );
});
