import type { Actor } from '../../access/actor.ts';
import { withClient, type ClientAudit } from '../../access/with-client.ts';
import { notVisibleError } from '../../access/audit.ts';
import { type ClientAccess, consentsNaming } from '../../access/client-access.ts';
import { consentReaderFor, mayRevokeConsent } from '../../access/policies/consent.ts';
import type { Trx } from '../../db/database.ts';
import { addMonths } from '../../lib/dates.ts';
import { isUuid } from '../../lib/ids.ts';
import type { ListEnvelope } from '../../lib/list.ts';
import { AppError } from '../../lib/errors.ts';
import { getOrganization } from '../organizations/organization.service.ts';
import { removeOrganizationMembers } from '../case-team/case-team.service.ts';
import type { Organization } from '../organizations/organization.ts';
import { CONSENT_MAX_YEARS, type Consent, type NewConsent, type RevokeConsent } from './consent.ts';
import { insertConsent, insertRevocation, selectConsentForRevocation, selectConsents } from './consent.queries.ts';
import type { Moment } from '../../lib/clock.ts';

// The request's id and its moment (now, today in the city's zone), read once at the edge.
type Context = { requestId: string } & Moment;

async function namedOrganization(trx: Trx, actor: Actor, id: string): Promise<Organization> {
  try {
    return await getOrganization(trx, actor, id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') {
      throw new AppError('invalid', 'No organization has that id: a consent names an organization of the directory.', [
        { field: 'organizationId', message: 'unknown organization', code: 'unknown_organization' },
      ]).withReason('unknown_organization');
    }
    throw error;
  }
}

// The rules a consent must meet, whoever records it (docs/permissions.md 2.3).
function checkConsent(
  input: NewConsent,
  organization: Organization,
  holderOrganizationId: string,
  today: string,
): void {
  // Each rule has its reason code (docs/api.md), which the web UI words in the reader's language.
  const invalid = (field: string, reason: string, message: string): never => {
    throw new AppError('invalid', message, [{ field, message, code: reason }]).withReason(reason);
  };
  if (organization.id === holderOrganizationId)
    invalid(
      'organizationId',
      'consent_holder',
      'The agency holding the file already has it: name another organization.',
    );
  if (input.categories.includes('equity') && organization.type === 'employer')
    invalid('categories', 'consent_employer_equity', 'Equity answers are never shared with an employer.');
  if (
    organization.type === 'employer' &&
    input.categories.some((c) => c !== 'identity_contact' && c !== 'employment')
  ) {
    invalid(
      'categories',
      'consent_employer_categories',
      'An employer can be named only for identity and contact, and employment.',
    );
  }
  if (organization.type === 'system_manager' && input.purpose !== 'complaint') {
    invalid(
      'purpose',
      'consent_system_manager',
      'The system manager can be named only for a complaint, which reaches the ombudsperson handling it.',
    );
  }
  const startsOn = input.startsOn ?? today;
  if (startsOn < today)
    invalid('startsOn', 'consent_backdated', 'A consent starts today or later; it cannot be dated back.');
  if (input.expiresOn < today) invalid('expiresOn', 'consent_expired', 'The end date has passed.');
  if (input.expiresOn > addMonths(startsOn, CONSENT_MAX_YEARS * 12)) {
    invalid(
      'expiresOn',
      'consent_too_long',
      `A consent runs for at most ${CONSENT_MAX_YEARS} years; ask the client again then.`,
    );
  }
}

// Staff record how a client gave or withdrew consent; a client acting from their account is `client_account`.
function checkMethod(method: string, fromAccount: boolean): void {
  if (fromAccount !== (method === 'client_account')) {
    throw new AppError(
      'invalid',
      fromAccount
        ? 'From your own account, the method is client_account.'
        : 'Say how the client told you: in person, by phone or in writing.',
      [
        {
          field: 'method',
          message: fromAccount ? 'must be client_account' : 'client_account is for the client’s own account',
        },
      ],
    );
  }
}

