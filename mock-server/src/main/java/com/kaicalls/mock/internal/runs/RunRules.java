package com.kaicalls.mock.internal.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kaicalls.mock.internal.api.ApiException;
import com.kaicalls.mock.internal.documents.Collections;
import com.kaicalls.mock.internal.documents.Fields;
import com.kaicalls.mock.internal.spec.Violation;
import com.kaicalls.mock.internal.store.Json;
import com.kaicalls.mock.internal.store.Store;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The business rules of a communication run request, shared by validate, preview and create: every
 * problem at once, as errors (block creation) and warnings (recipient skipped).
 */
public final class RunRules {

  private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*\\}\\}");
  private static final Pattern RECIPIENT_FIELD =
      Pattern.compile("^recipients\\[(\\d+)\\]\\.?(.*)$");

  /** One finding, rendered as a {@code ValidationIssue}. */
  record Issue(String code, String message, String param, boolean blocksCreate) {
    Issue(String code, String message, String param) {
      this(code, message, param, true);
    }

    ObjectNode toJson() {
      ObjectNode issue = Json.object();
      issue.put(Fields.CODE, code);
      issue.put(Fields.MESSAGE, message);
      if (param == null) {
        issue.putNull(Fields.PARAM);
      } else {
        issue.put(Fields.PARAM, param);
      }
      return issue;
    }
  }

  /** All findings for one request. {@code skipped}: recipient index to skip reason. */
  record Evaluation(
      List<Issue> errors,
      List<Issue> warnings,
      Map<Integer, String> skipped,
      Map<Integer, String> skipParams,
      int recipientsCount) {
    boolean valid() {
      return errors.isEmpty();
    }

    /** The first error that stops create, or {@code null}. */
    Issue blocking() {
      return errors.stream().filter(Issue::blocksCreate).findFirst().orElse(null);
    }
  }

  private final Store store;

  /** Rules that look agents up in {@code store}. */
  public RunRules(Store store) {
    this.store = store;
  }

  Evaluation evaluate(String workspaceId, JsonNode body, List<Violation> violations) {
    List<Issue> errors = new ArrayList<>();
    List<Issue> warnings = new ArrayList<>();
    Map<Integer, String> skipped = new TreeMap<>();
    Map<Integer, String> skipParams = new HashMap<>();
    for (Violation v : violations) {
      Matcher m = RECIPIENT_FIELD.matcher(v.param());
      if (m.matches() && m.group(2).equals(Fields.PHONE)) {
        errors.add(new Issue("invalid_phone", v.message(), v.param()));
        skip(skipped, skipParams, Integer.parseInt(m.group(1)), "invalid_number", v.param());
      } else if (m.matches() && m.group(2).equals(Fields.EMAIL)) {
        errors.add(new Issue("invalid_email", v.message(), v.param()));
      } else {
        throw ApiException.of(v);
      }
    }
    String channel = Json.text(body, Fields.CHANNEL);
    String message = Json.text(body, Fields.MESSAGE);
    String agentId = Json.text(body, Fields.AGENT_ID);
    if (agentId != null && store.get(workspaceId, Collections.AGENT, agentId) == null) {
      errors.add(
          new Issue("unknown_agent", "No agent '" + agentId + "' in this workspace.", "agent_id"));
    }
    if (("sms".equals(channel) || "email".equals(channel))
        && (message == null || message.isBlank())) {
      errors.add(
          new Issue(
              "message_required",
              "A message is required for the " + channel + " channel.",
              "message"));
    }
    checkSchedule(body.path(Fields.SCHEDULE), errors);
    JsonNode recipients = body.path(Fields.RECIPIENTS);
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; recipients.isArray() && i < recipients.size(); i++) {
      JsonNode r = recipients.get(i);
      if (!r.isObject()) {
        continue;
      }
      String at = "recipients[" + i + "]";
      String phone = Json.text(r, Fields.PHONE);
      String email = Json.text(r, Fields.EMAIL);
      boolean needsEmail = "email".equals(channel);
      String contact = needsEmail ? email : phone;
      if (contact == null) {
        String param = at + (needsEmail ? ".email" : ".phone");
        if (phone == null && email == null) {
          // Validate calls it an error, but like an invalid number it does not fail a create: the
          // job is skipped.
          errors.add(
              new Issue(
                  "missing_contact", at + " has neither a phone nor an email.", param, false));
        } else if (channel != null) {
          errors.add(
              new Issue(
                  "missing_contact",
                  at
                      + " has no "
                      + (needsEmail ? "email" : "phone")
                      + ", which the "
                      + channel
                      + " channel needs.",
                  param,
                  false));
        }
        skip(skipped, skipParams, i, "missing_contact", param);
        continue;
      }
      String param = at + (needsEmail ? ".email" : ".phone");
      if (!needsEmail && TestNumbers.of(phone) == TestNumbers.INVALID) {
        // A test number that validate reports as an error, yet create accepts (its attempt then
        // fails).
        errors.add(
            new Issue(
                "invalid_phone", phone + " is not a valid, reachable phone number.", param, false));
      } else if (!needsEmail && TestNumbers.of(phone) == TestNumbers.OPTED_OUT) {
        warnings.add(
            new Issue(
                "opted_out",
                phone + " has opted out of contact; the recipient will be skipped.",
                param));
        skip(skipped, skipParams, i, "opted_out", param);
      }
      Integer first = seen.putIfAbsent(contact.toLowerCase(java.util.Locale.ROOT), i);
      if (first != null) {
        warnings.add(
            new Issue(
                "duplicate_recipient",
                at + " repeats recipients[" + first + "]; it will be skipped.",
                param));
        skip(skipped, skipParams, i, "duplicate", param);
      }
      if (message != null) {
        Matcher m = VARIABLE.matcher(message);
        while (m.find()) {
          String name = m.group(1);
          if (value(r, name) == null) {
            String varParam =
                name.equals(Fields.FIRST_NAME) ? at + ".first_name" : at + ".variables." + name;
            errors.add(
                new Issue(
                    "missing_variable",
                    "The message uses {{" + name + "}} but " + at + " has no value for it.",
                    varParam));
          }
        }
      }
    }
    return new Evaluation(
        errors, warnings, skipped, skipParams, recipients.isArray() ? recipients.size() : 0);
  }

  private static void skip(
      Map<Integer, String> skipped,
      Map<Integer, String> params,
      int index,
      String reason,
      String param) {
    if (skipped.putIfAbsent(index, reason) == null) {
      params.put(index, param);
    }
  }

  private static void checkSchedule(JsonNode schedule, List<Issue> errors) {
    if (!schedule.isObject()) {
      return;
    }
    String tz = Json.text(schedule, Fields.TIMEZONE);
    if (tz != null) {
      try {
        ZoneId.of(tz);
      } catch (DateTimeException e) {
        throw ApiException.invalid(
            "parameter_invalid",
            "schedule.timezone '" + tz + "' is not an IANA time zone.",
            "schedule.timezone");
      }
    }
    QuietHours quiet = QuietHours.of(schedule);
    if (quiet.coversWholeDay()) {
      errors.add(
          new Issue(
              "no_send_window",
              "Quiet hours "
                  + quiet.start()
                  + "-"
                  + quiet.end()
                  + " cover the whole day, leaving no time to send.",
              "schedule.quiet_hours"));
    }
  }

  static String value(JsonNode recipient, String name) {
    if (name.equals(Fields.FIRST_NAME)) {
      return Json.text(recipient, Fields.FIRST_NAME);
    }
    return Json.text(recipient.path(Fields.VARIABLES), name);
  }

  static String render(String template, JsonNode recipient) {
    if (template == null) {
      return "";
    }
    Matcher m = VARIABLE.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String v = value(recipient, m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(v == null ? m.group() : v));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * The send windows of the next 7 days from {@code start_at} (or now): when at least one of the
   * {@code recipients} is outside its own quiet hours, merged, in UTC; without recipients, in the
   * schedule's zone.
   */
  static ArrayNode sendWindows(JsonNode schedule, List<JsonNode> recipients, Instant now) {
    Instant from = now;
    String startAt = schedule == null ? null : Json.text(schedule, Fields.START_AT);
    if (startAt != null) {
      Instant s = OffsetDateTime.parse(startAt).toInstant();
      from = s.isAfter(now) ? s : now;
    }
    QuietHours quiet = QuietHours.of(schedule);
    Set<ZoneId> zones = new LinkedHashSet<>();
    recipients.forEach(r -> zones.add(quiet.zoneOf(r)));
    if (zones.isEmpty()) {
      zones.add(quiet.scheduleZone());
    }
    ArrayNode out = Json.array();
    for (QuietHours.Window w : quiet.windows(from, from.plus(Duration.ofDays(7)), zones)) {
      ObjectNode window = out.addObject();
      window.put(Fields.START, Json.time(w.start()));
      window.put(Fields.END, Json.time(w.end()));
    }
    return out;
  }
}
