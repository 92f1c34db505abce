package dev.closer.sales.outreach;

import java.time.Clock;

/**
 * The human review of drafts (the /review page; not a tool). Approving marks a draft approved for
 * a person to send by hand — Closer sends nothing. Only a draft in status "draft" can be approved
 * or rejected.
 */
public final class DraftReview {

    private final Drafts drafts;
    private final Clock clock;

    public DraftReview(Drafts drafts, Clock clock) {
        this.drafts = drafts;
        this.clock = clock;
    }

    public enum Outcome { DONE, NOT_FOUND, ALREADY_REVIEWED }

    public Outcome approve(String profile, String draftId, String reviewer, String note) {
        return move(profile, draftId, Draft.APPROVED, reviewer, note);
    }

    public Outcome reject(String profile, String draftId, String reviewer, String note) {
        return move(profile, draftId, Draft.REJECTED, reviewer, note);
    }

    private Outcome move(String profile, String draftId, String to, String reviewer, String note) {
        if (drafts.find(profile, draftId).isEmpty()) {
            return Outcome.NOT_FOUND;
        }
        return drafts.review(profile, draftId, Draft.DRAFT, to, reviewer, note, clock.instant().toString())
                ? Outcome.DONE : Outcome.ALREADY_REVIEWED;
    }
}
