import { z } from 'zod';

export const teamRoles = [
  'primary_worker',
  'employment_counsellor',
  'caseworker',
  'job_developer',
  'trainer',
  'other',
] as const;
export type TeamRole = (typeof teamRoles)[number];
export const removalReasons = ['left_team', 'removed', 'handover', 'consent_revoked', 'transferred'] as const;

export const newMemberSchema = z.strictObject({
  userId: z.uuid({ error: 'must be the id of a user' }),
  teamRole: z.enum(teamRoles),
});
export type NewMember = z.infer<typeof newMemberSchema>;

export const memberSchema = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  userId: z.uuid(),
  displayName: z.string(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  teamRole: z.enum(teamRoles),
  addedAt: z.string(),
  removedAt: z.string().nullable(),
  removalReason: z.enum(removalReasons).nullable(),
});
export type Member = z.infer<typeof memberSchema>;

export const memberParams = z.strictObject({ id: z.string().max(100), memberId: z.string().max(100) });

// Who may be added to a client's team: active staff who work with clients, at the holding agency or
// at an agency named in one of the client's active consents, not already on the team.
export const candidateSchema = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  // Where the candidate's agency is not the holding agency: the client's consent is what lets them join.
  throughConsent: z.boolean(),
  roles: z.array(z.string()),
});
export type Candidate = z.infer<typeof candidateSchema>;
export const CANDIDATE_LIMIT = 500;
