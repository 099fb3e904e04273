package dev.posrecon.core.store;

import dev.posrecon.core.Fixtures;
import dev.posrecon.core.model.SourceRef;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Regression: the find table cut long receipt numbers to their common head, so a sale and its void looked alike. */
class ReceiptTableTest {

    @Test
    void longReceiptNumbersKeepTheTailThatTellsThemApartWithin80Columns() {
        var sale = new ReceiptMatch("S01-20261120-000242", Fixtures.at("14:59:22"), "SALE", Fixtures.cny("758.38"),
                "10000001", "7056", "579144", "632404401311", "000056", new SourceRef("j.csv", 250));
        var voided = new ReceiptMatch("STORE-0001-20261120-000243", Fixtures.at("14:59:45"), "VOID",
                Fixtures.cny("758.38"), "10000001", "7056", null, "632404401311", "000057", new SourceRef("j.csv", 251));
        String t = ReceiptMatch.table(List.of(sale, voided));
        assertThat(t).contains("S01-20261120-000242  SALE").contains("~001-20261120-000243 VOID")
                .contains("2 receipts");
        assertThat(t.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
    }
}
