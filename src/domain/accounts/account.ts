import { z } from 'zod';
import { roles, type Role } from '../../access/roles.ts';
import { sessionCanSchema } from '../../access/can.ts';

export { roles, type Role };
export const roleSchema = z.enum(roles);

// Generous limits: long passphrases are welcome (ASVS: length over composition).
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email())
  .transform((v) => v.toLowerCase());

export const loginSchema = z.strictObject({
  email: z.string().trim().min(1).max(254),
  // Not checked against the policy here: a sign-in never reveals what the policy is.
  password: z.string().min(1).max(1024),
  // The 6-digit code of users who have two-step sign-in.
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'must be the 6-digit code from the authenticator app')
    .optional(),
});
export type Login = z.infer<typeof loginSchema>;

export const newUserSchema = z.strictObject({
  organizationId: z.uuid(),
  email: emailSchema,
  displayName: z.string().trim().min(1).max(200),
  roles: z.array(roleSchema).min(1).max(roles.length),
  preferredLanguage: z.enum(['en', 'fr']).default('en'),
});
export type NewUser = z.infer<typeof newUserSchema>;

export const userSchema = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  status: z.enum(['invited', 'active', 'disabled']),
  preferredLanguage: z.enum(['en', 'fr']),
  roles: z.array(roleSchema),
  mfaEnrolled: z.boolean(),
});
export type User = z.infer<typeof userSchema>;

export const sessionInfoSchema = z.object({
  user: userSchema,
  // A role of the user requires two-step sign-in and it is not set up yet: until it is, only
  // enrolment, this session and sign-out are open.
  mfaEnrolmentRequired: z.boolean(),
  // Which pages the user's roles open, for the navigation (access/can.ts).
  can: sessionCanSchema,
  csrfToken: z.string(),
  expiresAt: z.string(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const inviteUserSchema = z.strictObject({
  // Only system administrators choose the organization; for everyone else the server sets it.
  organizationId: z.uuid().optional(),
  email: emailSchema,
  displayName: z.string().trim().min(1).max(200),
  roles: z.array(roleSchema).min(1).max(roles.length),
  preferredLanguage: z.enum(['en', 'fr']).default('en'),
});
export type InviteUser = z.infer<typeof inviteUserSchema>;

export const userListQuerySchema = z.strictObject({
  organizationId: z.uuid().optional(),
  q: z.string().trim().min(1).max(100).optional(),
  status: z.enum(['invited', 'active', 'disabled']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(25),
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;

export const updateRolesSchema = z.strictObject({ roles: z.array(roleSchema).min(1).max(roles.length) });

export const tokenPasswordSchema = z.strictObject({
  token: z.string().min(20).max(100),
  password: z.string().min(1).max(1024),
});
export type TokenPassword = z.infer<typeof tokenPasswordSchema>;

export const passwordResetRequestSchema = z.strictObject({ email: z.string().trim().min(3).max(254) });

export const totpEnrolmentSchema = z.object({ secret: z.string(), otpauthUri: z.string() });
export const totpConfirmSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'must be the 6-digit code from the authenticator app'),
});
