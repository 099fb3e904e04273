package dev.posrecon.core.cases;

import dev.posrecon.core.model.Source;
import dev.posrecon.core.model.SourceRef;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One record behind a case: its source, file and line, the role it plays ("sale", "settlement", "receipt",
 * "void", "original sale"...) and its fields as written (card masked), in a stable order.
 */
public record Evidence(Source source, SourceRef ref, String role, Map<String, String> fields)
        implements Comparable<Evidence> {

    public Evidence {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    @Override
    public int compareTo(Evidence o) {
        int c = source.compareTo(o.source);
        if (c != 0) {
            return c;
        }
        c = ref.compareTo(o.ref);
        return c != 0 ? c : role.compareTo(o.role);
    }
}
