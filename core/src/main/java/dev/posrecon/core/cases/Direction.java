package dev.posrecon.core.cases;

/** Who owes whom the amount at stake. */
public enum Direction {
    CUSTOMER_OWES_MERCHANT, MERCHANT_OWES_CUSTOMER, ACQUIRER_OWES_MERCHANT, MERCHANT_OWES_ACQUIRER, NONE
}
