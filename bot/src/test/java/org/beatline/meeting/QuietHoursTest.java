package org.beatline.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Quiet hours in the department's time (21:00 to 08:00 in Chicago): bulk waits, reminders move. */
class QuietHoursTest {
  final QuietHours quiet = QuietHours.of("21:00", "08:00", "America/Chicago");

  @Test
  void aBroadcastAtTenAtNightWaitsUntilEightInTheMorning() {
    Instant tenPm = Instant.parse("2030-06-12T03:00:00Z"); // 22:00 CDT on June 11
    assertThat(quiet.quiet(tenPm)).isTrue();
    assertThat(quiet.allowedFrom(tenPm)).isEqualTo(Instant.parse("2030-06-12T13:00:00Z"));
  }

  @Test
  void aTwoHourReminderThatWouldFallInQuietHoursGoesAtTheLastAllowedTimeBefore() {
    // A 7:30 meeting: its 2 hour reminder would be 5:30, inside the quiet hours.
    Instant reminder = Instant.parse("2030-06-12T10:30:00Z"); // 05:30 CDT
    assertThat(quiet.allowedBefore(reminder)).isEqualTo(Instant.parse("2030-06-12T01:59:00Z"));
  }

  @Test
  void theAfternoonIsNotQuiet() {
    Instant afternoon = Instant.parse("2030-06-12T20:00:00Z"); // 15:00 CDT
    assertThat(quiet.quiet(afternoon)).isFalse();
    assertThat(quiet.allowedFrom(afternoon)).isEqualTo(afternoon);
    assertThat(quiet.allowedBefore(afternoon)).isEqualTo(afternoon);
  }
}
