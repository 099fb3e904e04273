package dev.posrecon.core.store;

import dev.posrecon.core.cases.CaseType;
import dev.posrecon.core.cases.Direction;
import dev.posrecon.core.cases.Evidence;
import dev.posrecon.core.cases.ReconCase;
import dev.posrecon.core.cases.Severity;
import dev.posrecon.core.contact.ContactAdvice;
import dev.posrecon.core.contact.ContactOption;
import dev.posrecon.core.contact.ContactRoute;
import dev.posrecon.core.model.Money;
import dev.posrecon.core.model.Receipt;
import dev.posrecon.core.model.ReceiptKind;
import dev.posrecon.core.model.SettlementRecord;
import dev.posrecon.core.model.Source;
import dev.posrecon.core.model.SourceRef;
import dev.posrecon.core.model.Tender;
import dev.posrecon.core.model.TenderType;
import dev.posrecon.core.model.TerminalRecord;
import dev.posrecon.core.model.TxnKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Records and cases for ledger tests (public: the CLI tests seed ledgers with them too). */
public final class Fixtures {
    public static final Currency CNY = Currency.getInstance("CNY");
    public static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    private Fixtures() {
    }

    public static Money cny(long minor) {
        return Money.of(minor, CNY);
    }

    public static TerminalRecord sale(String file, long line, String terminal, String stan, String rrn, long minor,
                                      LocalDateTime time) {
        return new TerminalRecord(new SourceRef(file, line), new SourceRef(file, line + 20), "0200", TxnKind.SALE,
                "000000", terminal, "M100", stan, rrn, "A" + stan, "00", true, cny(minor), "622202******1234",
                time, null, null);
    }

    public static SettlementRecord settled(String file, long line, String terminal, String stan, String rrn,
                                           long minor, LocalDateTime time) {
        return new SettlementRecord(new SourceRef(file, line), "M100", terminal, time, time.toLocalDate().plusDays(1),
                TxnKind.SALE, cny(minor), cny(minor * 6 / 1000), cny(minor - minor * 6 / 1000), "622202******1234",
                "A" + stan, rrn, stan, "B1");
    }

    public static Receipt receipt(String file, long line, String no, long minor, LocalDateTime time, String terminal,
                                  String rrn) {
        Tender card = new Tender(new SourceRef(file, line), TenderType.CARD, cny(minor), terminal, null, rrn, null,
                "1234");
        return new Receipt(new SourceRef(file, line), no, "S1", "R2", "C7", time, ReceiptKind.SALE, cny(minor),
                List.of(card), null, "MB1", "13800001111", null);
    }

    public static ReconCase reconCase(String id, CaseType type, long minor, LocalDate day, String terminal) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("amount", Money.format(minor, CNY));
        fields.put("card", "622202******1234");
        Evidence ev = new Evidence(Source.TERMINAL, new SourceRef("term.xml", 12), "sale", fields);
        ContactAdvice advice = new ContactAdvice(List.of(new ContactOption(ContactRoute.PHONE, "138****1111",
                "member prefers phone")), "member's preferred channel", "2026-11-21 09:00-20:00", "en",
                "Dear customer, we charged you " + Money.format(minor, CNY) + " too much.");
        return new ReconCase(id, type, Severity.MEDIUM, Direction.MERCHANT_OWES_CUSTOMER, cny(minor), day, "M100",
                terminal, "R-1", "42", "000000000042", "A42", "622202******1234", "MB1", day.atTime(14, 3),
                "KEYED_HIGH", "Charged more than the receipt.", "TERMINAL_RRN", false, List.of(ev), advice);
    }

    /** A small file with the given content (its SHA-256 is what the ledger remembers). */
    public static Path file(Path dir, String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    public static String url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("ledger").toAbsolutePath();
    }
}
