-- Account signals, imported per profile (closer import signals FILE).
CREATE TABLE signals (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  profile TEXT NOT NULL,
  account_id TEXT NOT NULL,
  type TEXT NOT NULL,
  description TEXT NOT NULL,
  strength REAL NOT NULL,
  observed_at TEXT NOT NULL,
  source TEXT NOT NULL
);
CREATE INDEX signals_account ON signals(profile, account_id, observed_at);
