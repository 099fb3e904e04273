package dev.posrecon.core.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.univocity.parsers.csv.CsvWriter;
import com.univocity.parsers.csv.CsvWriterSettings;
import dev.posrecon.core.cases.Evidence;
import dev.posrecon.core.cases.ReconCase;
import dev.posrecon.core.contact.ContactOption;
import dev.posrecon.core.error.StoreException;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** How the {@code cases} commands show stored cases: an 80-column table, CSV, JSON and one case in full. */
public final class CaseViews {
    /** Ids longer than this are shortened in the table; any unique prefix works with show and update. */
    static final int ID_WIDTH = 12;

    private static final String[] CSV_HEADER = {"case_id", "type", "severity", "direction", "amount_at_stake",
        "currency", "business_date", "merchant_id", "terminal_id", "receipt_no", "stan", "rrn", "auth_code", "card",
        "member_id", "status", "age_days", "first_seen_run", "last_seen_run", "status_changed_at", "closed_reason",
        "contact_channels", "contact_reason", "message_draft", "reason", "detail"};

    private static final java.time.format.DateTimeFormatter STAMP =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(java.time.ZoneOffset.UTC);

    private CaseViews() {
    }

    /** One line per case, 79 columns wide. */
    public static String table(List<StoredCase> cases, Instant now) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-12s %-10s %-18s %-11s %-8s %10s %4s%n", "ID", "DATE", "TYPE", "STATUS",
                "TERMINAL", "AMOUNT", "AGE"));
        boolean shortened = false;
        for (StoredCase s : cases) {
            ReconCase c = s.reconCase();
            String id = c.caseId();
            if (id.length() > ID_WIDTH) {
                id = id.substring(0, ID_WIDTH);
                shortened = true;
            }
            sb.append(String.format("%-12s %-10s %-18s %-11s %-8s %10s %4d%n", id,
                    c.businessDate() == null ? "-" : c.businessDate(), c.type(), s.status(),
                    AuditReport.cut(c.terminalId(), 8), c.amountAtStake().toDecimalString(), s.ageDays(now)));
        }
        sb.append(cases.size()).append(cases.size() == 1 ? " case" : " cases");
        if (shortened) {
            sb.append("; ids shortened: any unique prefix works with 'cases show' and 'cases update'");
        }
        return sb.append('\n').toString();
    }

    /** The accountant's CSV: one row per case, header first. */
    public static String csv(List<StoredCase> cases, Instant now) {
        StringWriter w = new StringWriter();
        CsvWriterSettings settings = new CsvWriterSettings();
        settings.setQuoteEscapingEnabled(true);
        settings.getFormat().setLineSeparator("\n");
        CsvWriter csv = new CsvWriter(w, settings);
        csv.writeHeaders(CSV_HEADER);
        for (StoredCase s : cases) {
            ReconCase c = s.reconCase();
            csv.writeRow(c.caseId(), c.type(), c.severity(), c.direction(), c.amountAtStake().toDecimalString(),
                    c.amountAtStake().currency().getCurrencyCode(), c.businessDate(), c.merchantId(), c.terminalId(),
                    c.receiptNo(), c.stan(), c.rrn(), c.authCode(), c.card(), c.memberId(), s.status(),
                    s.ageDays(now), s.firstSeenRun(), s.lastSeenRun(), s.statusChangedAt(), s.closedReason(),
                    c.contact().channelList(), c.contact().reason(), c.contact().messageDraft(), c.reason(),
                    c.detail());
        }
        csv.close();
        return w.toString();
    }

    /**
     * A JSON array of cases with evidence and contact advice; with {@code history} non-null, each case's events too.
     */
    public static String json(List<StoredCase> cases, Instant now, Function<String, List<CaseEvent>> history) {
        ArrayNode arr = Json.MAPPER.createArrayNode();
        for (StoredCase s : cases) {
            arr.add(node(s, now, history == null ? null : history.apply(s.caseId())));
        }
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(arr) + "\n";
        } catch (IOException e) {
            throw new StoreException("cannot write cases as JSON: " + e.getMessage(), e);
        }
    }

    private static ObjectNode node(StoredCase s, Instant now, List<CaseEvent> events) {
        ReconCase c = s.reconCase();
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("case_id", c.caseId());
        n.put("type", c.type().name());
        n.put("severity", Db.name(c.severity()));
        n.put("direction", Db.name(c.direction()));
        n.put("amount_at_stake", c.amountAtStake().toDecimalString());
        n.put("currency", c.amountAtStake().currency().getCurrencyCode());
        n.put("business_date", c.businessDate() == null ? null : c.businessDate().toString());
        n.put("merchant_id", c.merchantId());
        n.put("terminal_id", c.terminalId());
        n.put("receipt_no", c.receiptNo());
        n.put("stan", c.stan());
        n.put("rrn", c.rrn());
        n.put("auth_code", c.authCode());
        n.put("card", c.card());
        n.put("member_id", c.memberId());
        n.put("txn_time", c.txnTime() == null ? null : c.txnTime().toString());
        n.put("reason", c.reason());
        n.put("detail", c.detail());
        n.put("match_rule", c.matchRule());
        n.put("ambiguous", c.ambiguous());
        n.put("status", s.status().name());
        n.put("age_days", s.ageDays(now));
        n.put("first_seen_run", s.firstSeenRun());
        n.put("last_seen_run", s.lastSeenRun());
        n.put("created_at", s.createdAt().toString());
        n.put("status_changed_at", s.statusChangedAt().toString());
        n.put("closed_reason", s.closedReason());
        n.put("closed_by", s.closedBy());
        n.set("contact", Json.MAPPER.valueToTree(c.contact()));
        n.set("evidence", Json.MAPPER.valueToTree(c.evidence()));
        if (events != null) {
            ArrayNode h = n.putArray("history");
            for (CaseEvent e : events) {
                ObjectNode en = h.addObject();
                en.put("at", e.at().toString());
                en.put("actor", e.actor());
                en.put("from", Db.name(e.from()));
                en.put("to", e.to().name());
                en.put("note", e.note());
                en.put("run_id", e.runId());
            }
        }
        return n;
    }

    /** One case in full: fields, contact advice, evidence and history. */
    public static String detail(StoredCase s, List<CaseEvent> events, Instant now) {
        ReconCase c = s.reconCase();
        StringBuilder sb = new StringBuilder();
        sb.append("Case ").append(c.caseId()).append('\n');
        field(sb, "type", c.type() + (c.reason() == null ? "" : " (" + c.reason() + ")"));
        field(sb, "status", s.status() + ", " + s.ageDays(now) + " day(s) open"
                + (s.closedReason() == null ? "" : "; " + s.closedReason() + " (" + s.closedBy() + ")"));
        field(sb, "amount at stake", c.amountAtStake().toString());
        field(sb, "direction", Db.name(c.direction()));
        field(sb, "severity", Db.name(c.severity()));
        field(sb, "business date", c.businessDate());
        field(sb, "time", c.txnTime() == null ? null : c.txnTime().toLocalDate() + " " + c.txnTime().toLocalTime());
        field(sb, "merchant", c.merchantId());
        field(sb, "terminal", c.terminalId());
        field(sb, "receipt", c.receiptNo());
        field(sb, "stan / rrn", (c.stan() == null ? "-" : c.stan()) + " / " + (c.rrn() == null ? "-" : c.rrn()));
        field(sb, "auth code", c.authCode());
        field(sb, "card", c.card());
        field(sb, "member", c.memberId());
        field(sb, "detail", c.detail());
        field(sb, "match rule", c.matchRule() + (c.ambiguous() ? " (ambiguous: tied candidates)" : ""));
        field(sb, "seen in runs", s.firstSeenRun() + " to " + s.lastSeenRun());
        sb.append("\nContact\n");
        if (c.contact().channels().isEmpty()) {
            sb.append("  none\n");
        } else {
            int i = 1;
            for (ContactOption o : c.contact().channels()) {
                sb.append("  ").append(i++).append(". ").append(o.route())
                        .append(o.address() == null ? "" : " " + o.address())
                        .append(o.reason() == null ? "" : ": " + o.reason()).append('\n');
            }
            indent(sb, "reason: ", c.contact().reason());
            indent(sb, "window: ", c.contact().window());
            indent(sb, "draft (" + c.contact().language() + "): ", c.contact().messageDraft());
        }
        sb.append("\nEvidence\n");
        for (Evidence e : c.evidence()) {
            sb.append("  ").append(e.role()).append(" - ").append(e.source()).append(' ').append(e.ref()).append('\n');
            for (Map.Entry<String, String> f : e.fields().entrySet()) {
                sb.append("      ").append(f.getKey()).append(": ").append(f.getValue()).append('\n');
            }
        }
        sb.append("\nHistory\n");
        for (CaseEvent e : events) {
            sb.append("  ").append(STAMP.format(e.at())).append("  ").append(e.actor()).append("  ")
                    .append(e.from() == null ? "" : e.from() + " -> ").append(e.to())
                    .append(e.note() == null || e.note().isEmpty() ? "" : ": " + e.note()).append('\n');
        }
        return sb.toString();
    }

    private static void field(StringBuilder sb, String name, Object value) {
        sb.append(String.format("  %-16s %s%n", name, value == null ? "-" : value));
    }

    private static void indent(StringBuilder sb, String label, String text) {
        if (text != null && !text.isEmpty()) {
            sb.append("  ").append(label).append(text.replace("\n", "\n    ")).append('\n');
        }
    }

    /** Writes a file atomically: a temporary file beside it, then a move. */
    public static void writeAtomically(Path out, String text) {
        try {
            Path dir = out.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, out.getFileName().toString(), ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new StoreException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }
}
