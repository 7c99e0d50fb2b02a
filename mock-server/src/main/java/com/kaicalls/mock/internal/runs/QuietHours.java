package com.kaicalls.mock.internal.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.kaicalls.mock.internal.documents.Fields;
import com.kaicalls.mock.internal.store.Json;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * A run's quiet hours, the one rule that preview and execution share: a daily window of local time
 * during which nothing is sent, which may span midnight. As openapi.yaml's {@code QuietHours} says,
 * it applies in the recipient's time zone: from the area code of a North American number (see
 * {@link SendTimes}), else the schedule's {@code timezone} ({@code UTC} without one).
 *
 * @param start start of the quiet window, or {@code null} when the run has no quiet hours
 * @param end end of the quiet window, or {@code null} when the run has no quiet hours
 * @param scheduleZone the zone of recipients whose own zone is unknown
 */
record QuietHours(LocalTime start, LocalTime end, ZoneId scheduleZone) {

  private static final ZoneId UTC = ZoneId.of("UTC");

  /** A period during which something may be sent. */
  record Window(Instant start, Instant end) {}

  /** The quiet hours of a run's or a request's {@code schedule} (missing or null: none, in UTC). */
  static QuietHours of(JsonNode schedule) {
    JsonNode quiet = schedule == null ? null : schedule.path(Fields.QUIET_HOURS);
    return new QuietHours(
        time(Json.text(quiet, Fields.START)),
        time(Json.text(quiet, Fields.END)),
        zone(Json.text(schedule, Fields.TIMEZONE)));
  }

  /** The zone in which these quiet hours apply to {@code recipient}. */
  ZoneId zoneOf(JsonNode recipient) {
    return SendTimes.zoneOf(Json.text(recipient, Fields.PHONE), scheduleZone);
  }

  /** {@code at}, or the end of the quiet hours that contain it for {@code recipient}. */
  Instant nextAllowed(Instant at, JsonNode recipient) {
    if (!restricts()) {
      return at;
    }
    ZonedDateTime local = at.atZone(zoneOf(recipient));
    if (!quiet(local.toLocalTime())) {
      return at;
    }
    ZonedDateTime until = local.toLocalDate().atTime(end).atZone(local.getZone());
    if (!until.isAfter(local)) {
      until = local.toLocalDate().plusDays(1).atTime(end).atZone(local.getZone());
    }
    return until.toInstant();
  }

  /**
   * The periods between {@code from} and {@code until} in which at least one recipient in {@code
   * zones} may be contacted, merged and in time order; all of it without quiet hours, nothing when
   * they cover the whole day.
   */
  List<Window> windows(Instant from, Instant until, Collection<ZoneId> zones) {
    List<Window> open = new ArrayList<>();
    if (start == null || end == null) {
      open.add(new Window(from, until));
    } else if (!start.equals(end)) {
      for (ZoneId zone : zones) {
        LocalDate day = from.atZone(zone).toLocalDate().minusDays(1);
        for (; !day.atStartOfDay(zone).toInstant().isAfter(until); day = day.plusDays(1)) {
          if (start.isAfter(end)) {
            open.add(new Window(at(day, end, zone), at(day, start, zone)));
          } else {
            open.add(new Window(day.atStartOfDay(zone).toInstant(), at(day, start, zone)));
            open.add(
                new Window(at(day, end, zone), day.plusDays(1).atStartOfDay(zone).toInstant()));
          }
        }
      }
    }
    return merge(open, from, until);
  }

  /** Whether the quiet hours leave no time to send ({@code start} equals {@code end}). */
  boolean coversWholeDay() {
    return start != null && start.equals(end);
  }

  private boolean restricts() {
    return start != null && end != null && !start.equals(end);
  }

  private boolean quiet(LocalTime t) {
    return start.isBefore(end)
        ? !t.isBefore(start) && t.isBefore(end)
        : !t.isBefore(start) || t.isBefore(end);
  }

  private static Instant at(LocalDate day, LocalTime time, ZoneId zone) {
    return day.atTime(time).atZone(zone).toInstant();
  }

  /** Clips each window to [from, until], drops empty ones and joins those that touch or overlap. */
  private static List<Window> merge(List<Window> windows, Instant from, Instant until) {
    windows.sort(Comparator.comparing(Window::start));
    List<Window> merged = new ArrayList<>();
    for (Window w : windows) {
      Instant s = w.start().isBefore(from) ? from : w.start();
      Instant e = w.end().isAfter(until) ? until : w.end();
      if (!s.isBefore(e)) {
        continue;
      }
      Window last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && !last.end().isBefore(s)) {
        merged.set(
            merged.size() - 1, new Window(last.start(), e.isAfter(last.end()) ? e : last.end()));
      } else {
        merged.add(new Window(s, e));
      }
    }
    return merged;
  }

  private static ZoneId zone(String tz) {
    try {
      return tz == null ? UTC : ZoneId.of(tz);
    } catch (DateTimeException e) {
      return UTC;
    }
  }

  private static LocalTime time(String hhmm) {
    try {
      return hhmm == null ? null : LocalTime.parse(hhmm);
    } catch (DateTimeException e) {
      return null;
    }
  }
}
