import type { BarrierKind } from '../domain/assessment/assessment-input.ts';
import type { Role } from '../domain/accounts/account.ts';
import { asciiLetters } from './client-record.ts';
import type { ClientRecord, OrganizationType } from './city.ts';
import { REFERENCE_DAY, dayOf, dayString } from './days.ts';
import { NAME_GROUPS } from './names.ts';
import { weightedTable, type Random } from './random.ts';
import { drawReferrals, type ProgramIndex, type SyntheticReferral } from './referrals.ts';

// The case work on a synthetic client's file (migrations 0012 and 0013): the staff who carry it,
// the case team, case notes, follow-up tasks and check-ins, the service plan, and the overdue
// notices already sent. Drawn after the record from a stream of its own, with staff pools that
// grow as files arrive: each agency's next worker opens when the current one's caseload is full.

// ---- Rates --------------------------------------------------------------------------------------
// Caseloads: Ontario's employment service caseloads run about 100 to 170 files per counsellor (the
// seeds speak of caseloads too large for follow-up); a worker's places on case teams, open and
// closed files together, are drawn in that range.
export const CASELOAD_RANGE = [100, 170] as const;
// A job developer carries the employer side of many more files.
export const JOB_DEVELOPER_CASELOAD_RANGE = [150, 250] as const;
// Share of an employment service's open files with a job developer on the team.
export const JOB_DEVELOPER_SHARE = 0.25;
// Days between recorded contacts, drawn per client (about monthly to quarterly).
export const CONTACT_INTERVAL_DAYS = [30, 180] as const;
// Contact notes per client (the latest) by the holding agency, and by a partner agency's worker.
export const MAX_CONTACT_NOTES = 6;
export const MAX_PARTNER_NOTES = 4;
export const NOTE_CORRECTED = 0.01;
export const NOTE_VISIBILITY = [
  ['agency', 0.6],
  ['case_team', 0.3],
  ['client', 0.1],
] as const;
// Share of contacts that closed a scheduled follow-up task.
export const CONTACT_FROM_TASK = 0.4;
// Share of open files whose follow-up fell through: no contact for one to three intervals, and
// the next follow-up overdue (the seeds: "follow-ups fall through").
export const FELL_THROUGH = 0.12;
export const PLAN_ACKNOWLEDGED = 0.75;
export const PLAN_AGREED = 0.95;
export const OVERDUE_NOTICE_READ = 0.6;
// Staff accounts are made before the city's first intake.
const STAFF_SINCE_DAY = REFERENCE_DAY - 4 * 365;

// ---- Shapes -------------------------------------------------------------------------------------

export type StaffRole = Extract<Role, 'employment_counsellor' | 'caseworker' | 'job_developer' | 'agency_manager'>;
export type TeamRole = 'primary_worker' | 'employment_counsellor' | 'caseworker' | 'job_developer';
export type NoteKind = 'contact' | 'assessment' | 'plan' | 'employer' | 'retention' | 'life_stabilization' | 'transfer';
export type NoteVisibility = 'agency' | 'case_team' | 'client';
export type PlanPhase =
  'life_stabilization' | 'pre_employment' | 'training' | 'job_search' | 'placement' | 'retention' | 'advancement';
export type StepStatus = 'planned' | 'in_progress' | 'done' | 'stopped';

