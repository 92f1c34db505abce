package dev.closer;

import dev.closer.cli.StdioServer;
import java.nio.file.Path;

/**
 * Parses {@code closer stdio [--profile P] [--data-dir D]} without picocli, so an MCP client's
 * launch of Closer answers {@code initialize} sooner. Anything else (help, unknown flags) is left to
 * the picocli command, which gives the proper usage message.
 */
final class StdioFastPath {

    private StdioFastPath() {
    }

    static boolean handles(String[] args) {
        for (int i = 1; i < args.length; i++) {
            boolean known = (args[i].equals("--profile") || args[i].equals("--data-dir")) && i + 1 < args.length;
            if (!known) {
                return false;
            }
            i++;
        }
        return true;
    }

    static int run(String[] args) {
        String profile = "sales";
        Path dataDir = null;
        for (int i = 1; i < args.length; i += 2) {
            if (args[i].equals("--profile")) {
                profile = args[i + 1];
            } else {
                dataDir = Path.of(args[i + 1]);
            }
        }
        return StdioServer.run(profile, dataDir);
    }
}
