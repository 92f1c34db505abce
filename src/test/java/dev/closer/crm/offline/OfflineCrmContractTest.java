package dev.closer.crm.offline;

import dev.closer.crm.CrmAdapter;
import dev.closer.crm.CrmAdapterContract;
import dev.closer.store.Database;
import dev.closer.tool.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The contract on the offline CRM: the data set imported into the embedded store with closer's importer. */
class OfflineCrmContractTest extends CrmAdapterContract {

    @TempDir
    Path dir;
    private Database db;
    private OfflineCrmAdapter offline;

    @BeforeEach
    void load() throws Exception {
        db = Database.open(dir);
        var report = new OfflineCrmImport(db).run("sales",
                Json.parse(Files.readString(Path.of("src/test/resources/crm/offline/contract-data.json"))));
        if (!report.rejected().isEmpty()) {
            throw new IllegalStateException("fixture rows rejected: " + report.rejected());
        }
        offline = new OfflineCrmAdapter(db, "sales");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Override
    protected CrmAdapter adapter() {
        return offline;
    }

    @Override
    protected Ids ids() {
        return new Ids("acme", "oldco", "opp-won", "opp-lost", "opp-open", "nope", "opp-nope");
    }

    @Override
    protected CrmAdapter adapterWithBadCredentials() {
        return null;
    }

    @Override
    protected int writesReceived(String opportunityId) {
        return offline.writes(opportunityId);
    }
}
