import { z } from 'zod';

// The `:id` of a path. Any string up to 100 characters: a malformed id is an id that matches nothing,
// so it answers 404 like a random one (docs/permissions.md 2.4), never a validation error.
export const idParams = z.strictObject({ id: z.string().max(100) });
