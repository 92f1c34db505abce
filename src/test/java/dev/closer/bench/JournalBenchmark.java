package dev.closer.bench;

import dev.closer.store.Database;
import dev.closer.store.Journal;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** The cost of one durable audit + ledger row (one SQLite WAL commit when uncontended). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JournalBenchmark {

    private Database db;
    private Journal journal;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        db = Database.open(Files.createTempDirectory("closer-journal-bench"));
        journal = new Journal(db);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        journal.close();
        db.close();
    }

    @Benchmark
    public void append_one_audit_and_ledger_row() {
        journal.append(new Journal.AuditRow("2026-11-24T00:00:00Z", "sales", "t", "trivial", "bench", "ok", null, 1, 10,
                "{\"account_id\":\"acme\"}", null), new Journal.LedgerRow("sales", "2026-11-24T00:00:00Z", "t", "trivial", 1,
                "2026-11-24T00:00:00Z"));
    }
}
