package dev.posrecon.core.gen;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A generated day read back with the simplest possible parsing, for the generator's tests. */
final class GeneratedDay {
    /** One ISO message of the log. */
    record Msg(String at, boolean outgoing, Map<String, String> f) {
        String mti() {
            return f.get("0");
        }

        String key() {
            return f.get("41") + "|" + f.get("11");
        }
    }

    private static final Pattern FIELD = Pattern.compile("<field id=\"(\\d+)\" value=\"([^\"]*)\"/>");
    private static final Pattern AT = Pattern.compile(" at=\"([^\"]+)\"");

    final List<Msg> log = new ArrayList<>();
    final List<Map<String, String>> settlement;
    final List<Map<String, String>> journal;
    final List<Map<String, String>> customers;
    final List<Map<String, String>> truth;
    int logEntries;

    GeneratedDay(Path dir) throws IOException {
        readLog(dir.resolve(DayGenerator.TERMINAL_LOG));
        settlement = csv(dir.resolve(DayGenerator.SETTLEMENT));
        journal = csv(dir.resolve(DayGenerator.JOURNAL));
        customers = csv(dir.resolve(DayGenerator.CUSTOMERS));
        truth = csv(dir.resolve(DayGenerator.TRUTH));
    }

    private void readLog(Path p) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            String line;
            String at = null;
            Boolean out = null;
            Map<String, String> fields = null;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("<log ")) {
                    logEntries++;
                    Matcher m = AT.matcher(line);
                    at = m.find() ? m.group(1) : null;
                } else if (line.contains("<isomsg direction=")) {
                    out = line.contains("outgoing");
                    fields = new LinkedHashMap<>();
                } else if (line.contains("</isomsg>")) {
                    log.add(new Msg(at, out, fields));
                    fields = null;
                } else if (fields != null) {
                    Matcher m = FIELD.matcher(line);
                    if (m.find()) {
                        fields.put(m.group(1), m.group(2));
                    }
                }
            }
        }
    }

    static List<Map<String, String>> csv(Path p) throws IOException {
        List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
        String[] header = lines.get(0).split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] v = l.split(",", -1);
            if (v.length != header.length) {
                throw new AssertionError(p + ": " + v.length + " columns, header has " + header.length + ": " + l);
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], v[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    static String key(Map<String, String> row) {
        return row.get("terminal_id") + "|" + row.get("stan");
    }

    /** Minor units of a 2-decimal amount. */
    static long minor(String decimal) {
        return new java.math.BigDecimal(decimal).movePointRight(2).longValueExact();
    }
}
