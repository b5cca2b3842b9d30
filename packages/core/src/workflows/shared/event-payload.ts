// principalOf and admits live with the other machine helpers; the payload readers are here.
export { admits, principalOf } from '../../workflow/machine-helpers.ts';

/** The event as a plain record, to read payload fields its type may lack. */
export function ev(event: object): Record<string, unknown> {
  return event as Record<string, unknown>;
}

/** A string payload field, or '' when absent. */
export function str(event: object, key: string): string {
  const v = ev(event)[key];
  return typeof v === 'string' ? v : '';
}
