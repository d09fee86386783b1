import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import { addDays } from '../../lib/dates.ts';
import { INTAKE_SOON_DAYS } from '../directory/listing.ts';
import { intakeOpenOn } from '../directory/listing-sql.ts';

// The SQL of ranking programs for a client (./program-matches.service.ts). What of a file the ranking may
// use is decided in src/access before these run; the service passes on only what the reader may see.

export type ProgramProfileRow = {
  targetNocCodes: string[];
  history: string[];
  postalCode: string | null;
  dateOfBirth: string;
  preferredLanguage: 'en' | 'fr';
  incomeSource: 'ontario_works' | 'odsp' | 'ei' | 'none' | 'other';
  activeBarriers: string[];
  stream: 'A' | 'B' | 'C' | null;
};

export async function selectProgramProfile(db: DbOrTrx, clientId: string): Promise<ProgramProfileRow | undefined> {
  const { rows } = await sql<ProgramProfileRow>`
    select c.target_noc_codes as "targetNocCodes", c.postal_code as "postalCode",
      to_char(c.date_of_birth, 'YYYY-MM-DD') as "dateOfBirth", c.preferred_language as "preferredLanguage",
      c.income_source as "incomeSource",
      array(select distinct w.noc_code from client_work_history w where w.client_id = c.id) as history,
      array(select b.kind from client_barriers b where b.client_id = c.id and b.status = 'active' order by b.kind)
        as "activeBarriers",
      (select a.stream from assessments a where a.client_id = c.id order by a.sequence desc limit 1) as stream
    from clients c where c.id = ${clientId}`.execute(db);
  return rows[0];
}

export type ProgramRow = {
  id: string;
  name: string;
  nameFr: string | null;
  organizationId: string;
  organizationName: string;
  organizationNameFr: string | null;
  status: 'active' | 'inactive' | 'defunct' | 'temporarily_closed';
  interventionTypes: string[];
  occupations: string[];
  targetPopulations: string[];
  languages: string[];
  deliveryMode: 'in_person' | 'virtual' | 'hybrid';
  minimumAge: number | null;
  maximumAge: number | null;
  endsOn: string | null;
  seatsOpen: number | null;
  windows: { opensOn: string; closesOn: string | null }[];
  sitePostalCodes: string[];
};

// Every active program that takes people today or within the directory's "soon": the whole directory is a
// few thousand listings at city scale, and the windows' multirange index answers "takes people" (0028).
export async function selectProgramsTakingPeople(db: DbOrTrx, today: string): Promise<ProgramRow[]> {
  const { rows } = await sql<ProgramRow>`
    select s.id, s.name, s.name_fr as "nameFr", s.organization_id as "organizationId",
      o.name as "organizationName", o.name_fr as "organizationNameFr", s.status,
      s.intervention_types as "interventionTypes", s.target_noc_codes as occupations,
      s.target_populations as "targetPopulations", s.languages, s.delivery_mode as "deliveryMode",
      s.minimum_age as "minimumAge", s.maximum_age as "maximumAge",
      to_char(s.ends_on, 'YYYY-MM-DD') as "endsOn", s.seats_open as "seatsOpen",
      coalesce((select json_agg(json_build_object('opensOn', to_char(w.opens_on, 'YYYY-MM-DD'),
          'closesOn', to_char(w.closes_on, 'YYYY-MM-DD')) order by w.opens_on)
        from service_intake_windows w where w.service_id = s.id), '[]') as windows,
      array(select distinct y.postal_code from service_sites x join sites y on y.id = x.site_id
        where x.service_id = s.id and y.postal_code is not null) as "sitePostalCodes"
    from services s join organizations o on o.id = s.organization_id
    where s.status = 'active' and (s.ends_on is null or s.ends_on >= ${today}::date)
      and ${intakeOpenOn(today, addDays(today, INTAKE_SOON_DAYS))}
    order by s.id`.execute(db);
  return rows;
}
