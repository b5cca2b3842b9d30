import {
  type ActionFunction,
  assign,
  type EventObject,
  emit,
  enqueueActions,
  type MachineContext,
  type ParameterizedObject,
} from 'xstate';

type Params = ParameterizedObject['params'] | undefined;

/** What a machine's action is given: its context and the event being handled. */
export interface ActionArgs<C, E> {
  context: C;
  event: E;
}

/**
 * Typed builders for a machine's guards and actions written outside its `setup({ actions })` call, so a
 * large machine can keep them in modules of their own. `C`, `E` and `N` are the
 * machine's context, events and emitted events, as given to `setup({ types })`.
 */
export function actionBuilders<
  C extends MachineContext,
  E extends EventObject,
  N extends EventObject,
>() {
  return {
    /** Guards by name (typed for `setup({ guards })`, which takes them as they are). */
    guards: <G extends Record<string, (args: ActionArgs<C, E>) => boolean>>(guards: G) =>
      guards as { [K in keyof G]: (args: ActionArgs<C, E>, params: undefined) => boolean },
    /** An `assign`: the context changes `update` returns. */
    update: <P extends Params = undefined>(
      update: (args: ActionArgs<C, E>, params: P) => Partial<C>,
    ): ActionFunction<C, E, E, P, never, never, never, never, never> =>
      assign<C, E, P, E, never>(update),
    /** An `emit` of the event `make` returns (e.g. a notification for the outbox). */
    emit: (
      make: (args: ActionArgs<C, E>) => N,
    ): ActionFunction<C, E, E, undefined, never, never, never, never, N> =>
      emit<C, E, undefined, E, N>(make),
    /** `enqueueActions`, e.g. to raise a delayed timer event. */
    enqueue: (
      body: Parameters<typeof enqueueActions<C, E, undefined, E, never, never, never, never, N>>[0],
    ): ActionFunction<C, E, E, undefined, never, never, never, never, N> =>
      enqueueActions<C, E, undefined, E, never, never, never, never, N>(body),
  };
}
