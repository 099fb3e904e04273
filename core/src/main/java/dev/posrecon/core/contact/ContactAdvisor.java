package dev.posrecon.core.contact;

import dev.posrecon.core.cases.ReconCase;
import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.model.Customer;
import dev.posrecon.core.model.Receipt;

import java.util.ArrayList;
import java.util.List;

/**
 * Suggests how to reach the party a case concerns. Pure and deterministic: the same case, customer and receipt
 * give the same advice.
 */
public final class ContactAdvisor {
    private final ReconConfig config;

    public ContactAdvisor(ReconConfig config) {
        this.config = config;
    }

    /**
     * @param c        the case
     * @param customer the directory entry of the receipt's member, or null
     * @param receipt  the receipt behind the case, or null
     */
    public ContactAdvice advise(ReconCase c, Customer customer, Receipt receipt) {
        List<ContactOption> options = new ArrayList<>();
        if (!c.type().involvesCustomer()) {
            options.add(new ContactOption(ContactRoute.ACQUIRER_HELPDESK, null,
                    "no customer involved: ask the acquirer with terminal, RRN and date"));
            return new ContactAdvice(options, "acquirer case", "", config.contactLanguage(), "");
        }
        if (customer != null && customer.consent() && customer.phone() != null) {
            options.add(new ContactOption(ContactRoute.PHONE, customer.phone(), "member directory"));
        } else if (receipt != null && receipt.customerPhone() != null) {
            options.add(new ContactOption(ContactRoute.PHONE, receipt.customerPhone(), "phone printed on receipt"));
        } else if (c.card() != null) {
            options.add(new ContactOption(ContactRoute.ACQUIRER_RETRIEVAL, c.card(),
                    "no contact known: reach the cardholder through the issuer"));
        } else {
            options.add(new ContactOption(ContactRoute.IN_STORE_NOTICE, null, "no contact known"));
        }
        return new ContactAdvice(options, options.get(0).reason(), "", config.contactLanguage(), "");
    }
}
