import type { MessageKey } from './i18n/i18n.tsx';

// The server's reason codes (docs/api.md, "Reason codes") in the reader's language: pages translate
// codes, never the server's English sentences. A code without words here falls back to the page's
// own words for the field or the problem.
const reasonKeys: Partial<Record<string, MessageKey>> = {
  consent_holder: 'consent.error.holder',
  unknown_organization: 'consent.error.organization',
  consent_employer_equity: 'consent.error.employerEquity',
  consent_employer_categories: 'consent.error.employerCategories',
  consent_system_manager: 'consent.error.systemManager',
  consent_expired: 'consent.error.expiresOn',
  consent_required: 'team.error.consent',
  external_id_taken: 'clients.error.externalIdTaken',
  sin_not_allowed: 'clients.error.sin',
};

export function reasonKey(code: string | undefined): MessageKey | undefined {
  return code === undefined ? undefined : reasonKeys[code];
}
