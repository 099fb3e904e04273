package dev.posrecon.core.contact;

/** A way to reach the party a case concerns. */
public enum ContactRoute {
    /** call the customer. */
    PHONE,
    /** text message to the customer's phone. */
    SMS,
    /** e-mail to the customer. */
    EMAIL,
    /** push message through the merchant's app. */
    APP,
    /** the card issuer, through the acquirer's retrieval / chargeback route (card ending, auth code, RRN). */
    ACQUIRER_RETRIEVAL,
    /** the acquirer's help desk (cases with no customer). */
    ACQUIRER_HELPDESK,
    /** a notice at the till for the customer's next visit. */
    IN_STORE_NOTICE
}
