package dev.closer.sales.territory;

import java.util.Optional;

/** Stored market definitions, per profile. */
public interface MarketDefinitions {

    /** Stores (idempotently) and returns the market's id. */
    String save(String profile, MarketDefinition market);

    Optional<MarketDefinition> find(String profile, String marketId);
}
