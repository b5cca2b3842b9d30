import { z } from 'zod';

/**
 * A copy of `schema` in which every object, however deeply nested (inside optional, nullable,
 * default, array, union, record, pipe …), refuses keys it does not name — for the SDK's own
 * schemas (event payloads, the 收文 registration), which the procedures take as they are but
 * which, in the core, let extra keys through silently. Refinements and defaults are kept.
 */
export function strictDeep<T extends z.ZodType>(schema: T): T {
  return convert(schema) as T;
}

type AnyDef = Record<string, unknown> & { type: string };

function convert(schema: z.ZodType): z.ZodType {
  const s = schema as unknown as z.core.$ZodType & { clone(def: AnyDef): z.ZodType };
  const def = s._zod.def as unknown as AnyDef;
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      const strictShape = Object.fromEntries(
        Object.entries(shape).map(([k, v]) => [k, convert(v)]),
      );
      return s.clone({ ...def, shape: strictShape, catchall: z.never() });
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return s.clone({ ...def, innerType: convert(def.innerType as z.ZodType) });
    case 'array':
      return s.clone({ ...def, element: convert(def.element as z.ZodType) });
    case 'union':
      return s.clone({ ...def, options: (def.options as z.ZodType[]).map(convert) });
    case 'intersection':
      return s.clone({
        ...def,
        left: convert(def.left as z.ZodType),
        right: convert(def.right as z.ZodType),
      });
    case 'record':
      return s.clone({ ...def, valueType: convert(def.valueType as z.ZodType) });
    case 'tuple':
      return s.clone({ ...def, items: (def.items as z.ZodType[]).map(convert) });
    case 'pipe':
      return s.clone({ ...def, in: convert(def.in as z.ZodType) });
    default:
      return schema;
  }
}

/** {@link strictDeep} of every schema of a map (e.g. event type → payload schema). */
export function strictEach<M extends Record<string, z.ZodType>>(schemas: M): M {
  return Object.fromEntries(Object.entries(schemas).map(([k, v]) => [k, strictDeep(v)])) as M;
}
