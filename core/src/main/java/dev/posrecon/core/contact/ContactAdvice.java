package dev.posrecon.core.contact;

import java.util.List;

/**
 * How to reach the party a case concerns.
 *
 * @param channels      ranked, best first
 * @param reason        one line on the ranking as a whole
 * @param window        a suggested contact window ("2026-11-24 09:00-20:00 Asia/Shanghai"), empty when not applicable
 * @param language      the draft's language tag ({@code en}, {@code zh})
 * @param messageDraft  a short polite message for the first channel, ready to send (a call script when it is a call)
 * @param followUpDraft when the first channel is a call: the written message (SMS or e-mail) carrying the details
 *                      after it; else empty
 */
public record ContactAdvice(List<ContactOption> channels, String reason, String window, String language,
                            String messageDraft, String followUpDraft) {

    public ContactAdvice {
        channels = List.copyOf(channels);
        followUpDraft = followUpDraft == null ? "" : followUpDraft;
    }

    /** Advice with no follow-up draft (the original five-field form). */
    public ContactAdvice(List<ContactOption> channels, String reason, String window, String language,
                         String messageDraft) {
        this(channels, reason, window, language, messageDraft, "");
    }

    public static ContactAdvice none() {
        return new ContactAdvice(List.of(), "", "", "", "", "");
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
