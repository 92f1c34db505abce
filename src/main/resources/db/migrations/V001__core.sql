-- Budget ledger: one row per charged call. Spend in a window is SUM(cost) for the profile.
CREATE TABLE budget_ledger (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  profile TEXT NOT NULL,
  window_start TEXT NOT NULL,
  trace_id TEXT NOT NULL,
  tool TEXT NOT NULL,
  cost INTEGER NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX budget_ledger_window ON budget_ledger(profile, window_start, trace_id, cost);
CREATE INDEX budget_ledger_trace ON budget_ledger(profile, trace_id);

-- Audit log: one row per call, refused or not, with redacted inputs and error.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  profile TEXT NOT NULL,
  trace_id TEXT NOT NULL,
  tool TEXT NOT NULL,
  door TEXT NOT NULL,
  outcome TEXT NOT NULL,
  error_code TEXT,
  cost INTEGER NOT NULL,
  duration_us INTEGER NOT NULL,
  inputs TEXT,
  error TEXT
);
CREATE INDEX audit_log_profile ON audit_log(profile, at);
CREATE INDEX audit_log_trace ON audit_log(profile, trace_id);
