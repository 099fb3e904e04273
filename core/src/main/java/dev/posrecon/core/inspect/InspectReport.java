package dev.posrecon.core.inspect;

import dev.posrecon.core.model.Reject;

import java.util.List;

/**
 * What {@code posrecon inspect} found in one file.
 *
 * @param format  what the file is: {@code jpos-xml}, {@code settlement:canonical}, {@code settlement:wechatpay-bill},
 *                {@code terminal:terminal-csv} (a terminal CSV export),
 *                {@code journal-csv}, {@code journal-jsonl}, {@code customers}...
 * @param records records it would read
 * @param ignored entries it would skip as not being records
 * @param rejects what it would reject, with reasons
 * @param notes   extra lines (profile chosen and why, encoding, date range...)
 */
public record InspectReport(String file, String format, long records, long ignored, List<Reject> rejects,
                            List<String> notes) {
}