export type SyntheticStaff = {
  id: string;
  organizationId: string;
  role: StaffRole;
  displayName: string;
  email: string;
  preferredLanguage: 'en' | 'fr';
  createdOn: string;
};
export type SyntheticTeamMember = {
  id: string;
  userId: string;
  organizationId: string;
  teamRole: TeamRole;
  addedOn: string;
  removed: { on: string; reason: 'consent_revoked' | 'left_team' } | null;
};
export type SyntheticNote = {
  id: string;
  organizationId: string;
  authorId: string;
  kind: NoteKind;
  visibility: NoteVisibility;
  contactOn: string;
  body: string;
  correctsNoteId: string | null;
};
export type SyntheticTask = {
  id: string;
  organizationId: string;
  createdBy: string;
  assignedTo: string;
  kind: 'follow_up' | 'check_in';
  phase: 'before_employment' | 'after_employment' | 'any';
  title: string;
  dueOn: string;
  recurrence: 'none' | 'monthly';
  recurUntil: string | null;
  status: 'open' | 'done' | 'cancelled';
  completedOn: string | null;
  previousTaskId: string | null;
  createdOn: string;
  // Set on an open task due before the reference date: its overdue notice went out the next day.
  overdueNotice: { id: string; on: string; read: boolean } | null;
};
export type SyntheticPlanStep = {
  id: string;
  goalId: string;
  phase: PlanPhase;
  title: string;
  status: StepStatus;
  startsOn: string | null;
  dueOn: string | null;
  completedOn: string | null;
  linked: { kind: 'assessment' | 'task'; id: string } | null;
  createdOn: string;
  // Each status the step moved to, in order, with its day.
  changes: { id: string; status: StepStatus; on: string }[];
};
export type SyntheticPlan = {
  goal: {
    id: string;
    description: string;
    targetDate: string | null;
    status: 'open' | 'achieved' | 'dropped';
    createdOn: string;
  };
  steps: SyntheticPlanStep[];
  acknowledgement: { id: string; agrees: boolean; method: 'in_person' | 'phone' | 'written'; on: string } | null;
};
export type CaseWork = {
  // Staff whose first file this is: loaded with it, before the rows that name them.
  newStaff: SyntheticStaff[];
  // The holding agency's primary worker and manager.
  primaryWorkerId: string;
  managerId: string;
  team: SyntheticTeamMember[];
  notes: SyntheticNote[];
  tasks: SyntheticTask[];
  plan: SyntheticPlan | null;
  // Closed-loop referrals sent by the holding agency (referrals.ts).
  referrals: SyntheticReferral[];
};

// ---- Staff pools --------------------------------------------------------------------------------

type Pool = {
  organizationId: string;
  role: StaffRole;
  range: readonly [number, number];
  current: { id: string; left: number } | null;
};

// One city pass's staff: a pool per agency and role, filled in the order files arrive.
export class StaffPools {
  private readonly pools = new Map<string, Pool>();
  private readonly managers = new Map<string, string>();
  private serial = 0;
  private pending: SyntheticStaff[] = [];

  constructor(
    private readonly r: Random,
    private readonly types: ReadonlyMap<string, OrganizationType>,
    private readonly frenchAgencies: ReadonlySet<string>,
  ) {}

  // Staff agencies: employment services and social assistance offices carry files.
  carriesFiles(organizationId: string): boolean {
    const type = this.types.get(organizationId);
    return type === 'employment_service_provider' || type === 'social_assistance_office';
  }

  workerRole(organizationId: string): 'employment_counsellor' | 'caseworker' {
    return this.types.get(organizationId) === 'social_assistance_office' ? 'caseworker' : 'employment_counsellor';
  }

  // The next place on a caseload at the agency, for a worker of the role.
  take(organizationId: string, role: StaffRole): string {
    const key = `${organizationId}/${role}`;
    let pool = this.pools.get(key);
    if (!pool) {
      pool = {
        organizationId,
        role,
        range: role === 'job_developer' ? JOB_DEVELOPER_CASELOAD_RANGE : CASELOAD_RANGE,
        current: null,
      };
      this.pools.set(key, pool);
    }
    if (!pool.current || pool.current.left === 0) {
      pool.current = { id: this.hire(organizationId, role), left: this.r.int(pool.range[0], pool.range[1]) };
    }
    pool.current.left--;
    return pool.current.id;
  }

  manager(organizationId: string): string {
    let id = this.managers.get(organizationId);
    if (!id) {
      id = this.hire(organizationId, 'agency_manager');
      this.managers.set(organizationId, id);
    }
    return id;
  }

  // Staff made since the last call.
  drain(): SyntheticStaff[] {
    const out = this.pending;
    this.pending = [];
    return out;
  }

  private hire(organizationId: string, role: StaffRole): string {
    const r = this.r;
    const group = r.weightedPick(nameGroups);
    const given = r.pick(group.given);
    const family = r.pick(group.family);
    const id = r.uuid();
    this.serial++;
    this.pending.push({
      id,
      organizationId,
      role,
      displayName: `${given} ${family}`,
      email: `${asciiLetters(given) || 'staff'}.${asciiLetters(family) || 'staff'}.${this.serial}@staff.example.org`,
      preferredLanguage: this.frenchAgencies.has(organizationId) && r.bool(0.4) ? 'fr' : 'en',
      createdOn: dayString(STAFF_SINCE_DAY),
    });
    return id;
  }
}

