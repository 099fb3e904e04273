package dev.posrecon.core.contact;

import dev.posrecon.core.cases.CaseType;
import dev.posrecon.core.cases.Direction;
import dev.posrecon.core.cases.ReconCase;
import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.model.Cards;
import dev.posrecon.core.model.ContactChannel;
import dev.posrecon.core.model.Customer;
import dev.posrecon.core.model.Money;
import dev.posrecon.core.model.Receipt;
import dev.posrecon.core.model.Tender;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Suggests how to reach the party a case concerns, in order, with a reason for each channel, a contact window and a
 * message draft. Pure and deterministic: the same case, customer and receipt give the same advice (no clock: the
 * window is for the day after the case's business day, in the configured zone).
 * <p>
 * Ranking for a case about a customer's money:
 * <ol>
 * <li>direct channels, from the member directory (member id on the receipt), else the phone / e-mail printed on
 *     the receipt; none at all when the member said no to service contact (consent N). The member's preferred
 *     channel comes first (it is what they asked for); otherwise a call comes first when the amount is large
 *     ({@code contact.large.amount}), when the merchant owes the customer, or when the customer is at least
 *     {@code contact.senior.age}, with SMS or e-mail carrying the written details; small amounts get a written
 *     channel first. No call is suggested when the quiet hours cover the whole daytime;</li>
 * <li>the card issuer through the acquirer's retrieval / chargeback route (card ending, auth code, RRN, date,
 *     amount: no personal data), when the card ending is known;</li>
 * <li>a notice at the till for the customer's next visit.</li>
 * </ol>
 * Cases with no customer go to the acquirer's help desk with the references it asks for.
 * <p>
 * Drafts are in the addressee's language: the customer's (directory {@code language}, else {@code contact.language})
 * for calls and written messages; {@code contact.language} for the acquirer and for till notices.
 * <p>
 * One advisor serves one thread (it remembers the free stretches of each quiet-hours range it has seen).
 */
public final class ContactAdvisor {
    private final ReconConfig config;
    private final boolean redact;
    private final MessageTemplates templates;
    /** The daytime's free stretches by quiet hours: a day's cases share a few distinct ranges (minute arrays). */
    private final Map<List<LocalTime>, List<ContactWindow.Span>> freeByQuiet = new HashMap<>();

    public ContactAdvisor(ReconConfig config) {
        this(config, false);
    }

    /**
     * @param redactContacts mask every contact detail, the suggested channel's too, and leave names out of drafts
     */
    public ContactAdvisor(ReconConfig config, boolean redactContacts) {
        this.config = config;
        this.redact = redactContacts;
        this.templates = MessageTemplates.load(config.contactTemplates());
    }

    /**
     * @param c        the case
     * @param customer the directory entry of the receipt's member, or null
     * @param receipt  the receipt behind the case, or null
     */
    public ContactAdvice advise(ReconCase c, Customer customer, Receipt receipt) {
        return c.type().involvesCustomer() ? forCustomer(c, customer, receipt) : forAcquirer(c, receipt);
    }

    // ---- cases with no customer -------------------------------------------------------------------------------

    private ContactAdvice forAcquirer(ReconCase c, Receipt receipt) {
        String lang = MessageTemplates.language(config.contactLanguage());
        Map<String, String> v = values(c, receipt, null, lang);
        ContactOption helpdesk = new ContactOption(ContactRoute.ACQUIRER_HELPDESK, helpdeskReferences(c, v),
                helpdeskReason(c.type()));
        String window = window(c, List.of(), null, null);
        String reason = "no customer involved: the acquirer's help desk, with the references it asks for "
                + "(merchant ID, terminal, date, amount, RRN, STAN, auth code)";
        return new ContactAdvice(List.of(helpdesk), reason, window, lang, draft(c, "helpdesk", lang, v), "");
    }

