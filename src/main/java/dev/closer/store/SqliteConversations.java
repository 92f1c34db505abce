package dev.closer.store;

import dev.closer.assistant.Conversations;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Optional;

/** Conversations in SQLite (table conversations), always filtered by profile. */
public final class SqliteConversations implements Conversations {

    private final Database db;
    private final Clock clock;

    public SqliteConversations(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Optional<Conversation> find(String profile, String id) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT trace_id, messages FROM conversations"
                    + " WHERE profile = ? AND conversation_id = ?")) {
                p.setString(1, profile);
                p.setString(2, id);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(new Conversation(id, r.getString(1), r.getString(2))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void save(String profile, Conversation conversation) {
        String now = clock.instant().toString();
        db.write(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO conversations(profile, conversation_id, trace_id, messages,"
                    + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(profile, conversation_id)"
                    + " DO UPDATE SET messages = excluded.messages, updated_at = excluded.updated_at")) {
                p.setString(1, profile);
                p.setString(2, conversation.id());
                p.setString(3, conversation.traceId());
                p.setString(4, conversation.messagesJson());
                p.setString(5, now);
                p.setString(6, now);
                return p.executeUpdate();
            }
        });
    }
}
