package dev.posrecon.core.model;

import java.time.LocalTime;

/**
 * A member of the customer directory.
 *
 * @param consent    Y: the member agreed to service contact
 * @param quietFrom  start of quiet hours (no calls), null when none
 * @param quietTo    end of quiet hours, null when none
 * @param language   BCP 47 tag such as {@code en} or {@code zh}, may be null
 */
public record Customer(
        SourceRef ref,
        String memberId,
        String name,
        String phone,
        String email,
        ContactChannel preferredChannel,
        Integer birthYear,
        boolean consent,
        LocalTime quietFrom,
        LocalTime quietTo,
        String language) {
}
