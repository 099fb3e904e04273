package dev.posrecon.cli;

import dev.posrecon.core.config.ReconConfig;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

/** Options every command that reads inputs shares: configuration file and zone. */
final class ConfigOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings (properties). Default: ./posrecon.properties if present, else built-in defaults.")
    Path config;

    @Option(names = "--zone", paramLabel = "ZONE",
            description = "The merchant's time zone (e.g. Asia/Shanghai). Default: the config's, else the system zone.")
    ZoneId zone;

    @Option(names = "--verbose", description = "Log the settings used and print stack traces on errors.")
    boolean verbose;

    /** Explicit --config, else posrecon.properties in the working directory, else defaults; then --zone. */
    ReconConfig load() {
        ReconConfig c;
        if (config != null) {
            c = ReconConfig.load(config);
        } else if (Files.isRegularFile(Path.of("posrecon.properties"))) {
            c = ReconConfig.load(Path.of("posrecon.properties"));
        } else {
            c = ReconConfig.defaults();
        }
        if (zone != null) {
            c = c.toBuilder().zone(zone).build();
        }
        return c;
    }
}
