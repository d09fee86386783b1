-- Audit search by organization (an agency manager's view of their staff's rows), newest first.
create index audit_log_actor_organization_idx on audit_log (actor_organization_id, id);

-- Resetting a user's two-step sign-in (continuum user reset-two-step) ends their sessions too.
alter table sessions drop constraint sessions_revoked_reason_check;
alter table sessions add constraint sessions_revoked_reason_check
  check (revoked_reason in ('sign_out', 'sign_out_everywhere', 'user_disabled', 'password_changed', 'two_step_reset'));
