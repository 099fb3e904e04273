package dev.posrecon.core.gen;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@link DayGenerator#generate} wrote.
 *
 * @param transactions    terminal transactions (and acquirer-only lines of planted cases) generated
 * @param terminals       terminals used
 * @param receipts        receipts in the journal
 * @param settlementLines lines in the settlement file
 * @param cases           planted cases (rows of truth.csv)
 * @param casesByType     planted cases per type, in type order
 * @param files           the files written, in a fixed order, with their sizes in bytes
 */
public record GenerationResult(
        long transactions,
        int terminals,
        long receipts,
        long settlementLines,
        long cases,
        Map<String, Long> casesByType,
        Map<Path, Long> files) {

    public long totalBytes() {
        return files.values().stream().mapToLong(Long::longValue).sum();
    }

    public List<Path> paths() {
        return List.copyOf(files.keySet());
    }
}
