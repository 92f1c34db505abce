package dev.closer.server.http;

import dev.closer.policy.ProfileCatalog;
import dev.closer.tool.Caller;
import dev.closer.tool.Resources;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.function.Consumer;

/**
 * {@code GET /chat}: a small page beside the review queue where a person talks to the assistant
 * (through {@code POST /api/v1/chat}, streamed). The page is static; the profile it acts for is
 * the one the credential grants, or {@code ?profile=}.
 */
public final class ChatPage {

    private final ProfileCatalog profiles;
    private final String defaultProfile;
    private final String html = Resources.readText("pages/chat.html");

    public ChatPage(ProfileCatalog profiles, String defaultProfile) {
        this.profiles = profiles;
        this.defaultProfile = defaultProfile;
    }

    public Consumer<JavalinConfig> routes() {
        return config -> config.routes.get("/chat", this::page);
    }

    private void page(Context ctx) {
        Caller caller = ctx.attribute(GuardFilter.CALLER);
        String p = RestApi.profileFor(ctx.queryParam("profile"), caller, defaultProfile);
        if (profiles.find(p).isEmpty() || !caller.may(p)) {
            throw new io.javalin.http.ForbiddenResponse("this credential does not grant profile '" + p + "'");
        }
        ctx.contentType("text/html; charset=utf-8")
                .result(html.replace("<html lang=\"en\">", "<html lang=\"en\" data-profile=\"" + ReviewPage.esc(p) + "\">"));
    }
}
