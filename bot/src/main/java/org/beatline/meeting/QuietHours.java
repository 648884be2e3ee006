package org.beatline.meeting;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The hours in the department's time zone when bulk messages wait (default 21:00 to 08:00). Replies
 * to residents are never held.
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

  /** The profile's {@code quiet_hours}, or 21:00 to 08:00. */
  public static QuietHours of(Object start, Object end, String zone) {
    return new QuietHours(
        LocalTime.parse(start == null ? "21:00" : start.toString()),
        LocalTime.parse(end == null ? "08:00" : end.toString()),
        ZoneId.of(zone));
  }

  public boolean quiet(Instant t) {
    LocalTime time = t.atZone(zone).toLocalTime();
    return start.isAfter(end)
        ? !time.isBefore(start) || time.isBefore(end)
        : !time.isBefore(start) && time.isBefore(end);
  }

  /** {@code t}, or the end of the quiet hours {@code t} falls in. */
  public Instant allowedFrom(Instant t) {
    if (!quiet(t)) {
      return t;
    }
    ZonedDateTime z = t.atZone(zone);
    ZonedDateTime open = z.with(end);
    if (!open.isAfter(z)) {
      open = open.plusDays(1);
    }
    return open.toInstant();
  }

  /** {@code t}, or the last allowed moment before the quiet hours {@code t} falls in. */
  public Instant allowedBefore(Instant t) {
    if (!quiet(t)) {
      return t;
    }
    ZonedDateTime z = t.atZone(zone);
    ZonedDateTime closing = z.with(start);
    if (closing.isAfter(z)) {
      closing = closing.minusDays(1);
    }
    return closing.minusMinutes(1).toInstant();
  }
}
