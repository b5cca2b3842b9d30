import { z } from 'zod';
import { strictDeep } from './strict';

/** A workflow's events as `@gongwen/core/events` lists them. */
type EventMap = Record<string, { schema: z.ZodType; service?: boolean; handwriting?: boolean }>;

/** The events a case page sends through its workflow's `send` (not those with a procedure of their own). */
type Sendable<E extends EventMap> = {
  [K in keyof E]: E[K] extends { service: true } ? never : K;
}[keyof E] &
  string;

/** Event type → payload schema of the events a case page sends. */
export type PayloadSchemas<E extends EventMap> = { [K in Sendable<E>]: E[K]['schema'] };

/** The payload schema of every event a case page sends, exactly the core's. */
export function payloadSchemas<E extends EventMap>(events: E): PayloadSchemas<E> {
  return Object.fromEntries(
    Object.entries(events)
      .filter(([, e]) => !e.service)
      .map(([type, e]) => [type, e.schema]),
  ) as PayloadSchemas<E>;
}

/** The events whose opinion may carry a handwritten annotation (手写批注). */
export function handwritingEventsOf<E extends EventMap>(
  events: E,
): ReadonlyArray<keyof E & string> {
  return Object.keys(events).filter((type) => events[type]?.handwriting === true);
}

type ActionOption<S extends Record<string, z.ZodType>> = {
  [K in keyof S & string]: z.ZodObject<{ type: z.ZodLiteral<K>; payload: S[K] }, z.core.$strict>;
}[keyof S & string];

/**
 * `{ type, payload }` of one event, the payload validated by the core's schema for that type —
 * strict, nested objects too, as procedure inputs take it.
 */
export function actionSchema<S extends Record<string, z.ZodType>>(schemas: S) {
  const options = Object.entries(schemas).map(([type, payload]) =>
    z.strictObject({ type: z.literal(type), payload: strictDeep(payload) }),
  );
  return z.discriminatedUnion(
    'type',
    options as unknown as [ActionOption<S>, ...ActionOption<S>[]],
    { message: '不支持的操作' },
  );
}
