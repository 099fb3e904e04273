package dev.posrecon.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * posrecon's JSON writer gives the bytes Jackson's mapper gives for the same document, pretty-printed the same way:
 * nested maps and lists, empty ones, nulls, text that needs escaping, numbers, booleans, and values it leaves to
 * the mapper (decimals, ids, enums, maps with keys that are not text).
 */
class JsonWriteTest {
    private static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    enum Kind { SALE, REFUND }

    @Property(tries = 300)
    void sameBytesAsTheMapper(@ForAll("docs") Object doc) throws IOException {
        assertThat(posrecon(doc)).isEqualTo(jackson(doc));
    }

    @Test
    void theEdgesOfTheDocument() throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("empty_map", Map.of());
        doc.put("empty_list", List.of());
        doc.put("null", null);
        doc.put("text", "quote \" backslash \\ tab \t newline \n nul \u0000 é 中文 😀");
        doc.put("long", Long.MIN_VALUE);
        doc.put("int", 42);
        doc.put("decimal", new BigDecimal("1E+3"));
        doc.put("uuid", java.util.UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
        doc.put("kind", Kind.REFUND);
        Map<Object, Object> odd = new TreeMap<>();
        odd.put(7, "seven");
        doc.put("int_keys", odd);
        assertThat(posrecon(doc)).isEqualTo(jackson(doc));
    }

    @Provide
    Arbitrary<Object> docs() {
        return Arbitraries.longs().map(seed -> doc(new Random(seed), 0));
    }

    private static Object doc(Random rnd, int depth) {
        int pick = rnd.nextInt(depth > 3 ? 6 : 9);
        return switch (pick) {
            case 0 -> null;
            case 1 -> text(rnd);
            case 2 -> rnd.nextBoolean();
            case 3 -> rnd.nextLong();
            case 4 -> rnd.nextInt();
            case 5 -> rnd.nextBoolean() ? Kind.SALE : new BigDecimal(rnd.nextInt(100_000)).movePointLeft(2);
            case 6, 7 -> {
                Map<String, Object> m = new LinkedHashMap<>();
                for (int i = rnd.nextInt(5); i > 0; i--) {
                    m.put(text(rnd), doc(rnd, depth + 1));
                }
                yield m;
            }
            default -> {
                List<Object> l = new ArrayList<>();
                for (int i = rnd.nextInt(5); i > 0; i--) {
                    l.add(doc(rnd, depth + 1));
                }
                yield l;
            }
        };
    }

    private static String text(Random rnd) {
        String[] parts = {"a", "b", " ", "\"", "\\", "\n", "\t", "\u0001", "é", "中", "😀", "/", "<", ">", "&"};
        StringBuilder b = new StringBuilder();
        for (int i = rnd.nextInt(8); i > 0; i--) {
            b.append(parts[rnd.nextInt(parts.length)]);
        }
        return b.toString();
    }

    private static String posrecon(Object doc) throws IOException {
        StringWriter w = new StringWriter();
        CaseFiles.writeJson(w, doc);
        return w.toString();
    }

    /** What CaseFiles wrote before it walked the document itself: the mapper on the same generator. */
    private static String jackson(Object doc) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = CaseFiles.generator(w)) {
            MAPPER.writeValue(g, doc);
        }
        w.write('\n');
        return w.toString();
    }
}
