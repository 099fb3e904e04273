package dev.posrecon.core.contact;

import org.junit.jupiter.api.Test;

import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

class ContactMasksTest {
    @Test
    void phoneKeepsOnlyItsLastFourDigits() {
        assertThat(ContactMasks.phone("15937387895")).isEqualTo("*******7895");
        assertThat(ContactMasks.phone("+44 7700 900972")).isEqualTo("+** **** **0972");
        assertThat(ContactMasks.phone("123")).isEqualTo("123");
    }

    @Test
    void emailKeepsTheFirstLetterAndTheDomain() {
        assertThat(ContactMasks.email("mia.clark385@example.com")).isEqualTo("m***@example.com");
        assertThat(ContactMasks.email("nonsense")).isEqualTo("***");
    }

    @Test
    void windowSpansHandleDaytimeAndQuietHoursCrossingMidnight() {
        LocalTime nine = LocalTime.of(9, 0);
        LocalTime eight = LocalTime.of(20, 0);
        assertThat(ContactWindow.free(nine, eight, LocalTime.of(21, 0), nine)).hasToString("[09:00-20:00]");
        assertThat(ContactWindow.free(nine, eight, LocalTime.of(19, 30), LocalTime.of(9, 30)))
                .hasToString("[09:30-19:30]");
        assertThat(ContactWindow.free(nine, eight, nine, nine)).hasToString("[09:00-20:00]");
        assertThat(ContactWindow.free(nine, eight, LocalTime.of(6, 0), LocalTime.of(23, 0))).isEmpty();
        assertThat(ContactWindow.free(LocalTime.of(18, 0), LocalTime.of(2, 0), LocalTime.of(23, 0), LocalTime.of(1, 0)))
                .hasToString("[18:00-23:00, 01:00-02:00]");
        assertThat(ContactWindow.inside(LocalTime.of(23, 59), LocalTime.of(21, 0), nine)).isTrue();
        assertThat(ContactWindow.inside(nine, LocalTime.of(21, 0), nine)).isFalse();
    }
}
