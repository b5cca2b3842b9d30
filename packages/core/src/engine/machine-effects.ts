import { __unsafe_getAllOwnEventDescriptors, type AnyMachineSnapshot } from 'xstate';
import type { TimerRecord } from '../ports/store.ts';

/** A notification the machine asked for with `emit({ type: 'notify', … })`. */
export interface NotifyRequest {
  to: string[];
  title: string;
  body: string;
  channel: 'inApp' | 'sms' | 'mail';
}

/** The durable side of a pure transition's actions. */
export interface MachineEffects {
  /** Timers to (re)create, by send id. */
  schedule: Map<string, TimerRecord['event'] & { delayMs: number }>;
  /** Send ids whose timers must go (cancelled, or replaced by a new schedule). */
  cancel: Set<string>;
  notify: NotifyRequest[];
}

interface ActionLike {
  type: string;
  params?: Record<string, unknown> | undefined;
}

/**
 * Reads the actions `transition()` returned: a delayed `raise` (including `after`)
 * becomes a timer, `cancel` deletes one, `emit({ type: 'notify' })` becomes an
 * outbox row. Everything else is pure and already reflected in the snapshot.
 */
export function collectEffects(actions: readonly ActionLike[]): MachineEffects {
  const effects: MachineEffects = { schedule: new Map(), cancel: new Set(), notify: [] };
  for (const action of actions) {
    const params = action.params ?? {};
    if (action.type === 'xstate.raise' && typeof params.delay === 'number') {
      const event = params.event as TimerRecord['event'];
      const sendId = typeof params.id === 'string' ? params.id : event.type;
      effects.schedule.set(sendId, { ...event, delayMs: params.delay });
      effects.cancel.add(sendId);
    } else if (action.type === 'xstate.cancel' && typeof params.sendId === 'string') {
      effects.schedule.delete(params.sendId);
      effects.cancel.add(params.sendId);
    } else if (action.type === 'xstate.emit') {
      const event = params.event as Partial<NotifyRequest> & { type?: string };
      if (event?.type === 'notify' && Array.isArray(event.to) && event.to.length > 0) {
        effects.notify.push({
          to: event.to.map(String),
          title: String(event.title ?? ''),
          body: String(event.body ?? ''),
          channel: event.channel ?? 'inApp',
        });
      }
    }
  }
  return effects;
}

/** Event types some active state node handles (guards not evaluated). */
export function handledEventTypes(snapshot: AnyMachineSnapshot): Set<string> {
  return new Set(__unsafe_getAllOwnEventDescriptors(snapshot));
}
