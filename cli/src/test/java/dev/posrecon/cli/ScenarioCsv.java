package dev.posrecon.cli;

import com.univocity.parsers.common.record.Record;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a case file as maps by column name. */
final class ScenarioCsv {
    private ScenarioCsv() {
    }

    static List<Map<String, String>> records(Path csv) {
        CsvParserSettings s = new CsvParserSettings();
        s.setHeaderExtractionEnabled(true);
        s.setNullValue("");
        s.setMaxCharsPerColumn(1 << 16);
        List<Map<String, String>> out = new ArrayList<>();
        String[] header = null;
        CsvParser p = new CsvParser(s);
        for (Record r : p.parseAllRecords(csv.toFile(), StandardCharsets.UTF_8)) {
            if (header == null) {
                header = p.getRecordMetadata().headers();
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (String h : header) {
                m.put(h, r.getString(h));
            }
            out.add(m);
        }
        return out;
    }
}
