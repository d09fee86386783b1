import { describe, expect, it } from 'vitest';
import { CASELOAD_RANGE, JOB_DEVELOPER_CASELOAD_RANGE, MAX_CONTACT_NOTES, type SyntheticStaff } from './case-work.ts';
import type { SyntheticClient } from './city.ts';
import { REFERENCE_DATE } from './distributions.ts';
import { generateCity } from './generate-city.ts';

// The case work of a 6,000-client city, checked against the database's rules (migrations 0012 and
// 0013) and the rates case-work.ts draws.
const city = generateCity({ seed: 7, clients: 6_000 });
const clients: SyntheticClient[] = [...city.clients()];
const types = new Map(city.organizations.map((o) => [o.id, o.type]));
const staff = new Map<string, SyntheticStaff>();
for (const c of clients) for (const s of c.caseWork.newStaff) staff.set(s.id, s);
const share = (part: number, whole: number) => part / whole;

describe('synthetic staff', () => {
  it('hires each person once, before any row names them, with unique e-mail addresses and no password', () => {
    const seen = new Set<string>();
    for (const c of clients) {
      for (const s of c.caseWork.newStaff) {
        expect(seen.has(s.id)).toBe(false);
        seen.add(s.id);
      }
      const w = c.caseWork;
      for (const id of [
        w.primaryWorkerId,
        w.managerId,
        ...w.team.map((m) => m.userId),
        ...w.notes.map((n) => n.authorId),
        ...w.tasks.map((t) => t.assignedTo),
      ]) {
        expect(seen.has(id), `${id} named before it was hired`).toBe(true);
      }
    }
    const emails = [...staff.values()].map((s) => s.email.toLowerCase());
    expect(new Set(emails).size).toBe(emails.length);
    for (const e of emails) expect(e).toMatch(/^[^@\s]+@[^@\s]+$/);
  });

  it('staffs only agencies that carry files: counsellors at employment services, caseworkers at social assistance offices, one manager each', () => {
    const managers = new Map<string, number>();
    for (const s of staff.values()) {
      const type = types.get(s.organizationId);
      expect(['employment_service_provider', 'social_assistance_office']).toContain(type);
      if (s.role === 'agency_manager') managers.set(s.organizationId, (managers.get(s.organizationId) ?? 0) + 1);
      if (s.role === 'caseworker') expect(type).toBe('social_assistance_office');
      if (s.role === 'employment_counsellor' || s.role === 'job_developer')
        expect(type).toBe('employment_service_provider');
    }
    expect([...managers.values()].every((n) => n === 1)).toBe(true);
  });

  it('keeps every caseload within its range, counting every place a worker ever took', () => {
    const places = new Map<string, number>();
    for (const c of clients) for (const m of c.caseWork.team) places.set(m.userId, (places.get(m.userId) ?? 0) + 1);
    for (const [id, n] of places) {
      const role = staff.get(id)!.role;
      expect(n).toBeLessThanOrEqual(role === 'job_developer' ? JOB_DEVELOPER_CASELOAD_RANGE[1] : CASELOAD_RANGE[1]);
    }
    // Most workers are full: the median caseload is well inside the range.
    const counsellors = [...places]
      .filter(([id]) => staff.get(id)!.role === 'employment_counsellor')
      .map(([, n]) => n)
      .sort((a, b) => a - b);
    expect(counsellors[counsellors.length >> 1]).toBeGreaterThanOrEqual(CASELOAD_RANGE[0]);
  });
});

