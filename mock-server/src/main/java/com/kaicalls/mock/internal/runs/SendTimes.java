package com.kaicalls.mock.internal.runs;

import java.time.ZoneId;
import java.util.Map;

/**
 * A recipient's time zone, in which {@link QuietHours} apply: derived from the area code of a North
 * American number (a small table of common area codes), else the run's schedule time zone.
 */
final class SendTimes {

  private static final Map<String, String> AREA_CODES =
      Map.ofEntries(
          // Eastern
          Map.entry("201", "America/New_York"),
          Map.entry("202", "America/New_York"),
          Map.entry("212", "America/New_York"),
          Map.entry("215", "America/New_York"),
          Map.entry("305", "America/New_York"),
          Map.entry("347", "America/New_York"),
          Map.entry("404", "America/New_York"),
          Map.entry("516", "America/New_York"),
          Map.entry("617", "America/New_York"),
          Map.entry("646", "America/New_York"),
          Map.entry("703", "America/New_York"),
          Map.entry("718", "America/New_York"),
          Map.entry("786", "America/New_York"),
          Map.entry("857", "America/New_York"),
          Map.entry("917", "America/New_York"),
          Map.entry("313", "America/Detroit"),
          Map.entry("416", "America/Toronto"),
          Map.entry("514", "America/Toronto"),
          // Central
          Map.entry("214", "America/Chicago"),
          Map.entry("312", "America/Chicago"),
          Map.entry("469", "America/Chicago"),
          Map.entry("512", "America/Chicago"),
          Map.entry("612", "America/Chicago"),
          Map.entry("713", "America/Chicago"),
          Map.entry("773", "America/Chicago"),
          Map.entry("832", "America/Chicago"),
          Map.entry("872", "America/Chicago"),
          // Mountain
          Map.entry("303", "America/Denver"),
          Map.entry("720", "America/Denver"),
          Map.entry("801", "America/Denver"),
          Map.entry("602", "America/Phoenix"),
          Map.entry("480", "America/Phoenix"),
          // Pacific
          Map.entry("206", "America/Los_Angeles"),
          Map.entry("213", "America/Los_Angeles"),
          Map.entry("310", "America/Los_Angeles"),
          Map.entry("408", "America/Los_Angeles"),
          Map.entry("415", "America/Los_Angeles"),
          Map.entry("503", "America/Los_Angeles"),
          Map.entry("510", "America/Los_Angeles"),
          Map.entry("619", "America/Los_Angeles"),
          Map.entry("650", "America/Los_Angeles"),
          Map.entry("702", "America/Los_Angeles"),
          Map.entry("818", "America/Los_Angeles"),
          Map.entry("604", "America/Vancouver"),
          // Alaska, Hawaii
          Map.entry("907", "America/Anchorage"),
          Map.entry("808", "Pacific/Honolulu"));

  private SendTimes() {}

  /** The recipient's zone: from a known NANP area code, else {@code fallback}. */
  static ZoneId zoneOf(String phone, ZoneId fallback) {
    if (phone != null && phone.startsWith("+1") && phone.length() == 12) {
      String zone = AREA_CODES.get(phone.substring(2, 5));
      if (zone != null) {
        return ZoneId.of(zone);
      }
    }
    return fallback;
  }
}