const nameGroups = weightedTable(NAME_GROUPS.map((g) => [g, g.weight] as const));
const visibilities = weightedTable(NOTE_VISIBILITY);

// ---- Text ---------------------------------------------------------------------------------------
// Notes in the client's language of service; the staff write them.

type Lang = 'en' | 'fr';
const NOTE_TEXT: Record<
  Lang,
  Record<
    'intake' | 'assessment' | 'contact' | 'partner' | 'retention' | 'stabilization' | 'employer' | 'correction',
    readonly string[]
  >
> = {
  en: {
    intake: [
      'First meeting. Went over the client’s goals, the services on offer and the consent form.',
      'Intake interview. Client brought ID and a résumé; we talked about work they want and what gets in the way.',
    ],
    assessment: [
      'Went through the Common Assessment together and explained the stream and its reasons.',
      'Common Assessment done; client agreed with the reasons read back.',
    ],
    contact: [
      'Check-in by phone. Job search going steadily; two applications sent this week.',
      'Met in person. Updated the résumé and practised interview answers.',
      'Client attended the workshop and asked for help with cover letters.',
      'Follow-up call. Client is waiting to hear back from an employer.',
      'Reviewed the plan; moved the training step forward at the client’s request.',
      'Left a voicemail; client called back the next day.',
    ],
    partner: [
      'Team update from the partner agency: attendance is good.',
      'Shared progress with the case team; no new issues.',
    ],
    retention: [
      'Retention check-in: client is settling in at the new job.',
      'Spoke with the client after their first month at work; hours are steady.',
    ],
    stabilization: [
      'Connected the client with a housing worker.',
      'Referred to the food bank and a community legal clinic.',
      'Helped arrange childcare for training days.',
    ],
    employer: ['Called the employer about the placement; they want to keep the client on.'],
    correction: [
      'Correction: the date of the next appointment was wrong in the note before; it is the following week.',
    ],
  },
  fr: {
    intake: [
      'Première rencontre. Nous avons revu les objectifs, les services offerts et le formulaire de consentement.',
      'Entrevue d’accueil. Pièces d’identité et CV apportés; nous avons parlé du travail recherché et des obstacles.',
    ],
    assessment: [
      'Évaluation commune faite ensemble; volet et motifs expliqués.',
      'Évaluation commune terminée; la personne est d’accord avec les motifs.',
    ],
    contact: [
      'Suivi par téléphone. La recherche d’emploi avance; deux candidatures cette semaine.',
      'Rencontre en personne. CV mis à jour et entrevue simulée.',
      'Atelier suivi; demande d’aide pour les lettres de présentation.',
      'Appel de suivi. En attente d’une réponse d’un employeur.',
      'Plan revu; l’étape de formation avancée à la demande de la personne.',
      'Message laissé; rappel reçu le lendemain.',
    ],
    partner: [
      'Mise à jour de l’organisme partenaire : bonne assiduité.',
      'Progrès communiqués à l’équipe; rien de nouveau.',
    ],
    retention: [
      'Suivi en emploi : la personne s’adapte bien au nouveau poste.',
      'Appel après le premier mois au travail; heures stables.',
    ],
    stabilization: [
      'Mise en contact avec une intervenante en logement.',
      'Orientation vers la banque alimentaire et une clinique juridique.',
      'Aide pour la garde d’enfants les jours de formation.',
    ],
    employer: ['Appel à l’employeur au sujet du placement; il souhaite garder la personne.'],
    correction: [
      'Correction : la date du prochain rendez-vous était erronée dans la note précédente; c’est la semaine suivante.',
    ],
  },
};
const TASK_TITLE: Record<Lang, Record<'follow_up' | 'check_in' | 'hold', string>> = {
  en: {
    follow_up: 'Follow up on the job search',
    check_in: 'Monthly check-in after starting work',
    hold: 'Check in when the hold ends',
  },
  fr: {
    follow_up: 'Faire le suivi de la recherche d’emploi',
    check_in: 'Suivi mensuel après l’entrée en emploi',
    hold: 'Reprendre contact à la fin de la pause',
  },
};
const GOAL_TEXT: Record<Lang, string> = {
  en: 'Find steady work that fits the client’s goals',
  fr: 'Trouver un emploi stable qui correspond aux objectifs',
};
const STABILIZATION_STEP: Partial<Record<BarrierKind, Record<Lang, string>>> = {
  housing: { en: 'Apply for housing help', fr: 'Demander de l’aide au logement' },
  food: { en: 'Register with a food bank', fr: 'S’inscrire à une banque alimentaire' },
  mental_health: { en: 'Connect with counselling support', fr: 'Obtenir un soutien psychologique' },
  addictions: { en: 'Connect with an addictions program', fr: 'Joindre un programme en dépendances' },
  childcare: { en: 'Arrange childcare', fr: 'Organiser la garde d’enfants' },
  transportation: { en: 'Get a transit pass through the fund', fr: 'Obtenir un laissez-passer de transport' },
  legal: { en: 'See a community legal clinic', fr: 'Consulter une clinique juridique' },
  digital_access: { en: 'Borrow a laptop and set up e-mail', fr: 'Emprunter un portable et créer un courriel' },
  language: { en: 'Start language classes (LINC)', fr: 'Commencer des cours de langue (CLIC)' },
  disability: { en: 'Arrange workplace accommodations', fr: 'Prévoir des mesures d’adaptation au travail' },
};
const STEP_TEXT: Record<Exclude<PlanPhase, 'life_stabilization'>, Record<Lang, string>> = {
  pre_employment: { en: 'Résumé and interview workshop', fr: 'Atelier CV et entrevue' },
  training: { en: 'Enrol in a short skills training program', fr: 'S’inscrire à une formation courte' },
  job_search: {
    en: 'Apply to three jobs a week with the job developer',
    fr: 'Postuler à trois emplois par semaine avec le développeur d’emploi',
  },
  placement: { en: 'Start a job placement', fr: 'Commencer un placement' },
  retention: {
    en: 'Stay in touch through the first year at work',
    fr: 'Rester en contact pendant la première année d’emploi',
  },
  advancement: { en: 'Plan the next step up at work', fr: 'Préparer une promotion' },
};
const REVIEW_STEP: Record<Lang, string> = {
  en: 'Review the Common Assessment results together',
  fr: 'Revoir ensemble les résultats de l’évaluation commune',
};

