package dev.posrecon.core.cases;

/** The discrepancies the core finds (DESIGN.md, "Case types"). */
public enum CaseType {
    SHORT_CHARGE, OVER_CHARGE, MIS_REFUND, PHANTOM_VOID, DUPLICATE_CHARGE, UNSETTLED_SALE, UNKNOWN_SETTLEMENT,
    MISSING_RECEIPT, FEE_MISMATCH;

    /** True when the case is about a customer's money (the contact advisor reaches the customer). */
    public boolean involvesCustomer() {
        return switch (this) {
            case SHORT_CHARGE, OVER_CHARGE, MIS_REFUND, PHANTOM_VOID, DUPLICATE_CHARGE -> true;
            default -> false;
        };
    }
}
