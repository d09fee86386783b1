import {
  jobIncentives,
  jobOrderStatuses,
  jobPermanence,
  jobSchedules,
  wilTypes,
  workplaceModes,
} from '../../domain/jobs/job-vocabulary.ts';
import { placementStatuses } from '../../domain/placements/placement-vocabulary.ts';
import { hiringEventKinds, hiringEventStatuses } from '../../domain/hiring-events/hiring-event-vocabulary.ts';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { actions } from '../../access/permissions.ts';
import { organizationTypes } from '../../domain/organizations/organization.ts';
import { consentCategories } from '../../access/roles.ts';
import { removalReasons, teamRoles } from '../../domain/case-team/case-team.ts';
import { statusChangeKinds, timelineKinds } from '../../domain/client-views/client-view.ts';
import { closedReasons } from '../../domain/clients/client.ts';
import { consentPurposes } from '../../domain/consent/consent.ts';
import { noteKinds } from '../../domain/notes/note.ts';
import { notificationKinds } from '../../domain/notifications/notification.ts';
import { taskKinds, taskStatuses } from '../../domain/tasks/task.ts';
import { transferStatuses } from '../../domain/transfers/transfer.ts';
import {
  deliveryModes,
  intakeStates,
  interventionTypes,
  listingParts,
  matchReasonKinds,
  serviceStatuses,
  targetPopulations,
  weekdays,
} from '../../domain/directory/vocabulary.ts';
import en from './en.json';
import fr from './fr.json';

type Catalogue = Record<string, unknown>;
const catalogues: Record<'en' | 'fr', Catalogue> = { en, fr };

// Names written the same in both languages. Keep it short: anything else that reads the same in
// French is almost always an untranslated string.
// Words spelled the same in both languages, checked by a French speaker: not forgotten translations.
const sameInBothLanguages = [
  'Continuum',
  'Administration',
  'Action',
  'Actions',
  'Type',
  'Date',
  'Dates',
  'Points',
  'Score',
  'Distance',
  'description',
  'Justification',
  'Vision',
  'Communication',
  'Placement',
  'Placements',
  'Permanent',
  'Permanence',
  'Description',
  '{score}/100',
  '{name}, {agency}',
  'Contact',
  'Plan',
  'Francophone',
  'Client',
  'Menu',
  'Session',
];

function placeholders(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

describe('message catalogues', () => {
  it('have the same keys in English and French', () => {
    const enKeys = Object.keys(en).sort();
    const frKeys = Object.keys(fr).sort();
    expect(
      frKeys.filter((k) => !enKeys.includes(k)),
      'keys only in fr.json',
    ).toEqual([]);
    expect(
      enKeys.filter((k) => !frKeys.includes(k)),
      'keys only in en.json',
    ).toEqual([]);
  });

  it('hold only non-empty strings', () => {
    for (const [language, catalogue] of Object.entries(catalogues)) {
      for (const [key, value] of Object.entries(catalogue)) {
        expect(typeof value, `${language}: ${key}`).toBe('string');
        expect(String(value).trim(), `${language}: ${key} is empty`).not.toBe('');
      }
    }
  });

  it('translate every French string (names on the allow-list aside)', () => {
    const untranslated = Object.entries(en)
      .filter(([key, value]) => (fr as Catalogue)[key] === value)
      .filter(([, value]) => !sameInBothLanguages.includes(value))
      .map(([key]) => key);
    expect(untranslated, 'French strings identical to English').toEqual([]);
  });

  it('use the same {placeholders} in both languages', () => {
    for (const [key, value] of Object.entries(en)) {
      const french = (fr as Catalogue)[key];
      if (typeof french !== 'string') continue;
      expect(placeholders(french), key).toEqual(placeholders(value));
    }
  });

  it('give every plural message a one and an other form', () => {
    for (const key of Object.keys(en)) {
      if (key.endsWith('.one')) expect(Object.keys(en), key).toContain(key.replace(/\.one$/, '.other'));
    }
  });

  it('name every organization type the server knows, singular and plural', () => {
    for (const type of organizationTypes) {
      expect(Object.keys(en)).toContain(`organizationType.${type}`);
      expect(Object.keys(en)).toContain(`organizationTypePlural.${type}`);
    }
  });

  // Words, not codes (issue 12, point 4): every value of an enum that pages show people has its label in
  // both languages, so a new value cannot reach a page as its code.
  it('label every value people read, in both languages', () => {
    const shown: [string, readonly string[]][] = [
      ['statusChange', statusChangeKinds],
      ['assessmentKind', ['initial', 'reassessment', 'override']],
      ['timelineKind', timelineKinds],
      ['notificationKind', notificationKinds],
      ['taskKind', taskKinds],
      ['taskStatus', taskStatuses],
      ['transferStatus', transferStatuses],
      ['closedReason', closedReasons],
      ['noteKind', noteKinds],
      ['teamRole', teamRoles],
      ['teamRemoval', removalReasons],
      ['category', consentCategories],
      ['purpose', consentPurposes],
      ['intervention', interventionTypes],
      ['population', targetPopulations],
      ['deliveryMode', deliveryModes],
      ['intakeState', intakeStates],
      ['listingPart', listingParts],
      ['weekday', weekdays],
      ['serviceStatus', serviceStatuses],
      ['reason', matchReasonKinds],
      ['hiringEventKind', hiringEventKinds],
      ['hiringEventStatus', hiringEventStatuses],
      ['jobIncentive', jobIncentives],
      ['jobSchedule', jobSchedules],
      ['jobPermanence', jobPermanence],
      ['jobWorkplace', workplaceModes],
      ['jobStatus', jobOrderStatuses],
      ['wilType', wilTypes],
      ['placementStatus', placementStatuses],
    ];
    for (const [language, catalogue] of Object.entries(catalogues))
      for (const [prefix, values] of shown)
        for (const value of values)
          expect(catalogue, `${language}: ${prefix}.${value}`).toHaveProperty([`${prefix}.${value}`]);
  });

  // The audit log's actions, in words: every action of the permission table and every action an audit
  // row is written with (an `action: '…'` in the server's source) has its label in both languages.
  it('label every audited action, in both languages', () => {
    const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
    const files = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) return e.name === 'web' ? [] : files(full);
        return /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [full] : [];
      });
    const written = files(src).flatMap((f) =>
      [...fs.readFileSync(f, 'utf8').matchAll(/action: '([a-z_]+(?:\.[a-z_]+)+)'/g)].map((m) => m[1]!),
    );
    for (const action of new Set([...actions, ...written]))
      for (const [language, catalogue] of Object.entries(catalogues))
        expect(catalogue, `${language}: auditAction.${action}`).toHaveProperty([`auditAction.${action}`]);
  });

  // The client's own words for what was done with their file name real actions (a typo would silently
  // fall back to the staff label).
  it("word the client's access log with real actions only", () => {
    const worded = Object.keys(en).flatMap((k) => /^myFile\.access\.action\.(.+)$/.exec(k)?.[1] ?? []);
    expect(worded.length).toBeGreaterThan(30);
    expect(worded.filter((a) => !actions.includes(a as (typeof actions)[number]))).toEqual([]);
  });

  // Canadian French typography: a non-breaking space before a colon and inside « », none in English.
  it('keep French spacing before colons and inside guillemets', () => {
    for (const [key, value] of Object.entries(fr)) {
      expect(value, key).not.toMatch(/[^\u00a0\u202f]:(\s|$)/);
      expect(value, key).not.toMatch(/«(?![\u00a0\u202f])|(?<![\u00a0\u202f])»/);
    }
  });
});