// ---- Drawing ------------------------------------------------------------------------------------

const clamp = (day: number, from: number, to: number) => Math.max(from, Math.min(to, day));

// The day the file stopped being worked: its closing day, or the reference date.
function lastWorkedDay(c: ClientRecord): number {
  const closed = c.statusChanges.find((s) => s.kind === 'closed');
  return closed ? dayOf(closed.on) : REFERENCE_DAY;
}

// The job the client started after intake and still holds, if any.
function jobStartedAfterIntake(c: ClientRecord): number | null {
  const current = c.workHistory.find((j) => j.endDate === null);
  if (!current) return null;
  const start = dayOf(current.startDate);
  return start > dayOf(c.intakeDate) ? start : null;
}

// `referrals`: the stream referrals draw from, and the programs each agency lists.
export function drawCaseWork(
  r: Random,
  c: ClientRecord,
  pools: StaffPools,
  referrals?: { r: Random; programs: ProgramIndex },
): CaseWork {
  const lang: Lang = c.preferredLanguage;
  const text = NOTE_TEXT[lang];
  const holder = c.organizationId;
  const intakeDay = dayOf(c.intakeDate);
  const lastDay = Math.max(intakeDay, lastWorkedDay(c));
  const open = c.status !== 'closed';
  const employedSince = jobStartedAfterIntake(c) ?? (c.closedReason === 'employed' ? lastDay : null);

  const primaryWorkerId = pools.take(holder, pools.workerRole(holder));
  const managerId = pools.manager(holder);
  const team: SyntheticTeamMember[] = [
    {
      id: r.uuid(),
      userId: primaryWorkerId,
      organizationId: holder,
      teamRole: 'primary_worker',
      addedOn: c.intakeDate,
      removed: null,
    },
  ];
  const notes: SyntheticNote[] = [];
  const tasks: SyntheticTask[] = [];
  const note = (
    organizationId: string,
    authorId: string,
    kind: NoteKind,
    day: number,
    body: string,
    visibility?: NoteVisibility,
  ) => {
    const n: SyntheticNote = {
      id: r.uuid(),
      organizationId,
      authorId,
      kind,
      visibility: visibility ?? r.weightedPick(visibilities),
      contactOn: dayString(day),
      body,
      correctsNoteId: null,
    };
    notes.push(n);
    if (r.bool(NOTE_CORRECTED)) {
      notes.push({
        ...n,
        id: r.uuid(),
        contactOn: dayString(Math.min(REFERENCE_DAY, day + r.int(0, 3))),
        body: r.pick(text.correction),
        correctsNoteId: n.id,
      });
    }
    return n;
  };

  // The intake note comes first.
  note(holder, primaryWorkerId, 'contact', intakeDay, r.pick(text.intake), 'agency');

  // A partner agency's worker joins through an integrated case management consent, and leaves
  // the team when that consent is revoked.
  for (const consent of c.consents) {
    if (consent.purpose !== 'integrated_case_management' || !pools.carriesFiles(consent.organizationId)) continue;
    const role = pools.workerRole(consent.organizationId);
    const userId = pools.take(consent.organizationId, role);
    const from = dayOf(consent.startsOn);
    const until = Math.min(lastDay, consent.revocation ? dayOf(consent.revocation.on) : dayOf(consent.expiresOn));
    team.push({
      id: r.uuid(),
      userId,
      organizationId: consent.organizationId,
      teamRole: role,
      addedOn: consent.startsOn,
      // Leaves when the consent is revoked, or when it runs out.
      removed: consent.revocation
        ? { on: consent.revocation.on, reason: 'consent_revoked' }
        : dayOf(consent.expiresOn) < REFERENCE_DAY
          ? { on: consent.expiresOn, reason: 'left_team' }
          : null,
    });
    let day = from + r.int(14, 60);
    for (
      let k = 0;
      k < MAX_PARTNER_NOTES && day <= until;
      k++, day += r.int(CONTACT_INTERVAL_DAYS[0], CONTACT_INTERVAL_DAYS[1])
    ) {
      note(consent.organizationId, userId, 'contact', day, r.pick(text.partner), 'case_team');
    }
  }

  // The holding agency's notes: the assessment, life stabilization, contacts, retention.
  if (c.assessmentPlan)
    note(
      holder,
      primaryWorkerId,
      'assessment',
      dayOf(c.assessmentPlan.initial.on),
      r.pick(text.assessment),
      'case_team',
    );
  if (c.barriers.length > 0 && lastDay > intakeDay + 7) {
    note(
      holder,
      primaryWorkerId,
      'life_stabilization',
      r.int(intakeDay + 1, Math.min(lastDay, intakeDay + 60)),
      r.pick(text.stabilization),
    );
  }
  // The latest contacts, counted back from the last day worked (or from when follow-up fell through).
  const interval = r.int(CONTACT_INTERVAL_DAYS[0], CONTACT_INTERVAL_DAYS[1]);
  const contacts: number[] = [];
  const end = lastDay - (open && r.bool(FELL_THROUGH) ? r.int(interval, 3 * interval) : r.int(0, interval));
  for (
    let day = end;
    day > intakeDay + 7 && contacts.length < MAX_CONTACT_NOTES;
    day -= Math.round(interval * (0.7 + 0.6 * r.float()))
  )
    contacts.unshift(day);
  let lastContact = intakeDay;
  for (const day of contacts) {
    const after = employedSince !== null && day >= employedSince;
    note(holder, primaryWorkerId, after ? 'retention' : 'contact', day, r.pick(after ? text.retention : text.contact));
    if (r.bool(CONTACT_FROM_TASK)) {
      tasks.push(
        task(r, {
          holder,
          by: primaryWorkerId,
          kind: 'follow_up',
          phase: after ? 'after_employment' : 'before_employment',
          title: TASK_TITLE[lang].follow_up,
          due: day,
          created: Math.max(intakeDay, day - r.int(7, 30)),
          done: day,
        }),
      );
    }
    lastContact = day;
  }
  if (employedSince !== null && c.closedReason !== 'employed' && r.bool(0.3))
    note(
      holder,
      primaryWorkerId,
      'employer',
      clamp(employedSince + r.int(7, 40), intakeDay, lastDay),
      r.pick(text.employer),
    );

  // What is open now: a check-in chain after work starts, the next follow-up, or the end of a hold.
  if (open) {
    if (employedSince !== null && c.status === 'active') {
      const until = employedSince + 365;
      let previous: SyntheticTask | null = null;
      let due = employedSince + 30;
      for (; due < REFERENCE_DAY - 30 && due < until; due += 30) {
        const done: SyntheticTask = task(r, {
          holder,
          by: primaryWorkerId,
          kind: 'check_in',
          phase: 'after_employment',
          title: TASK_TITLE[lang].check_in,
          due,
          created: previous ? dayOf(previous.dueOn) : employedSince,
          done: due + r.int(0, 5),
          monthlyUntil: until,
          previous,
        });
        tasks.push(done);
        previous = done;
      }
      if (due < until)
        tasks.push(
          task(r, {
            holder,
            by: primaryWorkerId,
            kind: 'check_in',
            phase: 'after_employment',
            title: TASK_TITLE[lang].check_in,
            due,
            created: previous ? dayOf(previous.dueOn) : employedSince,
            done: null,
            monthlyUntil: until,
            previous,
          }),
        );
    } else {
      const hold = c.statusChanges.find((s) => s.kind === 'on_hold');
      const due = hold ? dayOf(hold.on) + r.int(30, 120) : lastContact + Math.round(interval * (0.7 + 0.6 * r.float()));
      tasks.push(
        task(r, {
          holder,
          by: primaryWorkerId,
          kind: 'follow_up',
          phase: 'any',
          title: hold ? TASK_TITLE[lang].hold : TASK_TITLE[lang].follow_up,
          due,
          created: Math.min(REFERENCE_DAY, hold ? dayOf(hold.on) : lastContact),
          done: null,
        }),
      );
    }
  }

  // A job developer on the team of some open employment service files.
  if (open && pools.workerRole(holder) === 'employment_counsellor' && r.bool(JOB_DEVELOPER_SHARE)) {
    team.push({
      id: r.uuid(),
      userId: pools.take(holder, 'job_developer'),
      organizationId: holder,
      teamRole: 'job_developer',
      addedOn: dayString(clamp(intakeDay + r.int(14, 120), intakeDay, REFERENCE_DAY)),
      removed: null,
    });
  }

  const plan = c.assessmentPlan
    ? drawPlan(r, c, lang, {
        intakeDay,
        lastDay,
        employedSince,
        assessmentId: c.assessmentPlan.initial.id,
        assessedDay: dayOf(c.assessmentPlan.initial.on),
        followUp: tasks.find((t) => t.status === 'open' && t.kind === 'follow_up') ?? null,
      })
    : null;

  // Drawn last, from a stream of their own: nothing drawn before them moves.
  const sent = referrals
    ? drawReferrals(referrals.r, c, primaryWorkerId, referrals.programs, {
        carriesFiles: (id) => pools.carriesFiles(id),
        worker: (id) => pools.take(id, pools.workerRole(id)),
      })
    : [];
  return { newStaff: pools.drain(), primaryWorkerId, managerId, team, notes, tasks, plan, referrals: sent };
}

