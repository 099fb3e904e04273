package dev.posrecon.core.inspect;

import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.error.InputException;
import dev.posrecon.core.ingest.ReadResult;
import dev.posrecon.core.ingest.customers.CustomerReader;
import dev.posrecon.core.ingest.jpos.JposLogReader;
import dev.posrecon.core.ingest.journal.JournalReader;
import dev.posrecon.core.ingest.settlement.SettlementReaders;
import dev.posrecon.core.ingest.settlement.TerminalReaders;
import dev.posrecon.core.model.TerminalRecord;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells what a file is and what reading it would give: the reader that fits (by content, not by name), how many
 * records, what would be skipped and what rejected. Reads the file exactly as {@code reconcile} would.
 */
public final class Inspector {
    private Inspector() {
    }

    public static InspectReport inspect(Path file, String profile, Charset encoding, ReconConfig config) {
        String name = file.toString();
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new InputException(name, 0, null, Files.exists(file) ? "not a readable file" : "no such file");
        }
        String head = head(file);
        String firstLine = firstLine(head);
        List<String> notes = new ArrayList<>();
        if (profile == null && JposLogReader.sniff(file)) {
            ReadResult<TerminalRecord> r = new JposLogReader(config).read(file, name);
            long timeouts = r.records().stream().filter(TerminalRecord::timedOut).count();
            notes.add("transactions (request + response): " + r.records().size() + ", of which timed out: " + timeouts);
            range(r.records().stream().map(TerminalRecord::localTime).toList(), notes);
            return new InspectReport(name, "jpos-xml (terminal log)", r.records().size(), r.ignored(), r.rejects(), notes);
        }
        String header = firstLine.toLowerCase(Locale.ROOT);
        if (profile == null && (header.startsWith("{") || (header.contains("receipt_no") && header.contains("tender")))) {
            var r = new JournalReader(config).read(file, name);
            notes.add("receipts: " + r.records().size() + " (" + r.records().stream().mapToLong(x -> x.tenders().size()).sum()
                    + " tenders)");
            return new InspectReport(name, header.startsWith("{") ? "journal-jsonl (receipt journal)"
                    : "journal-csv (receipt journal)", r.records().size(), r.ignored(), r.rejects(), notes);
        }
        if (profile == null && header.contains("member_id") && header.contains("preferred_channel")) {
            var r = new CustomerReader().read(file, name);
            return new InspectReport(name, "customers (customer directory)", r.records().size(), r.ignored(),
                    r.rejects(), notes);
        }
        String chosen = profile;
        if (chosen == null) {
            Optional<String> d = SettlementReaders.detectAny(file, encoding);
            if (d.isEmpty()) {
                throw new InputException(name, 1, null, "not a format posrecon knows: not a jPOS log, receipt journal,"
                        + " customer directory, or settlement or terminal layout of a shipped profile (first line: '"
                        + abbreviate(firstLine) + "'); try --profile FILE with a profile of your own");
            }
            chosen = d.get();
            notes.add("profile detected from the file's header/record shape: " + chosen);
        } else {
            notes.add("profile given: " + chosen);
        }
        if (TerminalReaders.isTerminalProfile(chosen)) {
            ReadResult<TerminalRecord> r = TerminalReaders.open(chosen, encoding, config).read(file, name);
            long approved = r.records().stream().filter(TerminalRecord::approved).count();
            long timeouts = r.records().stream().filter(TerminalRecord::timedOut).count();
            notes.add("transactions: " + r.records().size() + ", approved: " + approved + ", timed out: " + timeouts);
            range(r.records().stream().map(TerminalRecord::localTime).toList(), notes);
            notes.add("reconcile it with: --terminal-log " + name + " --terminal-profile " + chosen);
            return new InspectReport(name, "terminal:" + chosen + " (terminal export)", r.records().size(),
                    r.ignored(), r.rejects(), notes);
        }
        var r = SettlementReaders.open(chosen, encoding, config).read(file, name);
        range(r.records().stream().map(s -> s.txnTime()).toList(), notes);
        return new InspectReport(name, "settlement:" + chosen, r.records().size(), r.ignored(), r.rejects(), notes);
    }

    private static void range(List<LocalDateTime> times, List<String> notes) {
        LocalDateTime min = null;
        LocalDateTime max = null;
        for (LocalDateTime t : times) {
            if (t == null) {
                continue;
            }
            min = min == null || t.isBefore(min) ? t : min;
            max = max == null || t.isAfter(max) ? t : max;
        }
        if (min != null) {
            notes.add("time range: " + min + " .. " + max);
        }
    }

    private static String head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(8192);
            return new String(b, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, null, "cannot read: " + e.getMessage());
        }
    }

    private static String firstLine(String head) {
        String h = head.startsWith("\u00ef\u00bb\u00bf") ? head.substring(3) : head;
        for (String l : h.split("\n")) {
            if (!l.isBlank()) {
                return l.strip();
            }
        }
        return "";
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
