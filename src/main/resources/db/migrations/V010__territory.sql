-- Market definitions stored by define_target_market, per profile.
CREATE TABLE markets (
  profile TEXT NOT NULL,
  market_id TEXT NOT NULL,
  definition TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (profile, market_id)
);

-- A profile's territories (closer import territories FILE), read by simulate_territory_change.
CREATE TABLE territories (
  profile TEXT NOT NULL,
  name TEXT NOT NULL,
  rep_count INTEGER NOT NULL,
  capacity_per_rep INTEGER NOT NULL,
  account_ids TEXT NOT NULL,
  PRIMARY KEY (profile, name)
);