type TaskDraft = {
  holder: string;
  by: string;
  kind: SyntheticTask['kind'];
  phase: SyntheticTask['phase'];
  title: string;
  due: number;
  created: number;
  done: number | null;
  monthlyUntil?: number;
  previous?: SyntheticTask | null;
};

function task(r: Random, d: TaskDraft): SyntheticTask {
  const open = d.done === null;
  const overdue = open && d.due < REFERENCE_DAY;
  return {
    id: r.uuid(),
    organizationId: d.holder,
    createdBy: d.by,
    assignedTo: d.by,
    kind: d.kind,
    phase: d.phase,
    title: d.title,
    dueOn: dayString(d.due),
    recurrence: d.monthlyUntil !== undefined ? 'monthly' : 'none',
    recurUntil: d.monthlyUntil !== undefined ? dayString(d.monthlyUntil) : null,
    status: open ? 'open' : 'done',
    completedOn: open ? null : dayString(Math.min(REFERENCE_DAY, d.done!)),
    previousTaskId: d.previous?.id ?? null,
    createdOn: dayString(Math.min(d.created, d.due)),
    overdueNotice: overdue
      ? { id: r.uuid(), on: dayString(Math.min(REFERENCE_DAY, d.due + 1)), read: r.bool(OVERDUE_NOTICE_READ) }
      : null,
  };
}

