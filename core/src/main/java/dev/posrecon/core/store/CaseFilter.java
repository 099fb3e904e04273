package dev.posrecon.core.store;

import dev.posrecon.core.cases.CaseType;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Which cases {@link Ledger#listCases} returns; every null field means "any".
 *
 * @param from      first business date, inclusive
 * @param to        last business date, inclusive
 * @param minAmount smallest amount at stake, in major units (compared exactly, currency by currency)
 */
public record CaseFilter(LocalDate from, LocalDate to, CaseType type, CaseStatus status, String terminalId,
                         BigDecimal minAmount) {

    public static CaseFilter all() {
        return new CaseFilter(null, null, null, null, null, null);
    }
}
