import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isResponseSerializationError } from 'fastify-type-provider-zod';
import { answerSerializerCompiler, converts } from './answer-serializer.ts';

const serializerFor = (schema: z.ZodType) =>
  answerSerializerCompiler({ schema, method: 'GET', url: '/api/things/:id', httpPart: undefined } as never) as (
    data: unknown,
  ) => string;

describe('the answer serializer', () => {
  const thing = z.object({
    id: z.string(),
    name: z.string().nullable(),
    tags: z.array(z.enum(['a', 'b'])),
    nested: z.object({ n: z.number() }).optional(),
  });

  it('drops every field the schema does not name, at every depth', () => {
    const out = serializerFor(thing)({
      id: '1',
      name: null,
      tags: ['a'],
      nested: { n: 2, secret: 'x' },
      dateOfBirth: '1990-01-01',
    });
    expect(JSON.parse(out)).toEqual({ id: '1', name: null, tags: ['a'], nested: { n: 2 } });
  });

  it('refuses an answer the schema does not allow, naming the route', () => {
    const refused = (data: unknown) => {
      try {
        serializerFor(thing)(data);
      } catch (error) {
        return error;
      }
      throw new Error('the answer was written');
    };
    for (const data of [
      { id: '1', name: null, tags: ['c'] },
      { id: 1, name: null, tags: [] },
    ]) {
      const error = refused(data);
      expect(isResponseSerializationError(error)).toBe(true);
      expect(error).toMatchObject({ method: 'GET', url: '/api/things/:id' });
    }
  });

  it('encodes a schema that converts, as the codec says, and never runs a transform meant for input', () => {
    const day = z.codec(z.iso.date(), z.date(), {
      decode: (s) => new Date(`${s}T00:00:00Z`),
      encode: (d) => d.toISOString().slice(0, 10),
    });
    expect(converts(z.object({ on: day }))).toBe(true);
    expect(serializerFor(z.object({ on: day }))({ on: new Date('2026-12-05T00:00:00Z') })).toBe('{"on":"2026-12-05"}');
    // A transform has no way back: encoding refuses it rather than answer with the input's shape.
    const upper = z.object({ code: z.string().transform((v) => v.toUpperCase()) });
    expect(converts(upper)).toBe(true);
    expect(() => serializerFor(upper)({ code: 'm5v' })).toThrow();
  });

  it('finds a conversion inside arrays, unions, optional and nullable parts and recursive schemas', () => {
    const inner = z.string().transform((v) => v.trim());
    expect(converts(z.array(z.union([z.number(), z.object({ v: inner.optional() })])))).toBe(true);
    expect(converts(z.object({ a: z.record(z.string(), inner.nullable()) }))).toBe(true);
    type Node = { children: Node[] };
    const tree: z.ZodType<Node> = z.lazy(() => z.object({ children: z.array(tree) }));
    expect(converts(tree)).toBe(false);
    expect(converts(thing)).toBe(false);
  });
});
