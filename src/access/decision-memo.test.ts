import { describe, expect, it } from 'vitest';
import type { UserActor } from './actor.ts';
import { onceForActor } from './decision-memo.ts';

const actorOf = (): UserActor => ({
  kind: 'user',
  userId: '00000000-0000-4000-8000-000000000001',
  organizationId: '00000000-0000-4000-8000-000000000002',
  roles: ['employment_counsellor'],
  sessionId: '00000000-0000-4000-8000-000000000003',
  mfaEnrolmentRequired: false,
});

describe('a decision made once per actor object', () => {
  it('works a decision out once per actor and key, and again for another key', () => {
    const actor = actorOf();
    let made = 0;
    const decide = (key: string) => onceForActor(actor, key, () => ({ made: ++made, key }));
    const first = decide('client.read:');
    expect(decide('client.read:')).toBe(first);
    expect(decide('client.read:referral')).toEqual({ made: 2, key: 'client.read:referral' });
    expect(made).toBe(2);
  });

  it('decides afresh for another actor object, even one equal to the first', () => {
    let made = 0;
    const decide = (actor: UserActor) => onceForActor(actor, 'client.read:', () => ++made);
    const actor = actorOf();
    expect(decide(actor)).toBe(1);
    expect(decide(actorOf())).toBe(2);
    expect(decide(actor)).toBe(1);
  });

  it('keeps a refusal (undefined) as a decision made, not as one missing', () => {
    const actor = actorOf();
    let made = 0;
    const refuse = () => onceForActor(actor, 'client.read:', () => (made++, undefined));
    expect(refuse()).toBeUndefined();
    expect(refuse()).toBeUndefined();
    expect(made).toBe(1);
  });
});