    private static String helpdeskReason(CaseType type) {
        return switch (type) {
            case UNSETTLED_SALE -> "approved on the terminal, never settled: ask the acquirer to settle it or say why";
            case UNKNOWN_SETTLEMENT -> "settled with no terminal record: ask the acquirer to trace it";
            case FEE_MISMATCH -> "fee differs from the rate schedule: ask for the fee breakdown and the difference";
            case MISSING_RECEIPT -> "approved and settled with no receipt: ask the acquirer for the transaction record";
            default -> "ask the acquirer's help desk";
        };
    }

    private static String helpdeskReferences(ReconCase c, Map<String, String> v) {
        List<String> parts = new ArrayList<>();
        parts.add("merchant ID " + dash(c.merchantId()));
        parts.add("terminal " + dash(c.terminalId()));
        parts.add(when(v));
        parts.add(v.get("amount") + " " + v.get("currency"));
        add(parts, "RRN ", c.rrn());
        add(parts, "STAN ", c.stan());
        add(parts, "auth code ", c.authCode());
        add(parts, "card ending ", v.get("card"));
        return String.join(", ", parts);
    }

    // ---- cases about a customer's money -----------------------------------------------------------------------

    private ContactAdvice forCustomer(ReconCase c, Customer customer, Receipt receipt) {
        List<String> why = new ArrayList<>();
        String customerLang = MessageTemplates.language(customer != null && customer.language() != null
                ? customer.language() : config.contactLanguage());
        String staffLang = MessageTemplates.language(config.contactLanguage());
        Money amount = c.amountAtStake();
        String amountText = amount.toDecimalString() + " " + amount.currency().getCurrencyCode();
        boolean owed = c.direction() == Direction.MERCHANT_OWES_CUSTOMER;
        boolean large = amount.minor() >= config.contactLargeAmountMinor();
        String urgency = owed ? "the merchant owes the customer " + amountText
                : large ? "large amount " + amountText + " (>= "
                + Money.format(config.contactLargeAmountMinor(), amount.currency()) + ")" : null;
        LocalDate caseDate = caseDate(c);
        Integer age = customer != null && customer.birthYear() != null && caseDate != null
                ? caseDate.getYear() - customer.birthYear() : null;
        boolean senior = age != null && age >= config.contactSeniorAge();
        var quietFrom = customer == null ? null : customer.quietFrom();
        var quietTo = customer == null ? null : customer.quietTo();
        List<ContactWindow.Span> free = free(quietFrom, quietTo);

        List<ContactOption> options = new ArrayList<>();
        if (customer != null && !customer.consent()) {
            why.add("member " + customer.memberId() + " declined service contact (consent N): no direct contact");
        } else {
            direct(c, customer, receipt, urgency, senior, age, free, quietFrom, quietTo, options, why);
        }
        boolean anyDirect = !options.isEmpty();
        Map<String, String> v = values(c, receipt, customer, customerLang);
        String card = v.get("card");
        if (card != null) {
            options.add(new ContactOption(ContactRoute.ACQUIRER_RETRIEVAL, retrievalReferences(c, v), anyDirect
                    ? "if the customer cannot be reached: the card issuer via the acquirer's retrieval route"
                    : "no direct contact: the card issuer via the acquirer's retrieval / chargeback route, which "
                    + "needs no personal data (card ending, auth code, RRN, date, amount)"));
        }
        options.add(new ContactOption(ContactRoute.IN_STORE_NOTICE, c.receiptNo() == null ? null
                : "receipt " + c.receiptNo(), "a notice at the till for the customer's next visit"
                + (anyDirect || card != null ? "" : " (no contact details and no card ending)")));
        if (!anyDirect) {
            if (customer == null) {
                why.add(c.memberId() == null ? "no member on the receipt and no phone or e-mail printed on it"
                        : "member " + c.memberId() + " not in the directory; no phone or e-mail on the receipt");
            }
            why.add(card != null ? "the issuer via the acquirer, then an in-store notice" : "an in-store notice");
        }

        ContactOption first = options.get(0);
        String kind = kind(first.route());
        String lang = kind.equals("call") || kind.equals("written") ? customerLang : staffLang;
        Map<String, String> values = lang.equals(customerLang) ? v : values(c, receipt, customer, lang);
        String message = draft(c, kind, lang, values);
        String followUp = "";
        if (first.route() == ContactRoute.PHONE
                && options.stream().anyMatch(o -> kind(o.route()).equals("written"))) {
            followUp = draft(c, "written", lang, values);
        }
        String window = anyDirect ? window(c, free, quietFrom, quietTo) : window(c, List.of(), null, null);
        return new ContactAdvice(mask(options), String.join("; ", why), window, lang, message, followUp);
    }