// Records a client's consent: by the agency holding the file (the client's own grant from their
// account arrives with the client account). Audited with the organization named.
export async function grantConsent(
  trx: Trx,
  actor: Actor,
  clientId: string,
  input: NewConsent,
  context: Context,
): Promise<Consent> {
  return withClient(trx, actor, clientId, 'consent.grant', context, {}, async (access) => {
    const organization = await namedOrganization(trx, actor, input.organizationId);
    const today = context.today;
    checkConsent(input, organization, access.holderOrganizationId, today);
    const fromAccount = access.scope === 'self';
    checkMethod(input.method, fromAccount);
    if (!fromAccount && !input.evidence) {
      throw new AppError(
        'invalid',
        'Say what shows the consent was given (a signed form, the call, the conversation).',
        [{ field: 'evidence', message: 'required' }],
      );
    }
    const id = await insertConsent(trx, {
      ...input,
      evidence: input.evidence ?? 'Given by the client from their own account',
      clientId: access.clientId,
      startsOn: input.startsOn ?? today,
      recordedBy: actor.kind === 'user' ? actor.userId : null,
      recordedByOrganizationId: actor.kind === 'user' ? actor.organizationId : access.holderOrganizationId,
    });
    const audit: ClientAudit = {
      recordType: 'consent',
      recordId: id,
      purpose: input.purpose,
      reason: `to ${organization.id}: ${input.categories.join(',')} until ${input.expiresOn}`,
    };
    const consent = (await selectConsents(trx, access.clientId, context.today)).find((c) => c.id === id);
    if (!consent) throw new AppError('internal', 'The consent could not be read back.');
    return { result: consent, audit };
  });
}

// The holding agency sees every consent of the client; an organization reaching the file through a
// consent sees only the consents naming it.
export async function listConsents(
  trx: Trx,
  actor: Actor,
  clientId: string,
  context: Context,
): Promise<ListEnvelope<Consent>> {
  return withClient(trx, actor, clientId, 'consent.read', context, {}, async (access) => {
    const items = await readableConsents(trx, actor, access, context.today);
    return {
      result: { items, total: items.length, page: 1, perPage: items.length },
      audit: { recordType: 'consent', recordIds: items.map((c) => c.id), reason: `scope ${access.scope}` },
    };
  });
}

// A revocation is a new row; it takes effect on the next request. The holding agency, or the
// organization the consent names (when the client tells them), records it.
export async function revokeConsent(
  trx: Trx,
  actor: Actor,
  clientId: string,
  consentId: string,
  input: RevokeConsent,
  context: Context,
): Promise<Consent> {
  return withClient(trx, actor, clientId, 'consent.revoke', context, {}, async (access) => {
    const consent = isUuid(consentId) ? await selectConsentForRevocation(trx, access.clientId, consentId) : undefined;
    const mayRevoke = consent && mayRevokeConsent(actor, access, consent.organizationId);
    if (!consent || !mayRevoke) {
      throw notVisibleError(
        actor,
        {
          action: 'consent.revoke',
          recordType: 'consent',
          recordId: isUuid(consentId) ? consentId : undefined,
          clientId: access.clientId,
          requestId: context.requestId,
        },
        consent !== undefined,
        'The client has no consent with that id.',
      );
    }
    if (consent.revokedId) throw new AppError('conflict', 'This consent was already revoked.');
    checkMethod(input.method, access.scope === 'self');
    await insertRevocation(trx, consent.id, actor.kind === 'user' ? actor.userId : null, input);
    // Revoking the organization's last consent takes its people off the case team (3.9); a consent left
    // naming the holder from before a transfer opens nothing, so revoking it removes no one.
    const remaining = await consentsNaming(trx, access.clientId, consent.organizationId, context.today);
    const removed =
      remaining.length === 0 && consent.organizationId !== access.holderOrganizationId
        ? await removeOrganizationMembers(trx, actor, access.clientId, consent.organizationId)
        : 0;
    const audit: ClientAudit = {
      recordType: 'consent',
      recordId: consent.id,
      reason: removed > 0 ? `${removed} case-team member(s) of the organization removed` : undefined,
    };
    const revoked = (await selectConsents(trx, access.clientId, context.today)).find((c) => c.id === consent.id);
    if (!revoked) throw new AppError('internal', 'The consent could not be read back.');
    return { result: revoked, audit };
  });
}

// The consents a `consent.read` access reaches, for the route and every composite view: the holding
// agency, the client and a complaint see all; another agency (by consent or on the team) its own.
export async function readableConsents(
  trx: Trx,
  actor: Actor,
  access: ClientAccess | undefined,
  today: string,
): Promise<Consent[]> {
  const reader = access ? consentReaderFor(actor, access) : undefined;
  return access && reader ? selectConsents(trx, access.clientId, today, reader.organizationId ?? undefined) : [];
}
