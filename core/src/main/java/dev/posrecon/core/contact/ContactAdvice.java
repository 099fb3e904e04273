package dev.posrecon.core.contact;

import java.util.List;

/**
 * How to reach the party a case concerns.
 *
 * @param channels ranked, best first
 * @param reason   one line on the ranking as a whole
 * @param window   a suggested contact window ("2026-11-24 09:00-20:00 Asia/Shanghai"), empty when not applicable
 * @param language the draft's language tag ({@code en}, {@code zh})
 * @param messageDraft a short polite message, ready to send
 */
public record ContactAdvice(List<ContactOption> channels, String reason, String window, String language,
                            String messageDraft) {

    public ContactAdvice {
        channels = List.copyOf(channels);
    }

    public static ContactAdvice none() {
        return new ContactAdvice(List.of(), "", "", "", "");
    }

    /** Routes in order joined with {@code |}: the {@code contact_channels} column. */
    public String channelList() {
        StringBuilder sb = new StringBuilder();
        for (ContactOption o : channels) {
            if (sb.length() > 0) {
                sb.append('|');
            }
            sb.append(o.route());
        }
        return sb.toString();
    }
}
