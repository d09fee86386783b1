import type { Actor } from '../actor.ts';
import { authorize, type Decision } from '../authorize.ts';

// Who reaches a referral (docs/permissions.md 3.13), for the referral routes, the agency inbox and
// outbox, a client's list and the timeline: the sending and the receiving agencies (`own`: a referral
// sent by or to the reader's organization), the client from their own account (`self`), the system.
// What either agency reads of the client's file is the file's own rule (the referral's consent); the
// referral itself carries only the client's id, the agencies, the program and its steps.

export type ReferralParties = {
  from: { id: string };
  to: { id: string };
  // The user id of the client's own account, if any.
  clientAccountUserId: string | null;
};

export type ReferralSide = 'sending' | 'receiving' | 'both' | 'client' | 'system';

export function referralSide(actor: Actor, referral: ReferralParties): ReferralSide | undefined {
  if (actor.kind === 'system') return 'system';
  if (actor.kind !== 'user') return undefined;
  const sending = actor.organizationId === referral.from.id;
  const receiving = actor.organizationId === referral.to.id;
  if (sending && receiving) return 'both';
  if (sending) return 'sending';
  if (receiving) return 'receiving';
  if (referral.clientAccountUserId !== null && referral.clientAccountUserId === actor.userId) return 'client';
  return undefined;
}

// The decision for one action on one referral: `own` reaches it from either agency, `self` the client's own.
export function decideReferral(
  actor: Actor,
  action: 'referral.read' | 'referral.respond' | 'referral.rate',
  referral: ReferralParties,
): Decision {
  const mine = actor.kind === 'user' && actor.organizationId === referral.to.id ? referral.to.id : referral.from.id;
  return authorize(actor, action, {
    kind: 'client',
    organizationId: mine,
    userId: referral.clientAccountUserId ?? undefined,
  });
}
