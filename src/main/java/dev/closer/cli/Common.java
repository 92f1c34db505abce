package dev.closer.cli;

import dev.closer.App;
import dev.closer.Main;
import dev.closer.Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every command shares, and the one way commands get a wired {@link App}. */
public final class Common {

    @Option(names = "--data-dir", description = "Where the embedded store lives (default: $CLOSER_DATA_DIR or ./data).")
    Path dataDir;

    @Option(names = "--profile", description = "Profile to act as (default: sales).", defaultValue = "sales")
    String profile;

    App app() {
        return app(false);
    }

    App app(boolean metrics) {
        Settings settings = Settings.fromEnvironment(System.getenv(), dataDir).withMetrics(metrics);
        return Main.assemble(settings, List.of(), Map.of());
    }
}
