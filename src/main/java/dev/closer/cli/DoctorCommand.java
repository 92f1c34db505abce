package dev.closer.cli;

import dev.closer.App;
import dev.closer.assistant.ModelSettings;
import dev.closer.crm.CrmAdapter;
import dev.closer.crm.CrmAdapters;
import dev.closer.crm.CrmException;
import dev.closer.policy.Profile;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code closer doctor}: what this Closer would use and whether it works — the store, the
 * profiles and their budgets, each profile's CRM with a live credential check, and the chat model — without
 * printing a secret (every line passes the redactor, which knows the environment's credentials).
 * Exits 1 when a check fails.
 */
@Command(name = "doctor", description = "Check the store, profiles, budgets and each profile's CRM (credentials are never printed).")
final class DoctorCommand implements Callable<Integer> {

    @Mixin
    Common common;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        try (App app = common.app()) {
            boolean ok = true;
            out.println("closer doctor");
            out.println(line("store", app.db().file() + " (SQLite, WAL)"));
            for (String name : app.profiles().names()) {
                Profile p = app.profiles().find(name).orElseThrow();
                out.println(line("profile " + name, (p.readOnly() ? "read-only, " : "") + "budget " + app.budget().spent(p) + " of "
                        + p.budgetCeiling() + " units spent this " + p.window().name().toLowerCase(java.util.Locale.ROOT)
                        + ", CRM writes " + (p.crm().writes() ? "on" : "off")));
                ok &= crm(app, p, out);
            }
            ModelSettings model = ModelSettings.fromEnvironment(app.settings().env());
            out.println(line("chat model", model.missing() == null ? model.label() + " at " + model.baseUrl()
                    + " (configured; not contacted, to spend no tokens)" : "none - only closer chat and /chat need one: "
                    + model.missing()));
            out.println(ok ? "all checks passed" : "some checks failed");
            return ok ? 0 : 1;
        }
    }

    private static boolean crm(App app, Profile p, PrintStream out) {
        CrmAdapters.Choice choice = app.crm().choose(p);
        String where = choice.baseUrl() == null ? "" : " at " + choice.baseUrl();
        if (!choice.configured()) {
            out.println(line("  crm", choice.vendor() + " (" + choice.reason() + ") - NOT CONFIGURED: "
                    + app.redactor().redactText(check(app.crm().forProfile(p)))));
            return false;
        }
        if (choice.vendor().equals("offline")) {
            out.println(line("  crm", "offline (" + choice.reason() + ") - " + imported(app, p.name())));
            return true;
        }
        long started = System.nanoTime();
        String problem = check(app.crm().forProfile(p));
        long ms = (System.nanoTime() - started) / 1_000_000;
        out.println(line("  crm", choice.vendor() + where + " (" + choice.reason() + ") - "
                + (problem == null ? "credentials work (" + ms + " ms)" : "FAILED: " + app.redactor().redactText(problem))));
        return problem == null;
    }

    private static String imported(App app, String profile) {
        return app.db().read(c -> {
            try (var s = c.prepareStatement("SELECT (SELECT COUNT(*) FROM crm_accounts WHERE profile = ?),"
                    + " (SELECT COUNT(*) FROM crm_opportunities WHERE profile = ?)")) {
                s.setString(1, profile);
                s.setString(2, profile);
                try (var r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1) + " accounts and " + r.getLong(2) + " opportunities imported (closer import crm FILE)";
                }
            }
        });
    }

    /** Null when the CRM answers; else what went wrong. */
    private static String check(CrmAdapter crm) {
        try {
            crm.ping();
            return null;
        } catch (CrmException e) {
            return e.kind() + ": " + e.getMessage();
        }
    }

    private static String line(String what, String status) {
        return String.format("  %-18s %s", what, status);
    }
}
