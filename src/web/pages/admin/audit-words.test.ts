import { describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import fr from '../../i18n/fr.json';
import { purposeKey, purposes, reasonWords, recordTypeKey, recordTypes } from './audit-words.ts';

describe('the audit log in words', () => {
  it.each([
    ['not_visible: outside own, cons', { key: 'auditWhy.notVisible' }],
    ['not_found', { key: 'auditWhy.notFound' }],
    ['client.read is not open to roles employer_user', { key: 'auditWhy.role' }],
    [
      'employment_counsellor: a consent or agreement naming their organization',
      { key: 'auditWhy.allowed', keys: { role: 'role.employment_counsellor', scope: 'auditWhy.scope.cons' } },
    ],
    ['fields: dateOfBirth, phone', { key: 'auditWhy.fields', text: { fields: 'dateOfBirth, phone' } }],
    ['search', { key: 'auditWhy.search' }],
    ['system actor demo', { key: 'auditWhy.system' }],
    ['team work, no contact in 30 days', { key: 'auditWhy.teamWork', text: { days: '30' } }],
    ['no contact in 14 days', { key: 'auditWhy.quiet', text: { days: '14' } }],
    [
      'mine open overdue',
      { key: 'auditWhy.tasks.overdue', keys: { whose: 'auditWhy.tasks.mine', status: 'taskStatus.open' } },
    ],
    ['agency done', { key: 'auditWhy.tasks', keys: { whose: 'auditWhy.tasks.agency', status: 'taskStatus.done' } }],
    ['incoming', { key: 'auditWhy.incoming' }],
    ['agency files: search', { key: 'auditWhy.agencyFiles' }],
    ['client names in notifications', { key: 'auditWhy.notificationNames' }],
    ['access log, page 1: 5 line(s)', { key: 'auditWhy.accessLog' }],
  ])('words %s', (reason, words) => {
    expect(reasonWords(reason)).toEqual(words);
  });

  it('leaves an unknown reason, an unknown role or no reason without words', () => {
    expect(reasonWords('3 match(es), 1 outside the caller’s access')).toBeUndefined();
    expect(reasonWords('pilot: their own organization')).toBeUndefined();
    expect(reasonWords(null)).toBeUndefined();
  });

  it('has every word it names in both catalogues', () => {
    const keys = [
      'auditWhy.notVisible',
      'auditWhy.notFound',
      'auditWhy.role',
      'auditWhy.allowed',
      'auditWhy.fields',
      'auditWhy.search',
      'auditWhy.system',
      'auditWhy.teamWork',
      'auditWhy.quiet',
      'auditWhy.tasks',
      'auditWhy.tasks.overdue',
      'auditWhy.tasks.today',
      'auditWhy.tasks.mine',
      'auditWhy.tasks.agency',
      'auditWhy.incoming',
      'auditWhy.outgoing',
      'auditWhy.agencyFiles',
      'auditWhy.notificationNames',
      'auditWhy.accessLog',
      ...['pub', 'self', 'own', 'cons', 'team', 'cmp', 'sys', 'all'].map((s) => `auditWhy.scope.${s}`),
      ...recordTypes.map((t) => recordTypeKey(t)!),
      ...purposes.map((p) => purposeKey(p)!),
    ];
    for (const catalogue of [en, fr]) for (const key of keys) expect(catalogue, key).toHaveProperty([key]);
  });
});