    /** Adds the customer's direct channels to {@code out}, ranked, and says why in {@code why}. */
    private void direct(ReconCase c, Customer customer, Receipt receipt, String urgency, boolean senior, Integer age,
                        List<ContactWindow.Span> free, LocalTime quietFrom, LocalTime quietTo,
                        List<ContactOption> out, List<String> why) {
        String phone = null;
        String phoneFrom = null;
        String email = null;
        String emailFrom = null;
        if (customer != null) {
            phone = blankToNull(customer.phone());
            phoneFrom = "directory";
            email = blankToNull(customer.email());
            emailFrom = "directory";
        }
        if (phone == null && receipt != null && blankToNull(receipt.customerPhone()) != null) {
            phone = receipt.customerPhone().strip();
            phoneFrom = "receipt";
        }
        if (email == null && receipt != null && blankToNull(receipt.customerEmail()) != null) {
            email = receipt.customerEmail().strip();
            emailFrom = "receipt";
        }
        boolean app = customer != null && customer.preferredChannel() == ContactChannel.APP;
        ContactRoute preferred = customer == null ? null : switch (customer.preferredChannel() == null
                ? ContactChannel.NONE : customer.preferredChannel()) {
            case PHONE -> ContactRoute.PHONE;
            case SMS -> ContactRoute.SMS;
            case EMAIL -> ContactRoute.EMAIL;
            case APP -> ContactRoute.APP;
            case NONE -> null;
        };
        boolean callFirst = urgency != null || senior;
        List<ContactRoute> order = new ArrayList<>(callFirst
                ? List.of(ContactRoute.PHONE, ContactRoute.SMS, ContactRoute.EMAIL, ContactRoute.APP)
                : List.of(ContactRoute.SMS, ContactRoute.EMAIL, ContactRoute.APP, ContactRoute.PHONE));
        final String ph = phone;
        final String em = email;
        order.removeIf(r -> switch (r) {
            case PHONE, SMS -> ph == null;
            case EMAIL -> em == null;
            case APP -> !app;
            default -> true;
        });
        if (customer != null) {
            why.add("member " + customer.memberId() + " consents to service contact (Y)"
                    + (preferred == null ? ", no preferred channel" : ", prefers " + preferred));
        } else if (!order.isEmpty()) {
            why.add("no member record: contact printed on the receipt");
        }
        if (preferred != null) {
            if (order.remove(preferred)) {
                order.add(0, preferred);
            } else {
                why.add("no " + preferred + " address on file");
            }
        }
        if (order.isEmpty()) {
            return;
        }
        if (free.isEmpty() && order.remove(ContactRoute.PHONE)) {
            why.add("quiet hours " + span(quietFrom, quietTo) + " cover the daytime: no call, written only");
        } else if (order.contains(ContactRoute.PHONE)) {
            if (urgency != null) {
                why.add(urgency + ": call" + (order.get(0) == ContactRoute.PHONE ? " first" : " next")
                        + ", written details by " + firstWritten(order, "message"));
            }
            if (senior) {
                why.add("customer is " + age + ": phone before app or e-mail");
            }
        }
        if (urgency == null && !senior && order.get(0) != ContactRoute.PHONE) {
            why.add("small amount: a written message first");
        }
        if (quietFrom != null && quietTo != null && !free.isEmpty()) {
            why.add("window avoids quiet hours " + span(quietFrom, quietTo));
        }
        boolean callSeen = false;
        boolean writtenSeen = false;
        for (ContactRoute r : order) {
            StringBuilder reason = new StringBuilder();
            boolean isPhone = r == ContactRoute.PHONE || r == ContactRoute.SMS;
            String from = isPhone ? phoneFrom : r == ContactRoute.EMAIL ? emailFrom : "directory";
            reason.append(switch (r) {
                case PHONE -> "call";
                case SMS -> "text message";
                case EMAIL -> "e-mail";
                default -> "app message";
            }).append(from.equals("receipt") ? " to the contact printed on the receipt" : " (member directory)");
            if (r == preferred) {
                reason.append("; the member's preferred channel");
            }
            if (r == ContactRoute.PHONE) {
                if (urgency != null) {
                    reason.append("; ").append(urgency);
                }
                if (senior) {
                    reason.append("; customer is ").append(age).append(": phone suits better than app or e-mail");
                }
                reason.append("; only within ").append(spans(free));
                callSeen = true;
            } else if (callSeen && !writtenSeen) {
                reason.append("; carries the written details after the call");
            } else if (writtenSeen) {
                reason.append("; another written channel");
            } else if (urgency == null && !senior) {
                reason.append("; small amount: written first");
            }
            writtenSeen |= r != ContactRoute.PHONE;
            String address = switch (r) {
                case PHONE, SMS -> phone;
                case EMAIL -> email;
                default -> customer == null ? null : "member " + customer.memberId();
            };
            out.add(new ContactOption(r, address, reason.toString()));
        }
    }

