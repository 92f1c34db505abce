package dev.closer.sales.outreach;

import java.util.List;
import java.util.Optional;

/** Stored templates, per profile, versioned: a change adds a version, old versions stay readable. */
public interface Templates {

    /** Stores a new version (version 1 for a new template) and returns it. */
    Template save(String profile, Template template);

    /** The latest version (or the given one) of a live template, by id or by name. */
    Optional<Template> find(String profile, String idOrName, Integer version);

    /** Latest versions of the live templates, by name. */
    List<Template> latest(String profile);

    /** Marks every version deleted; returns whether anything was live. */
    boolean delete(String profile, String templateId);

    /** Runs {@code seed} once per profile (the starter library), atomically with recording that it ran. */
    void seedOnce(String profile, List<Template> starter);
}
