-- Outgoing messages. Writers insert in their own transaction; a sweep delivers them.
create table outbox_messages (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind ~ '^[a-z][a-z0-9_]{1,62}$'),
  recipient text not null check (recipient ~ '^[^@\s]+@[^@\s]+$'),
  subject text not null check (length(subject) between 1 and 300),
  body_text text not null,
  body_html text,
  status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  claimed_at timestamptz,
  sent_at timestamptz,
  last_error text,
  -- Where it went: the .eml file name or the SMTP server's answer.
  delivery_ref text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index outbox_messages_due_idx on outbox_messages (next_attempt_at) where status in ('pending', 'sending');
create trigger outbox_messages_updated_at before update on outbox_messages
  for each row execute function set_updated_at();
