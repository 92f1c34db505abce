package dev.closer.sales.outreach;

import java.util.List;
import java.util.Optional;

/** Stored drafts, per profile. There is no "sent" status and no way to set one. */
public interface Drafts {

    void save(String profile, Draft draft);

    Optional<Draft> find(String profile, String draftId);

    /** Newest first; {@code after} is the last draft id of the previous page (null for the first page). */
    List<Draft> list(String profile, String status, int limit, String after);

    void updateQuality(String profile, String draftId, QualityReport quality);

    /** Moves a draft from {@code from} to {@code to}; false if it was not in {@code from}. */
    boolean review(String profile, String draftId, String from, String to, String reviewer, String note, String at);
}
