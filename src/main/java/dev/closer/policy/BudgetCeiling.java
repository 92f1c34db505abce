package dev.closer.policy;

import dev.closer.store.BudgetLedger;
import dev.closer.tool.ToolError;
import dev.closer.tool.ToolException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses a call that would take a profile's spend in the current window past its ceiling,
 * before the call runs. The check and the reservation happen under one lock per profile and
 * window, so N concurrent calls against a ceiling of M yield exactly min(N, M) successes. The
 * running total starts from the persisted ledger, so a restart does not reset it.
 */
public final class BudgetCeiling {

    private final BudgetLedger ledger;
    private final Clock clock;
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();

    public BudgetCeiling(BudgetLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    /** A held amount: committed to the ledger when the call is charged, or released. */
    public record Reservation(String profile, String windowStart, long cost, long remainingAfter) {
    }

    public Reservation reserve(Profile profile, long cost) {
        String window = profile.window().startOf(clock.instant());
        Account account = account(profile.name(), window);
        synchronized (account) {
            long ceiling = profile.budgetCeiling();
            if (account.spent + cost > ceiling) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("profile", profile.name());
                details.put("cost", cost);
                details.put("spent", account.spent);
                details.put("ceiling", ceiling);
                details.put("remaining", Math.max(0, ceiling - account.spent));
                details.put("window", profile.window().name().toLowerCase(java.util.Locale.ROOT));
                details.put("window_start", window);
                throw new ToolException(ToolError.BUDGET_EXCEEDED, "this call costs " + cost + " units but profile '"
                        + profile.name() + "' has " + Math.max(0, ceiling - account.spent) + " of " + ceiling
                        + " left in this " + details.get("window") + " window", details);
            }
            account.spent += cost;
            return new Reservation(profile.name(), window, cost, ceiling - account.spent);
        }
    }

    /**
     * Records spend that already happened (a model's tokens once it has answered): never refused,
     * so the ledger tells the truth even when the last answer went past the ceiling.
     */
    public Reservation charge(Profile profile, long cost) {
        String window = profile.window().startOf(clock.instant());
        Account account = account(profile.name(), window);
        synchronized (account) {
            account.spent += cost;
            return new Reservation(profile.name(), window, cost, Math.max(0, profile.budgetCeiling() - account.spent));
        }
    }

    /** Gives back a reservation for a call that was refused after the budget step. */
    public void release(Reservation r) {
        Account account = account(r.profile(), r.windowStart());
        synchronized (account) {
            account.spent -= r.cost();
        }
    }

    public long remaining(Profile profile) {
        return Math.max(0, profile.budgetCeiling() - spent(profile));
    }

    public long spent(Profile profile) {
        Account account = account(profile.name(), profile.window().startOf(clock.instant()));
        synchronized (account) {
            return account.spent;
        }
    }

    public String windowStart(Profile profile) {
        return profile.window().startOf(clock.instant());
    }

    private Account account(String profile, String window) {
        String key = profile + '\u0000' + window;
        Account existing = accounts.get(key);
        if (existing != null) {
            return existing;
        }
        // A new window for this profile: drop its old ones (only the current window is ever asked
        // for). Done outside computeIfAbsent, which must not modify the map from its function.
        accounts.keySet().removeIf(k -> k.startsWith(profile + '\u0000') && !k.equals(key));
        return accounts.computeIfAbsent(key, k -> new Account(ledger.spent(profile, window)));
    }

    private static final class Account {
        long spent;

        Account(long spent) {
            this.spent = spent;
        }
    }
}
