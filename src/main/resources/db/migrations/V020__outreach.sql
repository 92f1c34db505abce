-- Message templates, one row per version; a template's versions share its template_id.
CREATE TABLE templates (
  profile TEXT NOT NULL,
  template_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  name TEXT NOT NULL,
  subject TEXT,
  body TEXT NOT NULL,
  channel TEXT NOT NULL,
  tags TEXT NOT NULL,
  variables TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  PRIMARY KEY (profile, template_id, version)
);
CREATE INDEX templates_name ON templates(profile, name);

-- Profiles whose starter library has been loaded (once each).
CREATE TABLE template_seeds (
  profile TEXT PRIMARY KEY,
  seeded_at TEXT NOT NULL
);

-- Drafts awaiting review. There is deliberately no 'sent' status: Closer never sends.
CREATE TABLE drafts (
  profile TEXT NOT NULL,
  draft_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'approved', 'rejected')),
  created_at TEXT NOT NULL,
  message TEXT NOT NULL,
  grade TEXT,
  quality_score REAL,
  issues TEXT,
  reviewed_at TEXT,
  reviewer TEXT,
  review_note TEXT,
  PRIMARY KEY (profile, draft_id)
);
CREATE INDEX drafts_queue ON drafts(profile, status, created_at);
