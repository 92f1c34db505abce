package dev.closer.policy;

import dev.closer.tool.Caller;
import dev.closer.tool.ToolDefinition;
import dev.closer.tool.ToolError;
import dev.closer.tool.ToolException;
import java.util.Map;

/**
 * Profile isolation: a caller may only act as a profile its credential grants, and a profile
 * only sees the tools it lists (a read-only profile: only tools marked read-only).
 */
public final class ProfileAccess {

    private final ProfileCatalog profiles;

    public ProfileAccess(ProfileCatalog profiles) {
        this.profiles = profiles;
    }

    public Profile check(Caller caller, String profileName, ToolDefinition tool) {
        Profile profile = granted(caller, profileName);
        if (!allows(profile, tool)) {
            throw new ToolException(ToolError.PROFILE_DENIED, "profile '" + profile.name() + "' may not use tool '"
                    + tool.name() + "'" + (profile.readOnly() && !tool.annotations().readOnly()
                    ? " (the profile is read-only and this tool changes data)" : ""),
                    Map.of("profile", profile.name(), "tool", tool.name()));
        }
        return profile;
    }

    /** The profile, if it exists and the caller's credential grants it; else PROFILE_DENIED. */
    public Profile granted(Caller caller, String profileName) {
        Profile profile = profiles.find(profileName).orElseThrow(() -> new ToolException(ToolError.PROFILE_DENIED,
                "unknown profile '" + profileName + "'; known profiles: " + String.join(", ", profiles.names()),
                Map.of("profile", String.valueOf(profileName))));
        if (!caller.may(profile.name())) {
            throw new ToolException(ToolError.PROFILE_DENIED, "this credential does not grant profile '"
                    + profile.name() + "'", Map.of("profile", profile.name()));
        }
        return profile;
    }

    public boolean visible(ToolDefinition tool, String profileName) {
        return profiles.find(profileName).map(p -> allows(p, tool)).orElse(false);
    }

    public java.util.Optional<Profile> profile(String name) {
        return profiles.find(name);
    }

    private static boolean allows(Profile p, ToolDefinition tool) {
        return p.listsTool(tool.name()) && (!p.readOnly() || tool.annotations().readOnly());
    }
}
