-- Audit search by organization (an agency manager's view of their staff's rows), newest first.
create index audit_log_actor_organization_idx on audit_log (actor_organization_id, id);