describe('synthetic case teams', () => {
  it('gives every file one primary worker of the holding agency', () => {
    for (const c of clients) {
      const primary = c.caseWork.team.filter((m) => m.teamRole === 'primary_worker');
      expect(primary).toHaveLength(1);
      expect(primary[0]).toMatchObject({
        userId: c.caseWork.primaryWorkerId,
        organizationId: c.organizationId,
        removed: null,
      });
      expect(staff.get(c.caseWork.primaryWorkerId)!.organizationId).toBe(c.organizationId);
      expect(staff.get(c.caseWork.managerId)).toMatchObject({
        organizationId: c.organizationId,
        role: 'agency_manager',
      });
      expect(new Set(c.caseWork.team.filter((m) => !m.removed).map((m) => m.userId)).size).toBe(
        c.caseWork.team.filter((m) => !m.removed).length,
      );
    }
  });

  it('adds another agency’s worker only through an integrated case management consent naming it, and removes them when it is revoked', () => {
    let partners = 0;
    let revoked = 0;
    for (const c of clients) {
      for (const m of c.caseWork.team.filter((x) => x.organizationId !== c.organizationId)) {
        partners++;
        const consent = c.consents.find(
          (k) => k.organizationId === m.organizationId && k.purpose === 'integrated_case_management',
        );
        expect(consent, 'a consent names the partner').toBeDefined();
        expect(m.addedOn).toBe(consent!.startsOn);
        if (consent!.revocation) {
          revoked++;
          expect(m.removed).toEqual({ on: consent!.revocation.on, reason: 'consent_revoked' });
        } else if (consent!.expiresOn < REFERENCE_DATE) {
          expect(m.removed).toEqual({ on: consent!.expiresOn, reason: 'left_team' });
        } else {
          expect(m.removed).toBeNull();
        }
      }
    }
    expect(share(partners, clients.length)).toBeGreaterThan(0.05);
    expect(revoked).toBeGreaterThan(0);
  });
});

describe('synthetic notes', () => {
  it('writes an intake note for every file, then contacts at realistic rates, within the file’s life', () => {
    let notes = 0;
    for (const c of clients) {
      const w = c.caseWork;
      notes += w.notes.length;
      expect(w.notes[0]).toMatchObject({ contactOn: c.intakeDate, authorId: w.primaryWorkerId, visibility: 'agency' });
      const closed = c.statusChanges.find((s) => s.kind === 'closed')?.on;
      for (const n of w.notes) {
        expect(n.contactOn >= c.intakeDate).toBe(true);
        expect(n.contactOn <= REFERENCE_DATE).toBe(true);
        if (closed && n.correctsNoteId === null) expect(n.contactOn <= closed).toBe(true);
        expect(n.body.trim().length).toBeGreaterThan(0);
        expect(['agency', 'case_team', 'client']).toContain(n.visibility);
      }
      // The intake note and the latest contacts (corrections aside).
      const contacts = w.notes.filter(
        (n) =>
          (n.kind === 'contact' || n.kind === 'retention') &&
          n.organizationId === c.organizationId &&
          n.correctsNoteId === null,
      );
      expect(contacts.length).toBeLessThanOrEqual(MAX_CONTACT_NOTES + 1);
    }
    const perClient = notes / clients.length;
    expect(perClient).toBeGreaterThan(4);
    expect(perClient).toBeLessThan(9);
  });

  it('appends a correction as a new note pointing at an earlier note of the same file, by the same author', () => {
    let corrections = 0;
    for (const c of clients) {
      for (const n of c.caseWork.notes.filter((x) => x.correctsNoteId)) {
        corrections++;
        const original = c.caseWork.notes.find((x) => x.id === n.correctsNoteId)!;
        expect(original).toBeDefined();
        expect(original.correctsNoteId).toBeNull();
        expect(n.authorId).toBe(original.authorId);
        expect(n.contactOn >= original.contactOn).toBe(true);
      }
    }
    expect(corrections).toBeGreaterThan(0);
  });

  it('writes notes of a partner agency only by a worker of that agency on the team', () => {
    for (const c of clients) {
      for (const n of c.caseWork.notes.filter((x) => x.organizationId !== c.organizationId)) {
        expect(c.caseWork.team.some((m) => m.userId === n.authorId && m.organizationId === n.organizationId)).toBe(
          true,
        );
        expect(n.visibility).toBe('case_team');
      }
    }
  });
});

