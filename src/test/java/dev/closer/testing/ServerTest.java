package dev.closer.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Base for end-to-end tests: a fresh Closer on a loopback port per test, and a look into its store. */
public abstract class ServerTest {

    @TempDir
    protected Path dir;
    protected TestServer server;

    @BeforeEach
    void startServer() {
        server = TestServer.on(dir).start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** The single number a SQL query over the store returns (e.g. a COUNT). */
    protected long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("closer.db"));
             ResultSet r = c.createStatement().executeQuery(sql)) {
            return r.getLong(1);
        }
    }
}
