-- Two-step sign-in with a time-based one-time password (TOTP, RFC 6238).
alter table users
  add column totp_secret text,
  -- Offered at enrolment, kept until the user confirms a first code.
  add column totp_pending_secret text,
  add column totp_enrolled_at timestamptz,
  -- The last accepted time step: a code is never accepted twice.
  add column totp_last_step bigint;
