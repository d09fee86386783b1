import { describe, expect, it } from 'vitest';
import { assessmentInputSchemaOn } from '../domain/assessment/assessment-input.ts';
import { getModel } from '../domain/assessment/models.ts';
import { scoreAssessment } from '../domain/assessment/score.ts';
import { looksLikeSin, newClientSchema } from '../domain/clients/client.ts';
import { isNocCode, nocTeer } from '../domain/occupations/noc.ts';
import { addMonths } from '../lib/dates.ts';
import { clientAssessments } from './assessments.ts';
import type { SyntheticClient } from './city.ts';
import { dayOf } from './days.ts';
import { REFERENCE_DATE } from './distributions.ts';
import { generateCity } from './generate-city.ts';
import { loadGeography } from './geography.ts';
import { nameGender, preferredNameOptions } from './name-details.ts';
import { applicableKinds, NEAR_DUPLICATE_KINDS, plantedDuplicates } from './near-duplicates.ts';
import { buildRecordTargets, type RecordPopulation, type RecordTarget } from './record-distributions.ts';

const geography = loadGeography();
const city = generateCity({ seed: 2025, clients: 60_000 });
const all: SyntheticClient[] = [...city.clients()];
// Shares are of first records: a planted second record copies someone else's.
const clients = all.filter((c) => c.plantedCopyOf === null);
const orgById = new Map(city.organizations.map((o) => [o.id, o]));

// The items a share is taken over, for each population a target names.
function population(among: RecordPopulation): { items: unknown[]; kind: 'client' | 'job' | 'barrier' | 'consent' } {
  const where = (p: (c: SyntheticClient) => boolean) => ({ items: clients.filter(p), kind: 'client' as const });
  switch (among) {
    case 'clients':
      return { items: clients, kind: 'client' };
    case 'ontario_works':
    case 'odsp':
    case 'ei':
    case 'none':
    case 'other':
      return where((c) => c.incomeSource === among);
    case 'preferred_name_eligible':
      return where((c) => preferredNameOptions(c.givenName).length > 0);
    case 'disability_not_odsp':
      return where((c) => c.traits.disability && c.incomeSource !== 'odsp');
    case 'disability_barrier':
      return where((c) => c.barriers.some((b) => b.kind === 'disability'));
    case 'childcare_barrier':
      return where((c) => c.barriers.some((b) => b.kind === 'childcare'));
    case 'barriers':
      return { items: clients.flatMap((c) => c.barriers), kind: 'barrier' };
    case 'closed':
      return where((c) => c.status === 'closed');
    case 'assessed':
      return where((c) => c.assessmentPlan !== null);
    case 'sharing':
      return where((c) => c.consents.length > 0);
    case 'consents':
      return { items: clients.flatMap((c) => c.consents), kind: 'consent' };
    case 'jobs_of_less_than_high_school':
    case 'jobs_of_high_school':
    case 'jobs_of_apprenticeship_or_trades':
    case 'jobs_of_college':
    case 'jobs_of_bachelor':
    case 'jobs_of_graduate':
    case 'jobs_of_unknown': {
      const level = among.slice('jobs_of_'.length);
      return { items: clients.filter((c) => c.educationLevel === level).flatMap((c) => c.workHistory), kind: 'job' };
    }
  }
}

// Whether one item of the population has the target's value.
function matches(t: RecordTarget, item: unknown): boolean {
  const c = item as SyntheticClient;
  switch (t.group) {
    case 'preferred_name':
      return c.preferredName !== null;
    case 'pronouns':
      return c.pronouns !== null;
    case 'contact':
      return (t.value === 'phone' ? c.phone : t.value === 'email' ? c.email : c.streetAddress) !== null;
    case 'languages':
      return t.value === 'interpreter' ? c.interpreterNeeded : c.otherLanguages.length > 0;
    case 'literacy':
      return c.literacyNumeracy === t.value;
    case 'goals':
      return t.value === 'statement'
        ? c.goals.statement !== null
        : t.value === 'target_noc'
          ? c.goals.targetNocCodes.length > 0
          : c.goals.hoursWanted !== null;
    case 'time_horizon':
      return c.goals.timeHorizon === t.value;
    case 'work_history':
      return c.workHistory.length === 0;
    case 'entry_level_jobs':
      return nocTeer((item as SyntheticClient['workHistory'][number]).nocCode) >= 4;
    case 'barrier':
      return c.barriers.some((b) => b.kind === t.value);
    case 'barrier_status':
      return (item as SyntheticClient['barriers'][number]).status === t.value;
    case 'accommodation':
      return c.accommodations.some((a) =>
        t.value === 'disability_related' ? a.disabilityRelated : a.kind === t.value,
      );
    case 'external_id':
      return c.externalIds.some((e) => e.kind === t.value);
    case 'status':
      return c.status === t.value;
    case 'closed_reason':
      return c.closedReason === t.value;
    case 'assessment':
      return t.value === 'initial'
        ? c.assessmentPlan !== null
        : t.value === 'reassessment'
          ? c.assessmentPlan?.reassessment != null
          : c.assessmentPlan?.override != null;
    case 'consent':
      if (t.value === 'revoked') return (item as SyntheticClient['consents'][number]).revocation !== null;
      return t.value === 'shares' ? c.consents.length > 0 : c.consents.length === 2;
    case 'consent_purpose':
      return (item as SyntheticClient['consents'][number]).purpose === t.value;
    case 'consent_category':
      return (item as SyntheticClient['consents'][number]).categories.includes(t.value as never);
    case 'consent_method':
      return (item as SyntheticClient['consents'][number]).method === t.value;
  }
}

