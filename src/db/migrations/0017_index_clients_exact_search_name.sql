-- Intake's duplicate search with a birth date looks up the exact folded name on this B-tree
-- (nearest birth date first) instead of scanning the trigram index, whose posting lists for common
-- short trigrams cost 100-150 ms at a million clients. Fuzzy spellings are still found through
-- the birth-date branch; the trigram index stays for searches by name alone.
create index clients_search_name_dob_idx on clients (search_name, date_of_birth);
