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
  primary_worker_taken: 'team.error.primaryTaken',
  transfer_consent_required: 'transfers.error.consent',
  transfer_consent_not_needed: 'transfers.error.consentNotNeeded',
  external_id_taken: 'clients.error.externalIdTaken',
  sin_not_allowed: 'clients.error.sin',
  date_out_of_range: 'error.dateOutOfRange',
  nul_character: 'error.nulCharacter',
  bad_url: 'error.badUrl',
  interpreter_not_needed: 'clients.error.interpreterNotNeeded',
  before_date_of_birth: 'assessment.error.beforeBirth',
  record_not_assessable: 'assessment.error.record',
  empty_file: 'attachments.error.empty',
  file_too_large: 'attachments.error.size',
  content_mismatch: 'attachments.error.content',
  not_base64: 'attachments.error.content',
  task_closes_itself: 'tasks.error.closesItself',
  referral_consent_required: 'clientReferrals.error.consent',
  service_closed: 'referral.error.serviceClosed',
  service_full: 'referral.error.serviceFull',
  not_eligible_age: 'referral.error.age',
  unknown_service: 'clientReferrals.error.service',
  unknown_specialist: 'clientReferrals.error.specialist',
  specialist_elsewhere: 'clientReferrals.error.specialist',
  below_minimum_wage: 'jobForm.error.minimumWage',
  workplace_needs_place: 'jobForm.error.postalCode',
  placement_consent_required: 'placement.error.consent',
  placement_consent_by_holder: 'placement.error.consentByHolder',
  job_order_closed: 'placement.error.closed',
  start_date_out_of_range: 'placement.error.startRange',
  date_in_future: 'error.dateInFuture',
  event_full: 'eventError.full',
  event_closed: 'eventError.closed',
  already_registered: 'eventError.alreadyRegistered',
  event_not_started: 'eventError.notStarted',
  job_not_on_offer: 'eventError.jobNotOnOffer',
  event_ends_before_start: 'eventForm.error.ends',
  event_in_past: 'eventForm.error.ends',
  event_too_long: 'eventForm.error.ends',
  event_place_needed: 'eventForm.error.address',
  capacity_below_registrations: 'eventForm.error.capacity',
};

export function reasonKey(code: string | undefined): MessageKey | undefined {
  return code === undefined ? undefined : reasonKeys[code];
}