describe('synthetic tasks', () => {
  it('keeps one open follow-up or check-in on every open file and none on a closed one', () => {
    for (const c of clients) {
      const open = c.caseWork.tasks.filter((t) => t.status === 'open');
      if (c.status === 'closed') expect(open).toHaveLength(0);
      else expect(open.length, c.id).toBeLessThanOrEqual(1);
      for (const t of c.caseWork.tasks) {
        expect(t.assignedTo).toBe(c.caseWork.primaryWorkerId);
        expect(t.status === 'open').toBe(t.completedOn === null);
        expect(t.recurUntil === null).toBe(t.recurrence === 'none');
        expect(t.createdOn <= t.dueOn).toBe(true);
      }
    }
    const openFiles = clients.filter((c) => c.status !== 'closed');
    expect(
      share(openFiles.filter((c) => c.caseWork.tasks.some((t) => t.status === 'open')).length, openFiles.length),
    ).toBeGreaterThan(0.9);
  });

  it('sent an overdue notice for exactly the open tasks due before the reference date, some of them read', () => {
    let overdue = 0;
    let open = 0;
    let read = 0;
    for (const c of clients) {
      for (const t of c.caseWork.tasks) {
        const due = t.status === 'open' && t.dueOn < REFERENCE_DATE;
        expect(t.overdueNotice !== null).toBe(due);
        if (t.status === 'open') open++;
        if (due) overdue++;
        if (t.overdueNotice?.read) read++;
      }
    }
    // The seeds: follow-ups fall through. About one open follow-up in five is overdue.
    expect(share(overdue, open)).toBeGreaterThan(0.1);
    expect(share(overdue, open)).toBeLessThan(0.35);
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(overdue);
  });

  it('chains monthly check-ins after a job starts, each occurrence following the one before', () => {
    let chains = 0;
    for (const c of clients) {
      const checkIns = c.caseWork.tasks.filter((t) => t.kind === 'check_in');
      if (checkIns.length === 0) continue;
      chains++;
      expect(checkIns[0]!.previousTaskId).toBeNull();
      for (let i = 1; i < checkIns.length; i++) {
        expect(checkIns[i]!.previousTaskId).toBe(checkIns[i - 1]!.id);
        expect(checkIns[i]!.dueOn > checkIns[i - 1]!.dueOn).toBe(true);
      }
      expect(checkIns.every((t) => t.recurrence === 'monthly' && t.phase === 'after_employment')).toBe(true);
    }
    expect(chains).toBeGreaterThan(0);
  });
});

describe('synthetic service plans', () => {
  it('plans for every assessed file, with steps across the continuum whose dates and statuses the database accepts', () => {
    const phases = new Set<string>();
    for (const c of clients) {
      const plan = c.caseWork.plan;
      expect(plan !== null).toBe(c.assessmentPlan !== null);
      if (!plan) continue;
      expect(plan.steps.length).toBeGreaterThanOrEqual(2);
      for (const s of plan.steps) {
        phases.add(s.phase);
        expect(s.goalId).toBe(plan.goal.id);
        expect(s.status === 'done').toBe(s.completedOn !== null);
        if (s.startsOn && s.dueOn) expect(s.dueOn >= s.startsOn).toBe(true);
        expect(s.changes.map((x) => x.status).at(-1) ?? 'planned').toBe(s.status);
        if (s.linked?.kind === 'assessment') expect(s.linked.id).toBe(c.assessmentPlan!.initial.id);
        if (s.linked?.kind === 'task') expect(c.caseWork.tasks.map((t) => t.id)).toContain(s.linked.id);
      }
      if (c.status === 'closed')
        expect(plan.steps.every((s) => s.status === 'done' || s.status === 'stopped')).toBe(true);
      expect(plan.goal.status).toBe(
        c.status !== 'closed' ? 'open' : c.closedReason === 'employed' ? 'achieved' : 'dropped',
      );
    }
    expect([...phases].sort()).toEqual([
      'job_search',
      'life_stabilization',
      'placement',
      'pre_employment',
      'retention',
      'training',
    ]);
  });

  it('records the client’s agreement with most plans', () => {
    const plans = clients.filter((c) => c.caseWork.plan);
    const acknowledged = plans.filter((c) => c.caseWork.plan!.acknowledgement);
    expect(share(acknowledged.length, plans.length)).toBeGreaterThan(0.65);
    expect(share(acknowledged.length, plans.length)).toBeLessThan(0.85);
    expect(acknowledged.some((c) => !c.caseWork.plan!.acknowledgement!.agrees)).toBe(true);
  });
});