describe('the intake record of a city of 60,000 clients', () => {
  const targets = buildRecordTargets(geography);

  it('has a unique key, a label and a source for every target', () => {
    expect(new Set(targets.map((t) => t.key)).size).toBe(targets.length);
    for (const t of targets) {
      expect(t.label.length, t.key).toBeGreaterThan(5);
      expect(t.target, t.key).toBeGreaterThanOrEqual(0);
      expect(t.target, t.key).toBeLessThanOrEqual(1);
    }
  });

  it.each(targets.map((t): [string, RecordTarget] => [t.key, t]))('%s is within 2 points of target', (_key, t) => {
    const { items } = population(t.among);
    expect(items.length, `population ${t.among}`).toBeGreaterThan(1_000);
    const share = items.filter((item) => matches(t, item)).length / items.length;
    expect(Math.abs(share - t.target)).toBeLessThanOrEqual(0.02);
  });

  it('passes the intake form’s own validation (newClientSchema)', () => {
    const failures = clients.slice(0, 3_000).flatMap((c) => {
      const parsed = newClientSchema.safeParse({
        givenName: c.givenName,
        familyName: c.familyName,
        ...(c.preferredName ? { preferredName: c.preferredName } : {}),
        ...(c.pronouns ? { pronouns: c.pronouns } : {}),
        dateOfBirth: c.dateOfBirth,
        preferredLanguage: c.preferredLanguage,
        otherLanguages: c.otherLanguages,
        interpreterNeeded: c.interpreterNeeded,
        ...(c.interpreterLanguage ? { interpreterLanguage: c.interpreterLanguage } : {}),
        ...(c.email ? { email: c.email } : {}),
        ...(c.phone ? { phone: c.phone } : {}),
        ...(c.streetAddress ? { streetAddress: c.streetAddress } : {}),
        postalCode: c.postalCode,
        educationLevel: c.educationLevel,
        literacyNumeracy: c.literacyNumeracy,
        incomeSource: c.incomeSource,
        workHistory: c.workHistory.map((j) => ({
          nocCode: j.nocCode,
          jobTitle: j.jobTitle,
          ...(j.employerName ? { employerName: j.employerName } : {}),
          startDate: j.startDate,
          endDate: j.endDate,
          hoursPerWeek: j.hoursPerWeek,
        })),
        goals: {
          ...(c.goals.statement ? { statement: c.goals.statement } : {}),
          targetNocCodes: c.goals.targetNocCodes,
          ...(c.goals.hoursWanted ? { hoursWanted: c.goals.hoursWanted } : {}),
          ...(c.goals.timeHorizon ? { timeHorizon: c.goals.timeHorizon } : {}),
        },
        barriers: c.barriers,
        accommodations: c.accommodations.map((a) => ({
          kind: a.kind,
          disabilityRelated: a.disabilityRelated,
          ...(a.description ? { description: a.description } : {}),
        })),
        externalIds: c.externalIds,
      });
      return parsed.success
        ? []
        : [{ id: c.id, issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) }];
    });
    expect(failures).toEqual([]);
  });

  it('records work history with real NOC 2021 codes, in order, after the fifteenth birthday and before intake', () => {
    const wrong = clients.filter((c) => {
      const fifteen = dayOf(c.dateOfBirth) + 15 * 365;
      return (
        c.workHistory.some(
          (j, i) =>
            !isNocCode(j.nocCode) ||
            dayOf(j.startDate) < fifteen ||
            (j.endDate !== null && (j.endDate < j.startDate || j.endDate > c.intakeDate)) ||
            (j.endDate === null && i !== c.workHistory.length - 1) ||
            (i > 0 && j.startDate <= (c.workHistory[i - 1]!.endDate ?? '9999')),
        ) || c.goals.targetNocCodes.some((code) => !isNocCode(code))
      );
    });
    expect(wrong.map((c) => c.id)).toEqual([]);
  });

  it('keeps languages, barriers, accommodations and pronouns consistent with the rest of the record', () => {
    const wrong = clients.filter(
      (c) =>
        (c.interpreterNeeded &&
          (c.interpreterLanguage === null || !c.otherLanguages.includes(c.interpreterLanguage))) ||
        (c.interpreterNeeded && !c.barriers.some((b) => b.kind === 'language')) ||
        (c.barriers.some((b) => b.kind === 'disability') && !c.traits.disability) ||
        new Set(c.barriers.map((b) => b.kind)).size !== c.barriers.length ||
        (c.accommodations.some((a) => a.disabilityRelated) && !c.barriers.some((b) => b.kind === 'disability')) ||
        (c.pronouns?.startsWith('he') && nameGender(c.givenName) === 'feminine') ||
        (c.pronouns?.startsWith('she') && nameGender(c.givenName) === 'masculine') ||
        (c.traits.francophone && c.otherLanguages.length === 0),
    );
    expect(wrong.map((c) => c.id)).toEqual([]);
  });

  it('gives member numbers only to clients on that income, unique and never a social insurance number', () => {
    const values = all.flatMap((c) => c.externalIds.map((e) => `${e.kind}:${e.value}`));
    expect(new Set(values).size).toBe(values.length);
    const wrong = all.filter(
      (c) =>
        c.externalIds.some(
          (e) => e.kind !== c.incomeSource || looksLikeSin(e.value) || !/^[A-Za-z0-9-]{3,30}$/.test(e.value),
        ) ||
        (c.plantedCopyOf !== null && c.externalIds.length > 0),
    );
    expect(wrong.map((c) => c.id)).toEqual([]);
  });

  it('opens every file at intake and closes only with a reason', () => {
    const wrong = all.filter((c) => {
      const [first, ...rest] = c.statusChanges;
      const last = c.statusChanges[c.statusChanges.length - 1]!;
      return (
        first?.kind !== 'opened' ||
        first.on !== c.intakeDate ||
        c.intakeDate > REFERENCE_DATE ||
        last.status !== c.status ||
        (c.status === 'closed') !== (c.closedReason !== null) ||
        rest.some((s) => s.on < c.intakeDate || s.on > REFERENCE_DATE)
      );
    });
    expect(wrong.map((c) => c.id)).toEqual([]);
  });

  it('shares with other agencies only, as the holder records it, within the longest term allowed', () => {
    const wrong = all.filter((c) => {
      const partners = c.consents.map((k) => k.organizationId);
      return (
        new Set(partners).size !== partners.length ||
        c.consents.some(
          (k) =>
            k.organizationId === c.organizationId ||
            !orgById.has(k.organizationId) ||
            orgById.get(k.organizationId)!.type === 'employer' ||
            !k.categories.includes('identity_contact') ||
            k.startsOn < c.intakeDate ||
            k.startsOn > REFERENCE_DATE ||
            k.expiresOn > addMonths(k.startsOn, 36) ||
            (k.revocation !== null &&
              (k.revocation.on < k.startsOn || k.revocation.on > REFERENCE_DATE || k.revocation.on > k.expiresOn)),
        )
      );
    });
    expect(wrong.map((c) => c.id)).toEqual([]);
  });

  describe('assessments, scored by the real model', () => {
    const model = getModel();
    const sample = clients.filter((c) => c.assessmentPlan !== null).slice(0, 4_000);
    const rows = new Map(sample.map((c) => [c.id, clientAssessments(c)]));

    it('reads only what the assessment may read, in its schema, and the stored result is the model’s', () => {
      const wrong = sample.filter((c) =>
        rows.get(c.id)!.some((a) => {
          // Every synthetic input is dated, so it is checked against its own date.
          const parsed = assessmentInputSchemaOn(a.assessedOn).safeParse(a.input);
          return (
            !parsed.success ||
            JSON.stringify(scoreAssessment(model, parsed.data)) !== a.resultJson ||
            JSON.parse(a.resultJson).stream !== a.computedStream
          );
        }),
      );
      expect(wrong.map((c) => c.id)).toEqual([]);
    });

    it('assesses the newest record as it stands: its barriers, literacy, accommodations and jobs', () => {
      const wrong = sample.filter((c) => {
        const scored = rows.get(c.id)!.filter((a) => a.kind !== 'override');
        const latest = scored[scored.length - 1]!;
        const on = latest.assessedOn;
        const barriers = [...c.barriers].sort((a, b) => (a.kind < b.kind ? -1 : 1));
        return (
          JSON.stringify(latest.input.barriers) !== JSON.stringify(barriers) ||
          latest.input.literacyNumeracy !== c.literacyNumeracy ||
          latest.input.accommodations.length !== c.accommodations.length ||
          latest.input.workHistory.length !== c.workHistory.filter((j) => j.startDate <= on).length ||
          on < c.intakeDate ||
          on > REFERENCE_DATE
        );
      });
      expect(wrong.map((c) => c.id)).toEqual([]);
    });

    it('numbers the history, gives every reassessment its reason and every override a justification and a new stream', () => {
      const wrong = sample.filter((c) => {
        const list = rows.get(c.id)!;
        return list.some((a, i) => {
          const previous = list[i - 1];
          return (
            a.sequence !== i + 1 ||
            (i === 0) !== (a.kind === 'initial') ||
            (a.previousStream ?? null) !== (previous?.stream ?? null) ||
            (a.kind === 'reassessment' && (a.reason === null || a.assessedOn < previous!.assessedOn)) ||
            (a.kind === 'override' &&
              (a.justification === null ||
                a.justification.trim().length < 20 ||
                a.stream === previous!.stream ||
                a.overridesAssessmentId !== previous!.id))
          );
        });
      });
      expect(wrong.map((c) => c.id)).toEqual([]);
    });

    it('puts clients in every stream', () => {
      const streams = new Set(sample.map((c) => rows.get(c.id)!.at(-1)!.stream));
      expect([...streams].sort()).toEqual(['A', 'B', 'C']);
    });
  });
});

