-- The offline CRM: accounts, opportunities and contacts imported per profile (closer import crm FILE),
-- read through the same CrmAdapter interface as the vendors.
CREATE TABLE crm_accounts (
  profile TEXT NOT NULL,
  id TEXT NOT NULL,
  name TEXT,
  industry TEXT,
  revenue REAL,
  employee_count INTEGER,
  region TEXT,
  PRIMARY KEY (profile, id)
);
CREATE TABLE crm_opportunities (
  profile TEXT NOT NULL,
  id TEXT NOT NULL,
  name TEXT,
  account_id TEXT,
  stage TEXT NOT NULL,
  amount REAL,
  close_date TEXT,
  loss_reason TEXT,
  sales_cycle_days INTEGER,
  owner TEXT,
  qualification_score REAL,
  PRIMARY KEY (profile, id)
);
CREATE INDEX crm_opportunities_account ON crm_opportunities(profile, account_id);
CREATE TABLE crm_contacts (
  profile TEXT NOT NULL,
  id TEXT NOT NULL,
  account_id TEXT,
  name TEXT,
  title TEXT,
  role TEXT,
  PRIMARY KEY (profile, id)
);
