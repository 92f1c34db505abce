-- The offline CRM keeps the next step an update sets (the guide's Pattern B).
ALTER TABLE crm_opportunities ADD COLUMN next_step TEXT;

-- CRM updates by idempotency key, per profile: a retried key applies once, across restarts.
-- state: 'pending' while the write is in flight or its outcome is unknown (a timeout), 'applied' after.
CREATE TABLE crm_updates (
  profile TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  crm TEXT NOT NULL,
  opportunity_id TEXT NOT NULL,
  request TEXT NOT NULL,
  state TEXT NOT NULL,
  result TEXT,
  at TEXT NOT NULL,
  PRIMARY KEY (profile, idempotency_key)
);