describe('planted near-duplicates', () => {
  const pairs = plantedDuplicates(city);

  it('plants one pair in every block of 500 clients, each kind many times', () => {
    expect(pairs).toHaveLength(Math.floor(60_000 / 500));
    for (const kind of NEAR_DUPLICATE_KINDS)
      expect(pairs.filter((p) => p.kind === kind).length, kind).toBeGreaterThanOrEqual(5);
  });

  it('records the same person again at another agency with exactly the one planted change', () => {
    const strip = (s: string) =>
      s
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/ł/g, 'l')
        .replace(/Ł/g, 'L');
    const wrong = pairs.filter(({ kind, original: o, copy: c }) => {
      const sameName = o.givenName === c.givenName && o.familyName === c.familyName;
      const sameDate = o.dateOfBirth === c.dateOfBirth;
      if (o.organizationId === c.organizationId || o.id === c.id) return true;
      switch (kind) {
        case 'family_typo':
          return (
            !sameDate ||
            o.givenName !== c.givenName ||
            o.familyName === c.familyName ||
            Math.abs(o.familyName.length - c.familyName.length) > 1
          );
        case 'day_month_swapped':
          return (
            !sameName ||
            c.dateOfBirth !== `${o.dateOfBirth.slice(0, 4)}-${o.dateOfBirth.slice(8)}-${o.dateOfBirth.slice(5, 7)}`
          );
        case 'hyphenated_family':
          return (
            !sameDate ||
            o.givenName !== c.givenName ||
            !(o.familyName.startsWith(`${c.familyName}-`) || c.familyName.startsWith(`${o.familyName}-`))
          );
        case 'accents_dropped':
          return !sameDate || sameName || strip(o.givenName) !== c.givenName || strip(o.familyName) !== c.familyName;
        case 'year_off_by_one':
          return (
            !sameName ||
            Math.abs(Number(o.dateOfBirth.slice(0, 4)) - Number(c.dateOfBirth.slice(0, 4))) !== 1 ||
            o.dateOfBirth.slice(4) !== c.dateOfBirth.slice(4)
          );
        case 'nickname':
          return !sameDate || o.familyName !== c.familyName || !preferredNameOptions(o.givenName).includes(c.givenName);
      }
    });
    expect(wrong).toEqual([]);
    expect(pairs.every((p) => applicableKinds(p.original).includes(p.kind))).toBe(true);
  });

  it('is the same list for the same seed, and follows duplicateEvery', () => {
    const small = { seed: 2025, clients: 3_000, duplicateEvery: 30 };
    const first = plantedDuplicates(generateCity(small));
    expect(first).toHaveLength(100);
    expect(plantedDuplicates(generateCity(small))).toEqual(first);
    expect(first.slice(0, 3).map((p) => p.copy.id)).not.toEqual(
      plantedDuplicates(generateCity({ ...small, seed: 2026 }))
        .slice(0, 3)
        .map((p) => p.copy.id),
    );
  });
});
