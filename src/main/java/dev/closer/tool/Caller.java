package dev.closer.tool;

import java.util.Set;

/**
 * Who is on the other end of a door, as established by its credential: the door's name (for the
 * audit log and metrics) and the profiles that credential grants. {@code ANY} is the local user
 * of an unauthenticated loopback server, who may use every profile.
 */
public record Caller(String door, Set<String> grants) {

    public static final Set<String> ANY = Set.of("*");

    public Caller {
        grants = Set.copyOf(grants);
    }

    public boolean may(String profile) {
        return grants.contains("*") || grants.contains(profile);
    }

    public static Caller local(String door) {
        return new Caller(door, ANY);
    }
}
