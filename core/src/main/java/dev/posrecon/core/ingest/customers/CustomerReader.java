package dev.posrecon.core.ingest.customers;

import dev.posrecon.core.error.InputException;
import dev.posrecon.core.ingest.CsvRows;
import dev.posrecon.core.ingest.ReadResult;
import dev.posrecon.core.ingest.RecordReader;
import dev.posrecon.core.ingest.Values;
import dev.posrecon.core.ingest.Values.BadValue;
import dev.posrecon.core.model.Cards;
import dev.posrecon.core.model.ContactChannel;
import dev.posrecon.core.model.Customer;
import dev.posrecon.core.model.CustomerDirectory;
import dev.posrecon.core.model.Reject;
import dev.posrecon.core.model.SourceRef;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the customer directory CSV: {@code member_id, name, phone, email, preferred_channel, birth_year, consent,
 * quiet_hours, language}. Only {@code member_id} is required. A later row repeating a member id is rejected.
 */
public final class CustomerReader implements RecordReader<Customer> {

    @Override
    public ReadResult<Customer> read(Path file, String displayName) {
        CustomerDirectory.Builder out = new CustomerDirectory.Builder();
        List<Reject> rejects = new ArrayList<>();
        // a directory repeats a handful of quiet-hour ranges: each parsed once (a bad one throws, and is not kept)
        Map<String, LocalTime[]> quietHours = new HashMap<>();
        try (CsvRows rows = new CsvRows(file, displayName, null, List.of("member_id"), "customer directory")) {
            int cId = rows.column("member_id");
            int cName = rows.column("name");
            int cPhone = rows.column("phone");
            int cEmail = rows.column("email");
            int cPref = rows.column("preferred_channel");
            int cBirth = rows.column("birth_year");
            int cConsent = rows.column("consent");
            int cQuiet = rows.column("quiet_hours");
            int cLang = rows.column("language");
            if (cName < 0 && cPhone < 0 && cEmail < 0 && cPref < 0) {
                // a member id and no way to reach anyone: another file in the directory's place (a journal has a
                // member_id column too)
                throw new InputException(displayName, 1, null, "none of the columns name, phone, email, "
                        + "preferred_channel: the header does not look like a customer directory; header has: "
                        + rows.headerText());
            }
            CsvRows.Row row;
            // the first line of each member id whose row was rejected: a rejected row holds its id as a kept one
            // does, so a later row of that id is a second listing (rejected rows are few: a map is enough)
            Map<String, Long> rejectedIds = new HashMap<>();
            while ((row = rows.next()) != null) {
                String claiming = null;
                try {
                    String id = Values.required("member_id", CsvRows.get(row, cId));
                    long first = out.lineOf(id);
                    if (first == 0) {
                        first = rejectedIds.getOrDefault(id, 0L);
                    }
                    if (first != 0) {
                        throw new BadValue("member_id", "'" + id + "' already listed at line " + first);
                    }
                    claiming = id;
                    String pref = CsvRows.get(row, cPref);
                    ContactChannel channel = pref == null ? ContactChannel.NONE
                            : Values.enumValue("preferred_channel", pref, ContactChannel.class);
                    Integer birth = null;
                    String b = CsvRows.get(row, cBirth);
                    if (b != null) {
                        try {
                            birth = Integer.parseInt(b);
                        } catch (NumberFormatException e) {
                            throw new BadValue("birth_year", "not a year: '" + b + "'");
                        }
                        if (birth < 1880 || birth > 2100) {
                            throw new BadValue("birth_year", "not a plausible year: '" + b + "'");
                        }
                    }
                    String consent = CsvRows.get(row, cConsent);
                    boolean ok;
                    if (consent == null) {
                        ok = false;
                    } else {
                        String c = consent.toUpperCase(Locale.ROOT);
                        if (!c.equals("Y") && !c.equals("N")) {
                            throw new BadValue("consent", "expected Y or N, found '" + consent + "'");
                        }
                        ok = c.equals("Y");
                    }
                    String q = CsvRows.get(row, cQuiet);
                    LocalTime[] quiet = q == null ? NO_QUIET_HOURS : quietHours.get(q);
                    if (quiet == null) {
                        quiet = quiet(q);
                        if (quietHours.size() < 10_000) {
                            quietHours.put(q, quiet);
                        }
                    }
                    out.add(displayName, SourceRef.intLine(new SourceRef(displayName, row.line())), id,
                            CsvRows.get(row, cName), CsvRows.get(row, cPhone), CsvRows.get(row, cEmail), channel,
                            birth, ok, quiet[0], quiet[1], CsvRows.get(row, cLang));
                } catch (BadValue e) {
                    if (claiming != null) {
                        rejectedIds.putIfAbsent(claiming, row.line());
                    }
                    rejects.add(new Reject(displayName, row.line(), e.reason(), Cards.maskInText(row.raw())));
                }
            }
        }
        return new ReadResult<>(out.build(), rejects, 0, "members");
    }

    private static final LocalTime[] NO_QUIET_HOURS = new LocalTime[2];

    private static LocalTime[] quiet(String v) {
        String[] p = v.split("-");
        try {
            if (p.length != 2) {
                throw new DateTimeParseException("", v, 0);
            }
            return new LocalTime[] {LocalTime.parse(p[0].strip()), LocalTime.parse(p[1].strip())};
        } catch (DateTimeParseException e) {
            throw new BadValue("quiet_hours", "expected HH:MM-HH:MM like 21:00-09:00, found '" + v + "'");
        }
    }
}
