import { z } from 'zod';

// Every list answers one envelope.
export type ListEnvelope<T> = { items: T[]; total: number; page: number; perPage: number };

export function listEnvelopeSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    perPage: z.number().int(),
  });
}
