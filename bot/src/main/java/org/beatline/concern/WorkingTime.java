package org.beatline.concern;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Deadlines in the department's time: hours as they pass, working days skipping weekends. */
final class WorkingTime {
  private WorkingTime() {}

  /** The moment {@code hours} hours after {@code start}. */
  static Instant afterHours(Instant start, int hours) {
    return start.plus(Duration.ofHours(hours));
  }

  /** The same time of day {@code days} working days (Monday to Friday) after {@code start}. */
  static Instant afterWorkingDays(Instant start, int days, ZoneId zone) {
    ZonedDateTime t = start.atZone(zone);
    int left = days;
    while (left > 0) {
      t = t.plusDays(1);
      if (t.getDayOfWeek() != DayOfWeek.SATURDAY && t.getDayOfWeek() != DayOfWeek.SUNDAY) {
        left--;
      }
    }
    return t.toInstant();
  }
}
