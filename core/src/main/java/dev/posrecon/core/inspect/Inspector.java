package dev.posrecon.core.inspect;

import dev.posrecon.core.config.ReconConfig;

import java.nio.charset.Charset;
import java.nio.file.Path;

/** Tells what a file is and what reading it would give. (being written) */
public final class Inspector {
    private Inspector() {
    }

    public static InspectReport inspect(Path file, String profile, Charset encoding, ReconConfig config) {
        throw new UnsupportedOperationException("not yet");
    }
}
