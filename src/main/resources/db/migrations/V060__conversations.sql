-- The chat assistant's conversations, per profile: no query reads another profile's. messages holds
-- LangChain4j's JSON of the kept messages (user text already redacted, tool results as the chain
-- returned them, so redacted too); the system prompt is not stored.
CREATE TABLE conversations (
  profile TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  trace_id TEXT NOT NULL,
  messages TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (profile, conversation_id)
);
