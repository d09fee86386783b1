// A referral's codes, with no runtime dependencies: the web bundle words them (referral-text.ts) and the
// server validates them (referral.ts).

export const referralStatuses = [
  'sent',
  'received',
  'accepted',
  'declined',
  'waitlisted',
  'enrolled',
  'attending',
  'completed',
  'dropped',
  'withdrawn',
] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

export const referralReasons = [
  'no_capacity',
  'not_eligible',
  'could_not_contact',
  'no_longer_interested',
  'referred_elsewhere',
  'other',
] as const;
export type ReferralReason = (typeof referralReasons)[number];

export const closedStatuses: readonly ReferralStatus[] = ['declined', 'completed', 'dropped', 'withdrawn'];
export const fits = ['good', 'partial', 'poor'] as const;

// Recruitment (docs/referrals.md): whose clients a worker looks through, and why a client fits a program.
export const candidateScopes = ['mine', 'agency'] as const;
export type CandidateScope = (typeof candidateScopes)[number];
export const candidateReasonKinds = [
  // Hard rules: within the program's ages.
  'age',
  // Fit: a target population the record shows (by age, income source or language; never equity data),
  // an occupation the client aims at that the program targets, or one in the same minor group.
  'population',
  'occupation',
  'related_occupation',
  'language',
] as const;
export type CandidateReasonKind = (typeof candidateReasonKinds)[number];
