package dev.posrecon.core.rules;

import dev.posrecon.core.Fixtures;
import dev.posrecon.core.cases.CaseType;
import dev.posrecon.core.cases.ReconCase;
import dev.posrecon.core.match.Matcher;
import dev.posrecon.core.model.Receipt;
import dev.posrecon.core.model.SettlementRecord;
import dev.posrecon.core.model.TerminalRecord;

import java.util.List;

/** Runs the matcher and every rule over a small day, as the reconciler does. */
final class RuleTestSupport {
    private RuleTestSupport() {
    }

    static List<ReconCase> run(List<TerminalRecord> t, List<SettlementRecord> s, List<Receipt> r) {
        var m = new Matcher(Fixtures.CONFIG).match(t, s, r);
        return Rules.finish(Rules.run(m, Fixtures.CONFIG, d -> true).cases());
    }

    static List<ReconCase> of(List<ReconCase> cases, CaseType type) {
        return cases.stream().filter(c -> c.type() == type).toList();
    }
}
