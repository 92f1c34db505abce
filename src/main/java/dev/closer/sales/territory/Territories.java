package dev.closer.sales.territory;

import java.util.List;
import java.util.Optional;

/** A profile's territories (imported with {@code closer import territories FILE}). */
public interface Territories {

    record Territory(String name, int repCount, int capacityPerRep, List<String> accountIds) {
    }

    /** Replaces the profile's territories with these, in one transaction. */
    void replaceAll(String profile, List<Territory> territories);

    Optional<Territory> find(String profile, String name);

    List<Territory> all(String profile);
}
