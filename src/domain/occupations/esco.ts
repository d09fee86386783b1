import { z } from 'zod';

// An ESCO v1.0 skill, named by its URI (the vendored table esco_skills; GET /api/occupations/skills).
export const escoSkillUriSchema = z
  .string()
  .regex(/^http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f-]{36}$/, 'must be an ESCO skill URI');
