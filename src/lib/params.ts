import { z } from 'zod';

// The longest path parameter the router passes on; a longer one answers 404 (src/server/app.ts).
export const MAX_PATH_PARAM_LENGTH = 500;

// The `:id` of a path. Any string the router passes on: a malformed id is an id that matches nothing,
// so it answers 404 like a random one (docs/permissions.md 2.4), never a validation error.
export const idParams = z.strictObject({ id: z.string().max(MAX_PATH_PARAM_LENGTH) });

// Any other id in a path (`:siteId`, `:taskId`): the same rule.
export const pathId = z.string().max(MAX_PATH_PARAM_LENGTH);
