package dev.posrecon.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.posrecon.core.cases.Evidence;
import dev.posrecon.core.cases.ReconCase;
import dev.posrecon.core.contact.ContactOption;
import dev.posrecon.core.model.Reject;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes cases.csv, cases.json and rejects.csv: stable column order, stable row order, LF line ends, UTF-8. */
public final class CaseFiles {
    /** The cases.csv columns: DESIGN.md's list first, then posrecon's additions. */
    public static final List<String> CSV_COLUMNS = List.of("case_id", "type", "severity", "direction",
            "amount_at_stake", "currency", "business_date", "merchant_id", "terminal_id", "receipt_no", "stan", "rrn",
            "auth_code", "card", "member_id", "contact_channels", "contact_reason", "message_draft", "reason",
            "detail", "match_rule", "ambiguous", "txn_time", "contact_window");

    private CaseFiles() {
    }

    /** One JSON-ready map per case, in column order (the CSV is the same values flattened). */
    public static Map<String, Object> row(ReconCase c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("case_id", c.caseId());
        m.put("type", c.type().name());
        m.put("severity", c.severity().name());
        m.put("direction", c.direction().name());
        m.put("amount_at_stake", c.amountAtStake().toDecimalString());
        m.put("currency", c.amountAtStake().currency().getCurrencyCode());
        m.put("business_date", c.businessDate() == null ? null : c.businessDate().toString());
        m.put("merchant_id", c.merchantId());
        m.put("terminal_id", c.terminalId());
        m.put("receipt_no", c.receiptNo());
        m.put("stan", c.stan());
        m.put("rrn", c.rrn());
        m.put("auth_code", c.authCode());
        m.put("card", c.card());
        m.put("member_id", c.memberId());
        m.put("contact_channels", c.contact().channelList());
        m.put("contact_reason", c.contact().reason());
        m.put("message_draft", c.contact().messageDraft());
        m.put("reason", c.reason());
        m.put("detail", c.detail());
        m.put("match_rule", c.matchRule());
        m.put("ambiguous", Boolean.toString(c.ambiguous()));
        m.put("txn_time", c.txnTime() == null ? null : c.txnTime().toString());
        m.put("contact_window", c.contact().window());
        return m;
    }

    public static Path writeCsv(Path file, List<ReconCase> cases) {
        return AtomicFiles.write(file, w -> {
            Csv.row(w, CSV_COLUMNS.toArray(String[]::new));
            for (ReconCase c : cases) {
                Map<String, Object> r = row(c);
                String[] vals = new String[CSV_COLUMNS.size()];
                for (int i = 0; i < vals.length; i++) {
                    Object v = r.get(CSV_COLUMNS.get(i));
                    vals[i] = v == null ? "" : v.toString();
                }
                Csv.row(w, vals);
            }
        });
    }

    public static Path writeJson(Path file, List<ReconCase> cases) {
        return AtomicFiles.write(file, w -> {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("format", "posrecon-cases/1");
            doc.put("count", cases.size());
            List<Object> list = new ArrayList<>(cases.size());
            for (ReconCase c : cases) {
                list.add(jsonCase(c));
            }
            doc.put("cases", list);
            writeJson(w, doc);
        });
    }

    /** The full JSON form of a case: the CSV columns, the ranked contact list and the evidence. */
    public static Map<String, Object> jsonCase(ReconCase c) {
        Map<String, Object> m = row(c);
        m.remove("contact_channels");
        m.remove("contact_reason");
        m.remove("message_draft");
        m.remove("contact_window");
        m.put("ambiguous", c.ambiguous());
        Map<String, Object> contact = new LinkedHashMap<>();
        List<Object> channels = new ArrayList<>();
        for (ContactOption o : c.contact().channels()) {
            Map<String, Object> ch = new LinkedHashMap<>();
            ch.put("route", o.route().name());
            ch.put("address", o.address());
            ch.put("reason", o.reason());
            channels.add(ch);
        }
        contact.put("channels", channels);
        contact.put("reason", c.contact().reason());
        contact.put("window", c.contact().window());
        contact.put("language", c.contact().language());
        contact.put("message_draft", c.contact().messageDraft());
        contact.put("follow_up_draft", c.contact().followUpDraft());
        m.put("contact", contact);
        List<Object> ev = new ArrayList<>();
        for (Evidence e : c.evidence()) {
            Map<String, Object> em = new LinkedHashMap<>();
            em.put("source", e.source().name());
            em.put("file", e.ref().file());
            em.put("line", e.ref().line());
            em.put("role", e.role());
            em.put("fields", e.fields());
            ev.add(em);
        }
        m.put("evidence", ev);
        return m;
    }

    public static Path writeRejects(Path file, List<Reject> rejects) {
        return AtomicFiles.write(file, w -> {
            Csv.row(w, "file", "line", "reason", "raw");
            for (Reject r : rejects) {
                Csv.row(w, r.file(), Long.toString(r.line()), r.reason(), r.raw());
            }
        });
    }

    private static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    /** Pretty JSON with LF line ends on every platform, and a final newline. */
    public static void writeJson(Writer w, Object doc) throws IOException {
        try (JsonGenerator g = generator(w)) {
            write(g, doc);
        }
        w.write('\n');
    }

    /** The generator posrecon's JSON is written with: two-space indents, LF line ends, {@code w} left open. */
    static JsonGenerator generator(Writer w) throws IOException {
        JsonGenerator g = MAPPER.getFactory().createGenerator(w);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.setPrettyPrinter(new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n")));
        return g;
    }

    /**
     * Writes maps with text keys, lists, text, booleans and whole numbers straight to the generator, and anything
     * else through the mapper: the bytes Jackson's own serializers write for them (the same generator and pretty
     * printer make every token), without looking up a serializer for each of a day's hundreds of thousands of
     * values.
     */
    private static void write(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Map<?, ?> m && textKeys(m)) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName((String) e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object x : l) {
                write(g, x);
            }
            g.writeEndArray();
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer || v instanceof Long) {
            g.writeNumber(((Number) v).longValue());
        } else {
            MAPPER.writeValue(g, v);
        }
    }

    private static boolean textKeys(Map<?, ?> m) {
        for (Object k : m.keySet()) {
            if (!(k instanceof String)) {
                return false;
            }
        }
        return true;
    }
}
