package dev.closer.server.http;

import dev.closer.policy.ProfileCatalog;
import dev.closer.sales.outreach.Draft;
import dev.closer.sales.outreach.DraftReview;
import dev.closer.sales.outreach.Drafts;
import dev.closer.sales.outreach.QualityReport;
import dev.closer.tool.Caller;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code GET /review}: the human review queue — drafts with their grade and issues, each with
 * Approve and Reject buttons. Approving marks a draft approved for a person to send by hand; it
 * sends nothing. These actions are not tools and are not reachable over MCP. The guard filter has
 * already checked Host/Origin (so another site cannot post these forms) and the bearer token.
 */
public final class ReviewPage {

    private final Drafts drafts;
    private final DraftReview review;
    private final ProfileCatalog profiles;
    private final String defaultProfile;

    public ReviewPage(Drafts drafts, DraftReview review, ProfileCatalog profiles, String defaultProfile) {
        this.drafts = drafts;
        this.review = review;
        this.profiles = profiles;
        this.defaultProfile = defaultProfile;
    }

    public Consumer<JavalinConfig> routes() {
        return config -> {
            config.routes.get("/review", this::page);
            config.routes.post("/review/{draftId}/approve", ctx -> act(ctx, true));
            config.routes.post("/review/{draftId}/reject", ctx -> act(ctx, false));
        };
    }

    private String profile(Context ctx) {
        Caller caller = ctx.attribute(GuardFilter.CALLER);
        String asked = ctx.queryParam("profile");
        String p = asked != null && !asked.isBlank() ? asked
                : caller.grants().size() == 1 && !caller.grants().contains("*") ? caller.grants().iterator().next() : defaultProfile;
        if (profiles.find(p).isEmpty() || !caller.may(p)) {
            throw new io.javalin.http.ForbiddenResponse("this credential does not grant profile '" + p + "'");
        }
        return p;
    }

    private void page(Context ctx) {
        String profile = profile(ctx);
        String status = ctx.queryParamAsClass("status", String.class).getOrDefault(Draft.DRAFT);
        List<Draft> queue = drafts.list(profile, List.of("draft", "approved", "rejected").contains(status) ? status : "draft", 200, null);
        StringBuilder h = new StringBuilder(4096);
        h.append("<!doctype html><html lang=en><head><meta charset=utf-8><title>Closer review queue</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}article{border:1px solid #ccc;")
                .append("border-radius:6px;padding:1rem;margin:1rem 0}pre{white-space:pre-wrap;background:#f6f6f6;padding:.5rem}")
                .append(".grade{font-weight:bold;font-size:1.2rem}button{margin-right:.5rem}</style></head><body>")
                .append("<h1>Review queue</h1><p>Profile <b>").append(esc(profile)).append("</b> · status <b>").append(esc(status))
                .append("</b> · <a href='/review?profile=").append(esc(profile)).append("&status=draft'>drafts</a> · ")
                .append("<a href='/review?profile=").append(esc(profile)).append("&status=approved'>approved</a> · ")
                .append("<a href='/review?profile=").append(esc(profile)).append("&status=rejected'>rejected</a></p>")
                .append("<p>Approving marks a draft approved for you to send by hand. Closer never sends messages.</p>");
        if (queue.isEmpty()) {
            h.append("<p id=empty>No drafts with status ").append(esc(status)).append(".</p>");
        }
        for (Draft d : queue) {
            h.append("<article data-draft-id='").append(esc(d.draftId())).append("'><div class=grade>Grade: ")
                    .append(esc(d.grade() == null ? "not graded" : d.grade())).append("</div><p>To <b>")
                    .append(esc(d.recipientName())).append("</b>").append(d.recipientCompany() == null ? "" : " at " + esc(d.recipientCompany()))
                    .append(" · ").append(esc(d.channel())).append(" · template ").append(esc(d.templateName()))
                    .append(" · status <span class=status>").append(esc(d.status())).append("</span></p>");
            if (d.subject() != null) {
                h.append("<p><b>Subject:</b> ").append(esc(d.subject())).append("</p>");
            }
            h.append("<pre>").append(esc(d.body())).append("</pre>");
            if (!d.issues().isEmpty()) {
                h.append("<ul class=issues>");
                for (QualityReport.Issue i : d.issues()) {
                    h.append("<li>").append(esc(i.severity())).append(": ").append(esc(i.description())).append(" — ")
                            .append(esc(i.suggestion())).append("</li>");
                }
                h.append("</ul>");
            }
            if (Draft.DRAFT.equals(d.status())) {
                String base = "/review/" + esc(d.draftId());
                String q = "?profile=" + esc(profile);
                h.append("<form method=post action='").append(base).append("/approve").append(q)
                        .append("' style='display:inline'><button class=approve>Approve for manual sending</button></form>")
                        .append("<form method=post action='").append(base).append("/reject").append(q)
                        .append("' style='display:inline'><button class=reject>Reject</button></form>");
            }
            h.append("</article>");
        }
        h.append("</body></html>");
        ctx.contentType("text/html; charset=utf-8").result(h.toString());
    }

    private void act(Context ctx, boolean approve) {
        String profile = profile(ctx);
        String id = ctx.pathParam("draftId");
        String note = ctx.formParam("note");
        DraftReview.Outcome o = approve ? review.approve(profile, id, "review-page", note) : review.reject(profile, id, "review-page", note);
        switch (o) {
            case NOT_FOUND -> RestApi.problem(ctx, 404, "NOT_FOUND", "no draft '" + id + "' in profile " + profile, null);
            case ALREADY_REVIEWED -> RestApi.problem(ctx, 409, "ALREADY_REVIEWED", "draft '" + id + "' was already reviewed", null);
            default -> ctx.redirect("/review?profile=" + profile, io.javalin.http.HttpStatus.SEE_OTHER);
        }
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
