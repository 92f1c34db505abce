package dev.closer;

import dev.closer.assistant.Assistant;
import dev.closer.assistant.ChatModels;
import dev.closer.assistant.ModelSettings;
import dev.closer.cli.CloserCommand;
import dev.closer.policy.ModelUsage;
import dev.closer.server.http.ChatApi;
import dev.closer.server.http.ChatPage;
import dev.closer.store.SqliteConversations;
import dev.closer.crm.CrmAdapters;
import dev.closer.policy.Audit;
import dev.closer.policy.CallObserver;
import dev.closer.policy.BudgetCeiling;
import dev.closer.policy.NoAutoSend;
import dev.closer.policy.PolicyChain;
import dev.closer.policy.ProfileAccess;
import dev.closer.policy.ProfileCatalog;
import dev.closer.policy.Redactor;
import dev.closer.policy.SchemaValidation;
import dev.closer.policy.TraceIds;
import dev.closer.sales.outreach.DraftReview;
import dev.closer.server.http.CallMetrics;
import dev.closer.server.http.ReviewPage;
import dev.closer.store.BudgetLedger;
import dev.closer.store.Database;
import dev.closer.store.Journal;
import dev.closer.tool.Resources;
import dev.closer.tool.ToolCatalog;
import dev.closer.tool.ToolDefinition;
import dev.closer.tool.ToolHandler;
import dev.closer.tool.ToolRegistry;
import dev.closer.toolset.platform.BudgetStatusTool;
import dev.closer.toolset.crm.CrmToolset;
import dev.closer.toolset.intelligence.IntelligenceToolset;
import dev.closer.toolset.qualification.QualificationToolset;
import dev.closer.toolset.territory.TerritoryToolset;
import dev.closer.store.SqliteCrmUpdates;
import dev.closer.store.SqliteDrafts;
import dev.closer.store.SqliteMarkets;
import dev.closer.store.SqliteSignals;
import dev.closer.store.SqliteTerritories;
import dev.closer.toolset.accounts.AccountsToolset;
import dev.closer.store.SqliteTemplates;
import dev.closer.toolset.outreach.OutreachToolset;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/**
 * The composition root: the only place that constructs and wires Closer's objects. The picocli
 * commands in {@code cli/} parse flags and call {@link #assemble}.
 */
public final class Main {

    public static final String VERSION = "0.1.0";

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("stdio") && StdioFastPath.handles(args)) {
            // MCP clients launch `closer stdio` for every session: skip picocli's reflection (its
            // pre-Java-6 classes cannot even be class-data-shared) on this one hot path.
            System.exit(StdioFastPath.run(args));
        }
        int code = new CommandLine(new CloserCommand()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExpandAtFiles(false).execute(args);
        System.exit(code);
    }

    /** The HTTP pages beside the doors (the review queue, the chat), wired on {@code app}'s store. */
    public static List<java.util.function.Consumer<io.javalin.config.JavalinConfig>> pages(App app, String defaultProfile) {
        SqliteDrafts drafts = new SqliteDrafts(app.db());
        return List.of(new ReviewPage(drafts, new DraftReview(drafts, app.settings().clock()), app.profiles(), defaultProfile).routes(),
                new ChatApi(() -> assistant(app), ModelSettings.fromEnvironment(app.settings().env()), app.profiles(), defaultProfile)
                        .routes(),
                new ChatPage(app.profiles(), defaultProfile).routes());
    }

    /**
     * The chat assistant on {@code app}, with the model the environment names; IllegalStateException
     * saying exactly what to set when there is none.
     */
    public static Assistant assistant(App app) {
        ModelSettings model = ModelSettings.fromEnvironment(app.settings().env());
        return new Assistant(app.registry(), app.usage(), profile -> redactorFor(app, profile),
                new SqliteConversations(app.db(), app.settings().clock()), ChatModels.streaming(model), model,
                Resources.readText("assistant/system-prompt.txt"));
    }

    /** The redaction a profile's calls get: the built-in rules, the environment's secrets, the profile's additions. */
    public static Redactor redactorFor(App app, String profile) {
        return app.profiles().find(profile).map(p -> app.redactor().with(p.redactKeys(), p.redactValues())).orElse(app.redactor());
    }

    /** The profiles' CRMs (also used by {@code closer doctor}). */
    public static CrmAdapters crmAdapters(Settings settings, Database db) {
        return new CrmAdapters(db, settings.env(), settings.clock(), d -> Thread.sleep(d.toMillis()),
                new SqliteCrmUpdates(db, settings.clock()));
    }

    /** Wires a Closer on {@code settings}; tests may add tools (definitions with their handlers). */
    public static App assemble(Settings settings, List<ToolDefinition> extraTools, Map<String, ToolHandler> extraHandlers) {
        ProfileCatalog profiles = ProfileCatalog.parse(settings.profilesDir() != null
                ? Resources.readDirectory(settings.profilesDir(), ".yaml")
                : Resources.readClasspath("profiles", ".yaml"), settings.budgetOverride());
        Database db = Database.open(settings.dataDir());
        Journal journal = new Journal(db, settings.durableAudit());
        BudgetLedger ledger = new BudgetLedger(db);
        BudgetCeiling budget = new BudgetCeiling(ledger, settings.clock());
        Redactor redactor = new Redactor(List.of(), List.of(), Redactor.secretsIn(settings.env()));
        PrometheusMeterRegistry metrics = settings.metrics() ? new PrometheusMeterRegistry(PrometheusConfig.DEFAULT) : null;
        ProfileAccess access = new ProfileAccess(profiles);
        Audit audit = new Audit(journal, settings.clock());
        PolicyChain chain = new PolicyChain(new TraceIds(), access, new SchemaValidation(), budget,
                new NoAutoSend(), redactor, audit,
                metrics == null ? CallObserver.NONE : new CallMetrics(metrics),
                settings.validateOutputs());

        List<ToolDefinition> definitions = new ArrayList<>(ToolCatalog.parse(Resources.readClasspath("tool-schemas", ".json"), false));
        definitions.addAll(extraTools);
        Map<String, ToolHandler> handlers = new HashMap<>();
        handlers.put("get_budget_status", new BudgetStatusTool(profiles, budget, ledger));
        handlers.putAll(new QualificationToolset(settings.clock()).handlers());
        CrmAdapters adapters = crmAdapters(settings, db);
        java.util.function.Function<String, Optional<dev.closer.crm.CrmAdapter>> crm = profile ->
                profiles.find(profile).map(adapters::forProfile);
        handlers.putAll(new IntelligenceToolset(settings.clock(), crm).handlers());
        handlers.putAll(new CrmToolset(profile -> crm.apply(profile).orElseThrow(),
                profile -> profiles.find(profile).map(p -> p.crm().writes()).orElse(false)).handlers());
        handlers.putAll(new TerritoryToolset(new SqliteMarkets(db), new SqliteTerritories(db)).handlers());
        handlers.putAll(new AccountsToolset(new SqliteSignals(db), crm, settings.clock()).handlers());
        handlers.putAll(new OutreachToolset(new SqliteTemplates(db), new SqliteDrafts(db), settings.clock()).handlers());
        handlers.putAll(extraHandlers);
        ToolRegistry registry = ToolRegistry.build(definitions, handlers, chain, NoAutoSend::isSendingToolName);
        return new App(settings, db, journal, profiles, registry, budget, redactor, metrics, adapters,
                new ModelUsage(access, budget, audit, redactor));
    }
}
