-- Recruitment for a program (issue 13, point 7) looks through an agency's files within the program's
-- ages: the agency and the date of birth together find them without reading every file of the agency
-- or every client born in the range.
create index clients_organization_birth_idx on clients (organization_id, date_of_birth);