    private static String firstWritten(List<ContactRoute> order, String fallback) {
        for (ContactRoute r : order) {
            if (r != ContactRoute.PHONE) {
                return r.name();
            }
        }
        return fallback;
    }

    /**
     * Masks every personal address except the first option's (the one suggested channel), or all of them when
     * redacting. References (card ending, RRN, receipt number) are not personal contact details and stay.
     */
    private List<ContactOption> mask(List<ContactOption> options) {
        List<ContactOption> out = new ArrayList<>(options.size());
        for (int i = 0; i < options.size(); i++) {
            ContactOption o = options.get(i);
            out.add(i == 0 && !redact ? o : ContactMasks.mask(o));
        }
        return out;
    }

    private static String kind(ContactRoute r) {
        return switch (r) {
            case PHONE -> "call";
            case SMS, EMAIL, APP -> "written";
            case ACQUIRER_RETRIEVAL -> "retrieval";
            case ACQUIRER_HELPDESK -> "helpdesk";
            case IN_STORE_NOTICE -> "notice";
        };
    }

    // ---- drafts -----------------------------------------------------------------------------------------------

    /** Renders the draft of one kind: TYPE.REASON.kind, else TYPE.kind, else the generic kind. */
    private String draft(ReconCase c, String kind, String lang, Map<String, String> v) {
        Map<String, String> values = new HashMap<>(v);
        values.put("summary", text(c, "summary", lang, values));
        values.put("next", text(c, "next", lang, values));
        return text(c, kind, lang, values);
    }

    private String text(ReconCase c, String kind, String lang, Map<String, String> values) {
        String type = c.type().name();
        List<String> keys = new ArrayList<>();
        if (c.reason() != null && !c.reason().isEmpty()) {
            keys.add(type + "." + c.reason() + "." + kind);
        }
        keys.add(type + "." + kind);
        keys.add(kind);
        String t = templates.find(lang, keys);
        return t == null ? "" : MessageTemplates.render(t, values);
    }

