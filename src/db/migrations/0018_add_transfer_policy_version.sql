-- The release limit is versioned policy data (src/domain/transfers/policies/), no longer an
-- environment variable: each transfer records the version of the policy that set its release date
-- when it was accepted. Null while a transfer awaits acceptance, and for transfers accepted before
-- this migration (decided by the former TRANSFER_RELEASE_DAYS setting, whose value was not recorded).
alter table transfers add column policy_version text
  check (policy_version ~ '^transfer-[0-9]{4}\.[0-9]+$');
