import type { MessageKey } from '../../i18n/i18n.tsx';

// The audit log's recorded reasons are technical English written by the server (src/access/authorize.ts
// and the services); the log shows them as recorded, and beside them, in the reader's language, what
// the common ones mean. An unknown reason has no words: the recorded text stands alone.

// `keys`: placeholders filled with other catalogue words; `text`: with recorded text as it is.
export type Words = { key: MessageKey; keys?: Record<string, MessageKey>; text?: Record<string, string> };

// authorize.ts `scopeWords`, as the reason text writes them, to the catalogue's words for each scope.
const scopePhrases: Record<string, MessageKey> = {
  public: 'auditWhy.scope.pub',
  'their own': 'auditWhy.scope.self',
  'their own organization': 'auditWhy.scope.own',
  'a consent or agreement naming their organization': 'auditWhy.scope.cons',
  'the case team': 'auditWhy.scope.team',
  'an open complaint assigned to them': 'auditWhy.scope.cmp',
  'aggregates and metadata': 'auditWhy.scope.sys',
  'every organization': 'auditWhy.scope.all',
};

export const roleNames = [
  'system_administrator',
  'system_analyst',
  'ombudsperson',
  'agency_manager',
  'employment_counsellor',
  'caseworker',
  'job_developer',
  'trainer',
  'employer_user',
  'job_seeker',
] as const;

export function reasonWords(reason: string | null): Words | undefined {
  if (!reason) return undefined;
  if (reason.startsWith('not_visible')) return { key: 'auditWhy.notVisible' };
  if (reason.startsWith('not_found')) return { key: 'auditWhy.notFound' };
  if (/ is not open to /.test(reason)) return { key: 'auditWhy.role' };
  const allowed = /^([a-z_]+): (.+)$/.exec(reason);
  const scope = allowed ? scopePhrases[allowed[2]!] : undefined;
  if (allowed && scope && (roleNames as readonly string[]).includes(allowed[1]!))
    return { key: 'auditWhy.allowed', keys: { role: `role.${allowed[1]!}` as MessageKey, scope } };
  if (reason.startsWith('fields: ')) return { key: 'auditWhy.fields', text: { fields: reason.slice(8) } };
  if (reason.startsWith('agency files')) return { key: 'auditWhy.agencyFiles' };
  if (reason === 'search' || reason.endsWith(': search')) return { key: 'auditWhy.search' };
  if (reason.startsWith('system actor ')) return { key: 'auditWhy.system' };
  const quiet = /no contact in (\d+) days/.exec(reason);
  if (quiet)
    return { key: reason.startsWith('team work') ? 'auditWhy.teamWork' : 'auditWhy.quiet', text: { days: quiet[1]! } };
  const tasks = /^(mine|agency) (open|done|cancelled)(?: (overdue|today))?$/.exec(reason);
  if (tasks)
    return {
      key: tasks[3] ? `auditWhy.tasks.${tasks[3] as 'overdue' | 'today'}` : 'auditWhy.tasks',
      keys: {
        whose: `auditWhy.tasks.${tasks[1] as 'mine' | 'agency'}`,
        status: `taskStatus.${tasks[2]!}` as MessageKey,
      },
    };
  if (reason === 'incoming' || reason === 'outgoing') return { key: `auditWhy.${reason}` };
  if (reason === 'client names in notifications') return { key: 'auditWhy.notificationNames' };
  if (reason.startsWith('access log')) return { key: 'auditWhy.accessLog' };
  return undefined;
}

// What kind of record a row concerns, in words; an unknown kind keeps its recorded name.
export const recordTypes = [
  'client',
  'user',
  'transfer',
  'organization',
  'assessment',
  'task',
  'case_team_member',
  'case_note',
  'assessment_review',
  'consent',
  'client_attachment',
  'client_access_request',
  'site',
  'session',
  'report',
  'plan',
  'plan_step',
  'plan_goal',
  'notification',
  'client_timeline',
  'client_equity',
  'audit_log',
] as const;

export function recordTypeKey(type: string): MessageKey | undefined {
  return (recordTypes as readonly string[]).includes(type) ? (`auditRecord.${type}` as MessageKey) : undefined;
}

// Why the information was read or changed, as services record it.
export const purposes = [
  'service_delivery',
  'integrated_case_management',
  'referral',
  'transfer',
  'intake',
  'invitation',
  'password_reset',
  'complaint',
] as const;

export function purposeKey(purpose: string): MessageKey | undefined {
  return (purposes as readonly string[]).includes(purpose) ? (`auditPurpose.${purpose}` as MessageKey) : undefined;
}