    private Map<String, String> values(ReconCase c, Receipt receipt, Customer customer, String lang) {
        Map<String, String> v = new HashMap<>();
        Money a = c.amountAtStake();
        v.put("amount", a.toDecimalString());
        v.put("currency", a.currency().getCurrencyCode());
        LocalDate date = c.txnTime() != null ? c.txnTime().toLocalDate() : c.businessDate();
        // drafts in Chinese carry Chinese dates (2026年11月20日 13:33); English drafts and the references given to
        // the acquirer keep ISO dates
        v.put("date", date == null ? null : "zh".equals(lang) ? chineseDate(date) : date.toString());
        v.put("iso_date", date == null ? null : date.toString());
        v.put("time", c.txnTime() == null ? null : ContactWindow.hhmm(c.txnTime().toLocalTime()));
        v.put("card", cardEnding(c, receipt));
        v.put("merchant", config.merchantName());
        v.put("merchant_id", c.merchantId());
        v.put("terminal", c.terminalId());
        v.put("receipt", c.receiptNo());
        v.put("rrn", c.rrn());
        v.put("stan", c.stan());
        v.put("auth", c.authCode());
        String name = customer == null || redact ? null : blankToNull(customer.name());
        v.put("name", name != null ? name : templates.find(lang, List.of("name.unknown")));
        return v;
    }

    private static String cardEnding(ReconCase c, Receipt receipt) {
        String last4 = Cards.last4(c.card());
        if (last4 == null && receipt != null) {
            for (Tender t : receipt.cardTenders()) {
                if (t.cardLast4() != null) {
                    return Cards.last4(t.cardLast4());
                }
            }
        }
        return last4;
    }

    private static String retrievalReferences(ReconCase c, Map<String, String> v) {
        List<String> parts = new ArrayList<>();
        parts.add("card ending " + v.get("card"));
        add(parts, "auth code ", c.authCode());
        add(parts, "RRN ", c.rrn());
        parts.add(when(v));
        parts.add(v.get("amount") + " " + v.get("currency"));
        return String.join(", ", parts);
    }

    // ---- timing -----------------------------------------------------------------------------------------------

    /** The business day of the case (else its transaction's date), or null. */
    private static LocalDate caseDate(ReconCase c) {
        return c.businessDate() != null ? c.businessDate() : c.txnTime() == null ? null : c.txnTime().toLocalDate();
    }

    /** The configured daytime outside these quiet hours (none when null), worked out once per distinct range. */
    private List<ContactWindow.Span> free(LocalTime quietFrom, LocalTime quietTo) {
        return freeByQuiet.computeIfAbsent(java.util.Arrays.asList(quietFrom, quietTo),
                k -> ContactWindow.free(config.daytimeFrom(), config.daytimeTo(), quietFrom, quietTo));
    }

    /** The window on the day after the case's day: {@code free}, or the plain daytime when {@code free} is empty
     *  and there are no quiet hours; empty when quiet hours cover the daytime. */
    private String window(ReconCase c, List<ContactWindow.Span> free, LocalTime quietFrom,
                          LocalTime quietTo) {
        List<ContactWindow.Span> spans = free;
        if (spans.isEmpty()) {
            if (quietFrom != null && quietTo != null) {
                return "";
            }
            spans = free(null, null);
        }
        LocalDate d = caseDate(c);
        return ContactWindow.format(d == null ? null : d.plusDays(1), spans, config.zone());
    }

    private static String spans(List<ContactWindow.Span> spans) {
        StringBuilder sb = new StringBuilder();
        for (ContactWindow.Span s : spans) {
            sb.append(sb.length() == 0 ? "" : ", ").append(s);
        }
        return sb.toString();
    }

    private static String span(LocalTime from, LocalTime to) {
        return new ContactWindow.Span(from, to).toString();
    }

    // ---- small helpers ----------------------------------------------------------------------------------------

    /** 2026年11月20日: year, month and day without leading zeros, as Chinese dates are written. */
    static String chineseDate(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** The ISO date and time for references in English (the acquirer's help desk, the retrieval route). */
    private static String when(Map<String, String> v) {
        String d = dash(v.get("iso_date"));
        return v.get("time") == null ? d : d + " " + v.get("time");
    }

    private static void add(List<String> parts, String label, String value) {
        if (value != null && !value.isEmpty()) {
            parts.add(label + value);
        }
    }

    private static String dash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
