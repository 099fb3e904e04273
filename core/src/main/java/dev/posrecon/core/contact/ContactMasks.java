package dev.posrecon.core.contact;

/** Masks contact details for case files: the last four digits of a phone, the first letter of an e-mail's name. */
public final class ContactMasks {
    private ContactMasks() {
    }

    /** {@code +44 7700 900972 -> +** **** **0972}: every digit but the last four becomes {@code *}. */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        int digits = 0;
        for (int i = 0; i < phone.length(); i++) {
            if (Character.isDigit(phone.charAt(i))) {
                digits++;
            }
        }
        StringBuilder sb = new StringBuilder(phone.length());
        int seen = 0;
        for (int i = 0; i < phone.length(); i++) {
            char c = phone.charAt(i);
            if (Character.isDigit(c)) {
                seen++;
                sb.append(seen > digits - 4 ? c : '*');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** {@code mia.clark385@example.com -> m***@example.com}. */
    public static String email(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }

    /** The option with its address masked as its route asks (phone, SMS, e-mail); references stay. */
    public static ContactOption mask(ContactOption o) {
        String a = o.address();
        if (a != null) {
            a = switch (o.route()) {
                case PHONE, SMS -> phone(a);
                case EMAIL -> email(a);
                default -> a;
            };
        }
        return new ContactOption(o.route(), a, o.reason());
    }
}