type PlanFacts = {
  intakeDay: number;
  lastDay: number;
  employedSince: number | null;
  assessmentId: string;
  assessedDay: number;
  followUp: SyntheticTask | null;
};

// A goal and its steps across the continuum, in parallel and out of order: stabilization for the
// barriers the client named, then the phases towards work the file has reached.
function drawPlan(r: Random, c: ClientRecord, lang: Lang, f: PlanFacts): SyntheticPlan {
  const start = f.assessedDay;
  const goal: SyntheticPlan['goal'] = {
    id: r.uuid(),
    description: c.goals.statement ?? GOAL_TEXT[lang],
    targetDate:
      c.goals.timeHorizon === 'long_term'
        ? dayString(start + 5 * 365)
        : c.goals.timeHorizon === 'within_a_year'
          ? dayString(start + 365)
          : null,
    status: c.status !== 'closed' ? 'open' : c.closedReason === 'employed' ? 'achieved' : 'dropped',
    createdOn: dayString(start),
  };
  const steps: SyntheticPlanStep[] = [];
  const step = (
    phase: PlanPhase,
    title: string,
    from: number,
    length: number,
    linked: SyntheticPlanStep['linked'] = null,
  ) => {
    const startsOn = clamp(from, start, REFERENCE_DAY);
    const dueOn = startsOn + length;
    let status: StepStatus = 'planned';
    let completed: number | null = null;
    const changes: SyntheticPlanStep['changes'] = [];
    if (startsOn <= f.lastDay) {
      status = 'in_progress';
      changes.push({ id: r.uuid(), status, on: dayString(startsOn) });
      if (dueOn <= f.lastDay && r.bool(0.85)) {
        completed = Math.min(f.lastDay, dueOn + r.int(-7, 14));
        completed = Math.max(startsOn, completed);
        status = 'done';
        changes.push({ id: r.uuid(), status, on: dayString(completed) });
      } else if (c.status === 'closed') {
        status = 'stopped';
        changes.push({ id: r.uuid(), status, on: dayString(f.lastDay) });
      }
    } else if (c.status === 'closed') {
      status = 'stopped';
      changes.push({ id: r.uuid(), status, on: dayString(f.lastDay) });
    }
    steps.push({
      id: r.uuid(),
      goalId: goal.id,
      phase,
      title,
      status,
      startsOn: dayString(startsOn),
      dueOn: dayString(dueOn),
      completedOn: completed === null ? null : dayString(completed),
      linked,
      createdOn: dayString(start),
      changes,
    });
  };
  step('pre_employment', REVIEW_STEP[lang], start, 7, { kind: 'assessment', id: f.assessmentId });
  for (const b of c.barriers.filter((x) => x.status === 'active').slice(0, 2)) {
    const title = STABILIZATION_STEP[b.kind]?.[lang];
    if (title) step('life_stabilization', title, start + r.int(0, 14), r.int(30, 120));
  }
  if (r.bool(0.6)) step('pre_employment', STEP_TEXT.pre_employment[lang], start + r.int(7, 30), r.int(14, 45));
  if (c.literacyNumeracy === 'below_basic' || c.literacyNumeracy === 'basic' || r.bool(0.3))
    step('training', STEP_TEXT.training[lang], start + r.int(20, 90), r.int(30, 180));
  const followUp = f.followUp;
  step(
    'job_search',
    STEP_TEXT.job_search[lang],
    start + r.int(30, 120),
    r.int(60, 180),
    followUp ? { kind: 'task', id: followUp.id } : null,
  );
  if (f.employedSince !== null) {
    step('placement', STEP_TEXT.placement[lang], f.employedSince, 14);
    step('retention', STEP_TEXT.retention[lang], f.employedSince + 14, 351);
  }
  const acknowledged = r.bool(PLAN_ACKNOWLEDGED);
  return {
    goal,
    steps,
    acknowledgement: acknowledged
      ? {
          id: r.uuid(),
          agrees: r.bool(PLAN_AGREED),
          method: r.pick(['in_person', 'phone', 'written'] as const),
          on: dayString(clamp(start + r.int(0, 14), start, REFERENCE_DAY)),
        }
      : null,
  };
}
