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
