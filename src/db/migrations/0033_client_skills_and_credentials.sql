-- A client's skills and credentials (issue 14, point 4): what matching compares with a job order's skills
-- and credentials required. Part of the employment category. Null: not recorded, so the factor does not
-- apply; an empty list: recorded, none. Skills are ESCO skill URIs (esco_skills); credentials are words
-- ("Food Handler Certificate"), compared with letter case and accents aside.
alter table clients
  add column skills text[] check (skills is null or cardinality(skills) <= 30),
  add column credentials text[] check (credentials is null or cardinality(credentials) <= 10);
