package dev.posrecon.core.config;

import dev.posrecon.core.error.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An unknown settings key is never ignored: the error names its line and the known key it is nearest. */
class ConfigKeyTypoTest {

    @Test
    void nearestKnownKey() {
        assertThat(ReconConfig.nearestKey("amount.tolerence")).isEqualTo("amount.tolerance");
        assertThat(ReconConfig.nearestKey("Zone")).isEqualTo("zone");
        assertThat(ReconConfig.nearestKey("settlement.lag.day")).isEqualTo("settlement.lag.days");
        assertThat(ReconConfig.nearestKey("fee.rules.debit")).isEqualTo("fee.rule.debit");
        assertThat(ReconConfig.nearestKey("kinds.02.22")).isEqualTo("kind.02.22");
        assertThat(ReconConfig.nearestKey("colour")).isNull();
        assertThat(ReconConfig.nearestKey("fee.rule.")).isNull();
    }

    @Test
    void knownKeysIncludeTheTwoFamilies() {
        assertThat(ReconConfig.isKnownKey("fee.rule.debit")).isTrue();
        assertThat(ReconConfig.isKnownKey("kind.02.22")).isTrue();
        assertThat(ReconConfig.isKnownKey("fee.rule.")).isFalse();
        assertThat(ReconConfig.isKnownKey("fee.rule.NAME")).isTrue();
        assertThat(ReconConfig.isKnownKey("amount.tolerence")).isFalse();
    }

    @Test
    void theErrorNamesFileLineKeyAndSuggestion(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("p.properties"), "# day\nzone=UTC\n\n  amount.tolerence = 5\n");
        assertThatThrownBy(() -> ReconConfig.load(f)).isInstanceOf(InputException.class)
                .hasMessage(f + ":4: unknown key 'amount.tolerence' (did you mean amount.tolerance?)");
        Path bad = Files.writeString(dir.resolve("q.properties"), "zone=UTC\nsettlement.lag.days=three\n");
        assertThatThrownBy(() -> ReconConfig.load(bad)).hasMessageStartingWith(bad
                + ":2: field 'settlement.lag.days': bad value 'three'");
    }
}
