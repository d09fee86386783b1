import type { FastifySerializerCompiler } from 'fastify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';

// Every answer is checked against its route's schema before it is written: a field the schema does not
// name is dropped (a privacy guard: a service cannot leak a column by returning it), and a value the
// schema does not allow refuses the answer (500, logged), never a half-checked one.
//
// The check is zod's parse, which is about twice as fast as its encode (what fastify-type-provider-zod's
// serializer runs) and gives the same answer for a schema that converts nothing. A schema that converts
// (a transform, a codec: zod's `pipe`) is encoded, as before, so its answers read as they always did.
export const answerSerializerCompiler: FastifySerializerCompiler<unknown> = ({ schema, method, url }) => {
  const answer = zodSchemaOf(schema);
  const check = converts(answer)
    ? (data: unknown) => z.safeEncode(answer, data as never)
    : (data: unknown) => answer.safeParse(data);
  return (data: unknown) => {
    const result = check(data);
    if (result.error) throw new ResponseSerializationError(method, url, { cause: result.error });
    return JSON.stringify(result.data);
  };
};

function zodSchemaOf(schema: unknown): z.ZodType {
  if (schema instanceof z.ZodType) return schema;
  const properties = (schema as { properties?: unknown } | undefined)?.properties;
  if (properties instanceof z.ZodType) return properties;
  throw new Error(`An answer's schema must be a zod schema (${JSON.stringify(schema)})`);
}

// Whether a schema, or any schema inside it, converts a value (zod's `pipe` and `transform` kinds:
// transforms, codecs, preprocessors).
export function converts(schema: z.ZodType): boolean {
  const seen = new Set<unknown>();
  const visit = (value: unknown): boolean => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return false;
    seen.add(value);
    if (value instanceof z.ZodType) {
      const def = value._zod.def as { type: string; getter?: () => unknown };
      if (def.type === 'pipe' || def.type === 'transform') return true;
      if (def.type === 'lazy' && def.getter) return visit(def.getter());
      return Object.values(def).some(visit);
    }
    return Array.isArray(value) ? value.some(visit) : Object.values(value).some(visit);
  };
  return visit(schema);
}
