package dev.closer.sales.accounts;

import java.util.List;
import java.util.Map;

/** The profile's offline signal store. */
public interface SignalStore {

    /** Adds signals (account id → signals) in one transaction. */
    void add(String profile, Map<String, List<Signal>> byAccount);

    List<Signal> find(String profile, String accountId);
}
