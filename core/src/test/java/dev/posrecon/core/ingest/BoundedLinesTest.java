package dev.posrecon.core.ingest;

import dev.posrecon.core.error.InputException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedLinesTest {

    private static List<String> lines(String text, int max) throws IOException {
        List<String> out = new ArrayList<>();
        try (BoundedLines l = new BoundedLines(new StringReader(text), "f", max)) {
            String s;
            while ((s = l.next()) != null) {
                out.add(s);
            }
        }
        return out;
    }

    @Test
    void splitsLikeReadLineOnLfAndCrlf() throws IOException {
        assertThat(lines("", 10)).isEmpty();
        assertThat(lines("a\r\nbb\n\nccc", 10)).containsExactly("a", "bb", "", "ccc");
        assertThat(lines("a\n", 10)).containsExactly("a");
        assertThat(lines("x".repeat(10) + "\r\n" + "y".repeat(10), 10)).containsExactly("x".repeat(10),
                "y".repeat(10));
    }

    @Test
    void aLineOverTheLimitNamesItsLine() {
        assertThatThrownBy(() -> lines("ok\n" + "x".repeat(11) + "\nok\n", 10)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("f:2: a line longer than 10 characters (the limit)");
        // across many buffer fills: refused once the limit is passed
        assertThatThrownBy(() -> lines("x".repeat(300_000), 100_000)).hasMessageStartingWith("f:1: a line longer");
    }
}
