package dev.posrecon.core.rules;

import dev.posrecon.core.cases.CaseType;

/** One case type's detection: a small, named, separately tested unit. */
public interface Rule {
    CaseType type();

    /** Adds this rule's cases to the context; may claim transactions so later rules leave them alone. */
    void apply(RuleContext ctx);
}
