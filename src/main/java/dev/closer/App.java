package dev.closer;

import dev.closer.crm.CrmAdapters;
import dev.closer.policy.BudgetCeiling;
import dev.closer.policy.ModelUsage;
import dev.closer.policy.ProfileCatalog;
import dev.closer.policy.Redactor;
import dev.closer.store.Database;
import dev.closer.store.Journal;
import dev.closer.tool.ToolRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** A wired Closer: what the doors need ({@code metrics} is null unless the settings asked for it). Built only by {@link Main#assemble}; closing it flushes the journal. */
public record App(Settings settings, Database db, Journal journal, ProfileCatalog profiles, ToolRegistry registry,
                  BudgetCeiling budget, Redactor redactor, PrometheusMeterRegistry metrics, CrmAdapters crm,
                  ModelUsage usage)
        implements AutoCloseable {

    @Override
    public void close() {
        journal.close();
        db.close();
    }
}
