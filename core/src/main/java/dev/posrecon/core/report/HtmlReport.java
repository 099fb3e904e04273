package dev.posrecon.core.report;

import dev.posrecon.core.cases.Evidence;
import dev.posrecon.core.cases.ReconCase;
import dev.posrecon.core.contact.ContactOption;
import dev.posrecon.core.model.Currencies;
import dev.posrecon.core.model.Money;
import dev.posrecon.core.model.Reject;
import dev.posrecon.core.stats.DayRates;
import dev.posrecon.core.stats.ErrorRates;
import dev.posrecon.core.stats.Unit;
import dev.posrecon.core.store.AuditReport;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * report.html: the day at a glance for people, one self-contained file (inline CSS and SVG, a few lines of inline
 * script for the filters; nothing fetched), printable on A4. Every value from an input file goes through
 * {@link #esc}. Clean records are only counted; cases are listed, the {@value #DETAILS} largest with their evidence,
 * contact advice and drafts, the others as one line each, so a 1M-transaction day stays under 5 MB. Nothing depends on the clock.
 */
public final class HtmlReport {
    /** Cases whose evidence, contact advice and drafts the report expands (the largest amounts at stake first). */
    public static final int DETAILS = 300;
    /** Rejects listed with file:line: reason; the rest are counted. */
    public static final int REJECTS = 500;

    private final DayReport r;
    private final Properties labels;
    private final Writer w;

    private HtmlReport(DayReport r, Writer w) {
        this.r = r;
        this.w = w;
        this.labels = labels(r.language());
    }

    public static Path write(Path file, DayReport report) {
        return stage(file, report).commit();
    }

    /** The report written to its temporary name beside {@code file}, to be moved into place by the caller. */
    public static AtomicFiles.Staged stage(Path file, DayReport report) {
        return AtomicFiles.stage(file, w -> new HtmlReport(report, w).render());
    }

    static Properties labels(String lang) {
        String res = "/dev/posrecon/report/labels_" + ("zh".equals(lang) ? "zh" : "en") + ".properties";
        Properties p = new Properties();
        try (InputStream in = HtmlReport.class.getResourceAsStream(res)) {
            if (in == null) {
                throw new IllegalStateException("built-in labels missing: " + res);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** HTML-escapes text (element content and double-quoted attribute values alike); null prints nothing. */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (rep == null && c < ' ' && c != '\n' && c != '\t') {
                rep = "\uFFFD";
            }
            if (rep != null) {
                if (sb == null) {
                    sb = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                sb.append(rep);
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    private String l(String key) {
        return esc(labels.getProperty(key, key));
    }

    /** A label with {name} placeholders filled from already-escaped values. */
    private String l(String key, String... kv) {
        String t = l(key);
        for (int i = 0; i + 1 < kv.length; i += 2) {
            t = t.replace("{" + kv[i] + "}", kv[i + 1]);
        }
        return t;
    }

    private void out(String s) throws IOException {
        w.write(s);
    }

    // ------------------------------------------------------------------------------------------------ the page

    private void render() throws IOException {
        out("<!DOCTYPE html>\n<html lang=\"" + ("zh".equals(r.language()) ? "zh-CN" : "en") + "\">\n<head>\n"
                + "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + esc(r.merchant()) + " \u2014 " + l(r.fromLedger() ? "ledger.title" : "title") + " "
                + esc(r.period()) + "</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n");
        out("<header><h1>" + esc(r.merchant()) + "</h1><p class=\"sub\">" + l(r.fromLedger() ? "ledger.title" : "title")
                + " \u00b7 " + l("period") + " <b id=\"period\">" + esc(r.period()) + "</b> \u00b7 " + l("zone") + " "
                + esc(r.zone()) + "</p>\n");
        headline();
        out("</header>\n");
        aim();
        if (!r.sources().isEmpty()) {
            totals();
        }
        if (!r.terminals().isEmpty()) {
            terminalTotals();
        }
        byType();
        rates();
        caseList();
        rejects();
        out("<footer><p>" + l("footnote.flag") + "</p><p>" + l("footnote.money") + "</p></footer>\n");
        out("<script>\n" + SCRIPT + "</script>\n</body>\n</html>\n");
    }

    /** The figures a manager looks for first: cases and money at stake. */
    private void headline() throws IOException {
        Map<String, Long> stake = new TreeMap<>();
        for (DayReport.Row row : r.cases()) {
            stake.merge(cur(row.c()), row.c().amountAtStake().minor(), Long::sum);
        }
        out("<div class=\"kpis\"><div class=\"kpi\"><span class=\"n\" id=\"case-count\">" + r.cases().size()
                + "</span><span>" + l("cases") + "</span></div><div class=\"kpi\"><span class=\"n\" id=\"at-stake\">"
                + amounts(stake) + "</span><span>" + l("at_stake") + "</span></div>");
        if (!r.sources().isEmpty()) {
            boolean ok = r.sources().values().stream().allMatch(SourceCounts::balanced);
            out("<div class=\"kpi " + (ok ? "ok" : "bad") + "\"><span class=\"n\">" + (ok ? "\u2713" : "\u2717")
                    + "</span><span>" + l(ok ? "balanced" : "unbalanced") + "</span></div>");
        }
        out("</div>\n");
    }

    private void aim() throws IOException {
        List<ErrorRates.UnitRate> flagged = r.rates().flagged();
        out("<section class=\"aim\" id=\"aim\"><h2>" + l("aim") + "</h2>");
        if (flagged.isEmpty()) {
            out("<p>" + l("aim.none") + "</p>");
        } else {
            out("<ol>");
            for (ErrorRates.UnitRate u : flagged) {
                ErrorRates.Group g = r.rates().group(u.unit());
                out("<li class=\"flagged\" data-unit=\"" + u.unit().key() + "\" data-id=\"" + esc(u.id()) + "\">"
                        + l("aim.line", "unit", l("unit1." + u.unit().key()), "id", "<b>" + esc(u.id()) + "</b>",
                        "cases", Long.toString(u.cases()), "txns", Long.toString(u.transactions()), "rate",
                        u.rate(), "rest", ErrorRates.perMille(g.cases() - u.cases(),
                                g.transactions() - u.transactions()), "types", esc(u.types())) + "</li>");
            }
            out("</ol>");
        }
        out("</section>\n");
    }

    private static final String[] COUNTS = {"read", "carried", "matched", "in_cases", "open", "no_action",
        "other_day", "rejected", "ignored"};

    private void totals() throws IOException {
        out("<section><h2>" + l("totals") + "</h2><table class=\"num\"><thead><tr><th>" + l("source") + "</th>");
        for (String k : COUNTS) {
            out("<th>" + l(k) + "</th>");
        }
        out("</tr></thead><tbody>");
        for (Map.Entry<String, SourceCounts> e : r.sources().entrySet()) {
            SourceCounts c = e.getValue();
            long[] v = {c.read(), c.carried(), c.matched(), c.inCases(), c.open(), c.noAction(), c.otherDay(),
                c.rejected(), c.ignored()};
            out("<tr><th>" + esc(e.getKey()) + "</th>");
            for (long x : v) {
                out("<td>" + x + "</td>");
            }
            out("</tr>");
        }
        out("</tbody></table>");
        for (Map.Entry<String, SourceCounts> e : r.sources().entrySet()) {
            SourceCounts c = e.getValue();
            out("<p class=\"conservation " + (c.balanced() ? "ok" : "bad") + "\"><b>" + esc(e.getKey()) + "</b> "
                    + c.read() + " " + l("read") + (c.carried() > 0 ? " + " + c.carried() + " " + l("carried") : "")
                    + " = " + c.matched() + " " + l("matched") + " + " + c.inCases() + " " + l("in_cases") + " + "
                    + c.open() + " " + l("open") + " + " + c.noAction() + " " + l("no_action") + " + " + c.otherDay()
                    + " " + l("other_day") + " + " + c.rejected() + " " + l("rejected") + " \u2014 "
                    + l(c.balanced() ? "balanced" : "unbalanced") + "</p>");
        }
        out("</section>\n");
    }

    private void terminalTotals() throws IOException {
        out("<section><h2>" + l("terminal.totals") + "</h2><table class=\"num\"><thead><tr><th>" + l("terminal")
                + "</th><th>" + l("approved") + "</th><th>" + l("settled") + "</th><th>" + l("rung_up") + "</th><th>"
                + l("open_items") + "</th></tr></thead><tbody>");
        for (AuditReport.TerminalLine t : r.terminals()) {
            out("<tr><th>" + esc(t.terminalId()) + "</th><td>" + t.approvedCount() + " / "
                    + money(t.approvedMinor(), t.currency()) + "</td><td>" + t.settledCount() + " / "
                    + money(t.settledMinor(), t.currency()) + "</td><td>" + t.rungUpCount() + " / "
                    + money(t.rungUpMinor(), t.currency()) + "</td><td>" + t.openItems() + "</td></tr>");
        }
        out("</tbody></table></section>\n");
    }

    /** Cases by type: count per severity, money at stake, direction; a bar per type scaled by its count. */
    private void byType() throws IOException {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, Map<String, Long>> stake = new TreeMap<>();
        Map<String, TreeSet<String>> dirs = new TreeMap<>();
        for (DayReport.Row row : r.cases()) {
            ReconCase c = row.c();
            String t = c.type().name();
            long[] n = counts.computeIfAbsent(t, k -> new long[4]);
            n[0]++;
            n[1 + (c.severity() == null ? 0 : 2 - c.severity().ordinal())]++;
            stake.computeIfAbsent(t, k -> new TreeMap<>()).merge(cur(c), c.amountAtStake().minor(), Long::sum);
            dirs.computeIfAbsent(t, k -> new TreeSet<>()).add(c.direction() == null ? "NONE" : c.direction().name());
        }
        out("<section><h2>" + l("cases.by_type") + "</h2>");
        if (counts.isEmpty()) {
            out("<p>0 " + l("cases") + "</p></section>\n");
            return;
        }
        out("<div class=\"two\"><table class=\"num\" id=\"by-type\"><thead><tr><th>" + l("type") + "</th><th>"
                + l("count") + "</th><th>HIGH</th><th>MEDIUM</th><th>LOW</th><th>" + l("at_stake") + "</th><th>"
                + l("direction") + "</th></tr></thead><tbody>");
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            long[] n = e.getValue();
            StringBuilder d = new StringBuilder();
            for (String x : dirs.get(e.getKey())) {
                d.append(d.length() == 0 ? "" : "; ").append(l("dir." + x));
            }
            out("<tr><th>" + e.getKey() + "</th><td>" + n[0] + "</td><td>" + n[1] + "</td><td>" + n[2] + "</td><td>"
                    + n[3] + "</td><td>" + amounts(stake.get(e.getKey())) + "</td><td class=\"txt\">" + d + "</td></tr>");
        }
        out("</tbody></table>");
        bars(counts);
        out("</div></section>\n");
    }

    /** A horizontal bar chart in inline SVG: one bar per type, HIGH / MEDIUM / LOW stacked. */
    private void bars(Map<String, long[]> counts) throws IOException {
        long max = 1;
        for (long[] n : counts.values()) {
            max = Math.max(max, n[0]);
        }
        int rowH = 22;
        int labelW = 135;
        int barW = 140;
        int h = counts.size() * rowH + 8;
        out("<svg class=\"chart\" viewBox=\"0 0 " + (labelW + barW + 40) + " " + h + "\" width=\"" + (labelW + barW + 40)
                + "\" height=\"" + h + "\" role=\"img\" aria-label=\"" + l("cases.by_type") + "\">");
        int y = 4;
        String[] fill = {"#b3261e", "#e8a33d", "#8aa4c8"};
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            long[] n = e.getValue();
            out("<text x=\"" + (labelW - 6) + "\" y=\"" + (y + 15) + "\" text-anchor=\"end\">" + e.getKey() + "</text>");
            double x = labelW;
            for (int s = 0; s < 3; s++) {
                double wd = barW * (double) n[1 + s] / max;
                if (wd > 0) {
                    out("<rect x=\"" + fmt(x) + "\" y=\"" + (y + 3) + "\" width=\"" + fmt(wd) + "\" height=\""
                            + (rowH - 6) + "\" fill=\"" + fill[s] + "\"/>");
                }
                x += wd;
            }
            out("<text x=\"" + fmt(x + 4) + "\" y=\"" + (y + 15) + "\">" + n[0] + "</text>");
            y += rowH;
        }
        out("</svg>");
    }

    private static String fmt(double d) {
        return String.format(java.util.Locale.ROOT, "%.1f", d);
    }

    private void rates() throws IOException {
        out("<section id=\"rates\"><h2>" + l("rates") + "</h2><p class=\"note\">" + l("rates.intro") + "</p>"
                + "<div class=\"rates\">");
        for (ErrorRates.Group g : r.rates().groups()) {
            if (g.units().isEmpty()) {
                continue;
            }
            long maxTenths = 1;
            for (ErrorRates.UnitRate u : g.units()) {
                maxTenths = Math.max(maxTenths, tenths(u));
            }
            out("<table class=\"num rate\" id=\"rates-" + g.unit().key() + "\"><caption>" + l("unit." + g.unit().key())
                    + " \u00b7 " + l("all") + " " + g.rate() + " " + l("rate") + "</caption><thead><tr><th>" + l("id")
                    + "</th><th>" + l("txns") + "</th><th>" + l("count") + "</th><th>" + l("rate") + "</th><th>"
                    + l("at_stake") + "</th><th class=\"txt\">" + l("by_type") + "</th></tr></thead><tbody>");
            for (ErrorRates.UnitRate u : g.units()) {
                long pct = tenths(u) * 100 / maxTenths;
                out("<tr" + (u.flagged() ? " class=\"flagged\"" : "") + " data-id=\"" + esc(u.id()) + "\"><th>"
                        + esc(u.id()) + (u.flagged() ? " <span class=\"tag\">" + l("flagged") + "</span>" : "")
                        + "</th><td>" + u.transactions() + "</td><td>" + u.cases() + "</td><td class=\"bar\">"
                        + "<span class=\"b\"><i style=\"width:" + pct + "%\"></i></span> " + u.rate() + "</td><td>"
                        + amounts(u.atStakeMinor()) + "</td><td class=\"txt\">" + esc(u.types()) + "</td></tr>");
            }
            out("</tbody></table>");
            if (g.unattributed() > 0) {
                out("<p class=\"note\">" + l("unattributed", "n", Long.toString(g.unattributed()), "unit",
                        l("unit1." + g.unit().key())) + "</p>");
            }
        }
        out("</div></section>\n");
    }

    private static long tenths(ErrorRates.UnitRate u) {
        return u.transactions() <= 0 ? 0 : (u.cases() * 20_000L + u.transactions()) / (2 * u.transactions());
    }

    /** Largest first: severity, then amount at stake, then id. */
    private static final Comparator<DayReport.Row> ORDER = Comparator
            .comparing((DayReport.Row x) -> x.c().severity() == null ? -1 : -x.c().severity().ordinal())
            .thenComparing(x -> -x.c().amountAtStake().minor())
            .thenComparing(x -> x.c().caseId());

    private void caseList() throws IOException {
        List<DayReport.Row> rows = new ArrayList<>(r.cases());
        rows.sort(ORDER);
        TreeSet<String> types = new TreeSet<>();
        TreeSet<String> terminals = new TreeSet<>();
        TreeSet<String> cashiers = new TreeSet<>();
        TreeSet<String> statuses = new TreeSet<>();
        for (DayReport.Row row : rows) {
            String[] u = DayRates.units(row.c());
            types.add(row.c().type().name());
            add(terminals, u[Unit.TERMINAL.ordinal()]);
            add(cashiers, u[Unit.CASHIER.ordinal()]);
            add(statuses, row.status());
        }
        out("<section id=\"cases\"><h2>" + l("case.list") + "</h2>");
        out("<form class=\"filters\" id=\"filters\" hidden>");
        filter("type", "filter.type", types);
        filter("terminal", "filter.terminal", terminals);
        filter("cashier", "filter.cashier", cashiers);
        if (!statuses.isEmpty()) {
            filter("status", "filter.status", statuses);
        }
        out("<output id=\"shown\" data-label=\"" + l("filter.shown") + "\"></output></form>\n");
        out("<div class=\"cases\"><div class=\"head\"><span>id</span><span>" + l("type") + "</span><span>"
                + l("severity") + "</span><span class=\"r\">" + l("at_stake") + "</span><span>" + l("terminal")
                + "</span><span>" + l("cashier") + "</span><span>" + l("receipt") + "</span><span>" + l("time")
                + "</span>" + (statuses.isEmpty() ? "<span></span>" : "<span>" + l("status") + "</span>") + "</div>\n");
        int i = 0;
        for (DayReport.Row row : rows) {
            caseRow(row, i++ < DETAILS);
        }
        out("</div>");
        if (rows.size() > DETAILS) {
            out("<p class=\"note\">" + l("no_details", "n", Integer.toString(DETAILS)) + "</p>");
        }
        out("</section>\n");
    }

    private static void add(TreeSet<String> set, String v) {
        if (v != null && !v.isBlank()) {
            set.add(v);
        }
    }

    private void filter(String name, String label, TreeSet<String> values) throws IOException {
        out("<label>" + l(label) + " <select name=\"" + name + "\"><option value=\"\">" + l("all") + "</option>");
        for (String v : values) {
            out("<option>" + esc(v) + "</option>");
        }
        out("</select></label> ");
    }

    /** A case: expandable with its evidence, contact advice and drafts, or (beyond {@link #DETAILS}) one line. */
    private void caseRow(DayReport.Row row, boolean details) throws IOException {
        ReconCase c = row.c();
        String[] u = DayRates.units(c);
        String sev = c.severity() == null ? "" : c.severity().name();
        String data = "data-type=\"" + c.type().name() + "\" data-terminal=\"" + esc(u[Unit.TERMINAL.ordinal()])
                + "\" data-cashier=\"" + esc(u[Unit.CASHIER.ordinal()]) + "\""
                + (row.status() == null ? "" : " data-status=\"" + esc(row.status()) + "\"");
        String cells = "<span class=\"id\">" + esc(c.caseId())
                + "</span><span>" + c.type().name() + "</span><span class=\"sev " + sev + "\">" + sev
                + "</span><span class=\"r\">" + esc(c.amountAtStake().toDecimalString()) + " " + cur(c)
                + "</span><span>" + esc(u[Unit.TERMINAL.ordinal()]) + "</span><span>"
                + esc(u[Unit.CASHIER.ordinal()]) + "</span><span>" + esc(c.receiptNo()) + "</span><span>"
                + (c.txnTime() == null ? "" : MINUTES.format(c.txnTime())) + "</span><span>"
                + esc(row.status()) + "</span>";
        if (!details) {
            out("<div class=\"case row\" " + data + " title=\"" + esc(c.detail()) + "\">" + cells + "</div>\n");
            return;
        }
        out("<details class=\"case\" " + data + "><summary>" + cells + "</summary>");
        out("<div class=\"body\"><p>" + esc(c.detail()) + "</p><p class=\"meta\">" + l("reason") + ": "
                + esc(c.reason()) + " \u00b7 " + l("match_rule") + ": " + esc(c.matchRule()) + " \u00b7 "
                + l("direction") + ": " + l("dir." + (c.direction() == null ? "NONE" : c.direction().name()))
                + (c.card() == null ? "" : " \u00b7 " + esc(c.card())) + (c.rrn() == null ? "" : " \u00b7 RRN "
                + esc(c.rrn())) + "</p>");
        out("<h4>" + l("evidence") + "</h4><table class=\"ev\">");
        for (Evidence e : c.evidence()) {
            StringBuilder f = new StringBuilder();
            for (Map.Entry<String, String> x : e.fields().entrySet()) {
                if (x.getValue() != null && !x.getValue().isEmpty()) {
                    f.append("<span><i>").append(esc(x.getKey())).append("</i> ").append(esc(x.getValue()))
                            .append("</span> ");
                }
            }
            out("<tr><th>" + esc(e.source().name().toLowerCase(java.util.Locale.ROOT)) + "</th><td class=\"loc\">"
                    + esc(e.ref().file()) + ":" + e.ref().line() + "<br>" + esc(e.role()) + "</td><td>" + f
                    + "</td></tr>");
        }
        out("</table>");
        List<ContactOption> ch = c.contact().channels();
        if (!ch.isEmpty()) {
            out("<h4>" + l("contact") + "</h4><ol class=\"contact\">");
            for (ContactOption o : ch) {
                out("<li><b>" + esc(o.route().name()) + "</b>" + (o.address() == null ? "" : " " + esc(o.address()))
                        + " \u2014 " + esc(o.reason()) + "</li>");
            }
            out("</ol>");
            if (c.contact().window() != null && !c.contact().window().isEmpty()) {
                out("<p class=\"meta\">" + l("window") + ": " + esc(c.contact().window()) + "</p>");
            }
        }
        draft("draft", c.contact().messageDraft());
        draft("follow_up", c.contact().followUpDraft());
        out("</div></details>\n");
    }

    private void draft(String label, String text) throws IOException {
        if (text != null && !text.isBlank()) {
            out("<h4>" + l(label) + "</h4><blockquote>" + esc(text) + "</blockquote>");
        }
    }

    private void rejects() throws IOException {
        out("<section id=\"rejects\"><h2>" + l("rejects") + "</h2>");
        if (r.rejects().isEmpty()) {
            out("<p>" + l("rejects.none") + "</p>");
        } else {
            out("<ul class=\"rejects\">");
            int n = 0;
            for (Reject x : r.rejects()) {
                if (n++ == REJECTS) {
                    break;
                }
                String raw = x.raw() == null ? "" : x.raw().length() <= 120 ? x.raw() : x.raw().substring(0, 119) + "\u2026";
                out("<li><code>" + esc(x.file()) + ":" + x.line() + "</code>: " + esc(x.reason())
                        + (raw.isEmpty() ? "" : " <code class=\"raw\">" + esc(raw) + "</code>") + "</li>");
            }
            out("</ul>");
            if (r.rejects().size() > REJECTS) {
                out("<p class=\"note\">" + l("rejects.more", "n", Integer.toString(r.rejects().size() - REJECTS))
                        + "</p>");
            }
        }
        if (!r.files().isEmpty()) {
            out("<h3>" + l("files") + "</h3><ul class=\"files\">");
            for (String f : r.files()) {
                out("<li>" + esc(f) + "</li>");
            }
            out("</ul>");
        }
        out("</section>\n");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static final java.time.format.DateTimeFormatter MINUTES =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private static String cur(ReconCase c) {
        return c.amountAtStake().currency().getCurrencyCode();
    }

    private static String money(long minor, String currency) {
        return esc(Money.format(minor, Currencies.resolve(currency)));
    }

    private static String amounts(Map<String, Long> byCurrency) {
        if (byCurrency == null || byCurrency.isEmpty()) {
            return "0";
        }
        StringBuilder sb = new StringBuilder();
        byCurrency.forEach((cur, v) -> sb.append(sb.length() == 0 ? "" : "<br>").append(money(v, cur)).append(' ')
                .append(esc(cur)));
        return sb.toString();
    }

    private static final String CSS = """
            @page { size: A4; margin: 12mm; }
            * { box-sizing: border-box; }
            body { font: 13px/1.4 system-ui, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "PingFang SC", sans-serif;
              color: #1d1d1f; margin: 0 auto; max-width: 1100px; padding: 16px 20px; }
            h1 { font-size: 22px; margin: 0; } h2 { font-size: 16px; margin: 18px 0 6px; border-bottom: 2px solid #2c4a74;
              color: #2c4a74; padding-bottom: 2px; } h3 { font-size: 14px; } h4 { font-size: 12px; margin: 8px 0 2px; }
            .sub { margin: 2px 0 8px; color: #555; }
            .kpis { display: flex; gap: 12px; } .kpi { border: 1px solid #ccd; border-radius: 6px; padding: 6px 14px;
              min-width: 130px; } .kpi .n { display: block; font-size: 22px; font-weight: 700; }
            .kpi.ok .n, .conservation.ok { color: #1b6e3a; } .kpi.bad, .conservation.bad { color: #b3261e; font-weight: 700; }
            .kpi.bad { border-color: #b3261e; background: #fdecea; }
            .aim { border: 2px solid #b3261e; background: #fff6f5; border-radius: 6px; padding: 2px 14px; margin-top: 12px; }
            .aim h2 { border: 0; color: #b3261e; margin-top: 8px; } .aim ol { margin: 4px 0 10px; }
            table { border-collapse: collapse; margin: 4px 0; } th, td { padding: 2px 8px; border-bottom: 1px solid #e2e4ea;
              vertical-align: top; } thead th { background: #eef1f6; font-weight: 600; text-align: left; }
            table.num td { text-align: right; white-space: nowrap; } table.num td.txt { text-align: left; white-space: normal; }
            tbody th { text-align: left; font-weight: 600; white-space: nowrap; }
            .conservation { margin: 2px 0; } .note { color: #555; font-size: 12px; }
            .two { display: flex; gap: 24px; align-items: flex-start; flex-wrap: wrap; }
            .chart text { font-size: 10px; fill: #333; } #by-type { font-size: 12px; }
            .rates table { width: 100%; margin-bottom: 8px; } .rates td.txt { font-size: 12px; } caption { text-align: left; font-weight: 700; padding: 4px 0; }
            tr.flagged { background: #fdecea; } .tag { background: #b3261e; color: #fff; border-radius: 3px;
              padding: 0 4px; font-size: 10px; font-weight: 600; }
            td.bar .b { display: inline-block; width: 80px; height: 9px; background: #eef1f6; vertical-align: middle; }
            td.bar i { display: block; height: 9px; background: #7f9cc6; } tr.flagged td.bar i { background: #b3261e; }
            .cases .head, .case summary, .case.row { display: grid; grid-template-columns: 9em 10.5em 4.5em 8em 6em 4em 12em 9.5em 1fr;
              gap: 0 6px; padding: 2px 4px; } .cases .head { background: #eef1f6; font-weight: 600; }
            .case { border-bottom: 1px solid #e2e4ea; break-inside: avoid; } .case summary { cursor: pointer; list-style: none; }
            .case summary::-webkit-details-marker { display: none; } .case[open] summary { background: #f4f6fa; }
            .case summary span, .case.row span { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; } .r { text-align: right; }
            .id { font-family: ui-monospace, monospace; font-size: 12px; } .sev.HIGH { color: #b3261e; font-weight: 700; }
            .sev.MEDIUM { color: #9a5b00; } .body { padding: 4px 12px 8px 24px; } .meta { color: #555; margin: 2px 0; }
            table.ev { font-size: 11px; } table.ev th { text-align: left; } table.ev td span { white-space: nowrap; }
            table.ev i { color: #666; font-style: normal; } .loc { font-family: ui-monospace, monospace; white-space: nowrap; }
            blockquote { margin: 2px 0 6px; padding: 4px 10px; border-left: 3px solid #2c4a74; background: #f4f6fa; }
            .filters { margin: 4px 0 8px; } .filters label { margin-right: 10px; }
            .rejects code { font-size: 12px; } .rejects .raw { color: #666; } footer { margin-top: 20px; color: #555; font-size: 11px;
              border-top: 1px solid #ccd; }
            @media print { body { max-width: none; padding: 0; font-size: 10.5px; } .filters { display: none; }
              h2 { break-after: avoid; } .aim, table, .kpis { break-inside: avoid; }
              .cases .head, .case summary, .case.row { grid-template-columns: 9em 10.5em 4.5em 8em 6em 4em 12em 9.5em 1fr; } }
            """;

    /** The filters: shown only when script runs (without it every case is listed). */
    private static final String SCRIPT = """
            (function () {
              var form = document.getElementById('filters');
              if (!form) { return; }
              form.hidden = false;
              var rows = document.querySelectorAll('.case');
              var shown = document.getElementById('shown');
              function apply() {
                var want = {};
                form.querySelectorAll('select').forEach(function (s) { want[s.name] = s.value; });
                var n = 0;
                rows.forEach(function (d) {
                  var ok = Object.keys(want).every(function (k) { return !want[k] || d.dataset[k] === want[k]; });
                  d.hidden = !ok;
                  if (ok) { n++; }
                });
                shown.textContent = shown.dataset.label.replace('{n}', n);
              }
              form.addEventListener('change', apply);
              apply();
            })();
            """;
}
