package dev.posrecon.core.model;

public enum TenderType {
    CARD, CASH, QR, OTHER;

    /**
     * Paid through the terminal and settled by the acquirer, so reconciled: CARD, and QR (wallet payments such as
     * WeChat Pay or Alipay run through the same terminal and settlement file). Cash and OTHER are not.
     */
    public boolean reconciled() {
        return this == CARD || this == QR;
    }
}
