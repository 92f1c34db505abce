package dev.closer.sales.accounts;

import dev.closer.crm.CrmAdapter;
import dev.closer.crm.CrmException;
import dev.closer.crm.CrmOpportunity;
import dev.closer.crm.OpportunityFilters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * get_account_signals: the profile's stored signals, optionally with signals derived from the CRM.
 * A CRM failure never fails the call: the offline result comes back with the failure stated.
 * priority_score = 1 − Π(1 − strength × recency) over buying signals, where recency =
 * e^(−age in days / 90), then × (1 − 0.5 × the strongest recent contraction).
 */
public final class AccountSignals {

    private final SignalStore store;
    private final Function<String, Optional<CrmAdapter>> crm;
    private final Clock clock;

    public AccountSignals(SignalStore store, Function<String, Optional<CrmAdapter>> crm, Clock clock) {
        this.store = store;
        this.crm = crm;
        this.clock = clock;
    }

    public record Request(String accountId, boolean enrichFromCrm, Set<String> signalTypes, Integer sinceDays) {
    }

    public record Result(String accountId, List<Signal> signals, List<String> sourcesUsed, String source,
                         double priorityScore, List<String> warnings, CrmFailure crmError) {
    }

    public record CrmFailure(String code, String message) {
    }

    public Result signals(String profile, Request r) {
        List<Signal> all = new ArrayList<>(store.find(profile, r.accountId()));
        List<String> sources = new ArrayList<>(List.of("offline"));
        List<String> warnings = new ArrayList<>();
        CrmFailure failure = null;
        String source = "offline";
        if (r.enrichFromCrm()) {
            Optional<CrmAdapter> adapter = crm.apply(profile);
            if (adapter.isEmpty()) {
                warnings.add("enrich_from_crm: no CRM is configured for this profile; offline signals only");
            } else {
                try {
                    all.addAll(fromCrm(adapter.get(), r.accountId()));
                    sources.add(adapter.get().name());
                    source = "crm+offline";
                } catch (CrmException e) {
                    failure = new CrmFailure(e.kind() == CrmException.Kind.AUTH ? "CRM_AUTH" : e.kind() == CrmException.Kind.NOT_FOUND
                            ? "NOT_FOUND" : "CRM_UNAVAILABLE", adapter.get().name() + ": " + e.getMessage());
                    warnings.add("CRM enrichment failed (" + failure.message() + "); showing offline signals only");
                }
            }
        }
        Instant now = clock.instant();
        List<Signal> shown = all.stream()
                .filter(s -> r.signalTypes() == null || r.signalTypes().isEmpty() || r.signalTypes().contains(s.type()))
                .filter(s -> r.sinceDays() == null || !Instant.parse(s.observedAt()).isBefore(now.minus(Duration.ofDays(r.sinceDays()))))
                .sorted(Comparator.comparing(Signal::observedAt).reversed()).toList();
        if (all.isEmpty() && failure == null) {
            warnings.add("no signals recorded for account '" + r.accountId() + "' (import some with 'closer import signals FILE')");
        }
        return new Result(r.accountId(), shown, sources, source, priority(shown, now), warnings, failure);
    }

    static double priority(List<Signal> signals, Instant now) {
        double keep = 1;
        double contraction = 0;
        for (Signal s : signals) {
            double ageDays = Math.max(0, Duration.between(Instant.parse(s.observedAt()), now).toHours() / 24.0);
            double weight = s.strength() * Math.exp(-ageDays / 90.0);
            if (Signal.BUYING.contains(s.type())) {
                keep *= 1 - weight;
            } else if (s.type().equals("contraction")) {
                contraction = Math.max(contraction, weight);
            }
        }
        return Math.round((1 - keep) * (1 - 0.5 * contraction) * 1000) / 1000.0;
    }

    /** Open deals show engagement; a deal won in the last year suggests expansion; a recent loss is noted weakly. */
    private List<Signal> fromCrm(CrmAdapter adapter, String accountId) {
        List<Signal> out = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        List<CrmOpportunity> opps = adapter.searchOpportunities(new OpportunityFilters(null, accountId, null, null, null), 100, null).items();
        String at = clock.instant().toString();
        long open = opps.stream().filter(o -> !o.isClosed()).count();
        if (open > 0) {
            out.add(new Signal("engagement", open + " open opportunit" + (open == 1 ? "y" : "ies") + " in " + adapter.name(), 0.7, at, "crm"));
        }
        for (CrmOpportunity o : opps) {
            if (o.isWon() && o.closeDate() != null && o.closeDate().isAfter(today.minusDays(365))) {
                out.add(new Signal("engagement", "Won '" + o.name() + "' on " + o.closeDate() + ": an existing customer",
                        0.5, o.closeDate().atStartOfDay(ZoneOffset.UTC).toInstant().toString(), "crm"));
            }
        }
        return out;
    }
}
