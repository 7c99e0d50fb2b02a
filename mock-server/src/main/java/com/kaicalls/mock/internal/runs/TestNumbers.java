package com.kaicalls.mock.internal.runs;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What happens when a test number ({@code +1NPA55501xx}) is called, texted or validated: the table
 * of openapi.yaml's "Test numbers". Any other number answers (voice) or is delivered (SMS).
 */
enum TestNumbers {
  ANSWERS_AND_BOOKS,
  VOICEMAIL,
  NO_ANSWER,
  BUSY,
  INVALID,
  SMS_FAILS,
  OPTED_OUT,
  SMS_REPLIES,
  ANSWERS;

  private static final Pattern TEST = Pattern.compile("^\\+1\\d{3}55501(\\d\\d)$");
  private static final Map<String, TestNumbers> BY_SUFFIX =
      Map.of(
          "00",
          ANSWERS_AND_BOOKS,
          "01",
          VOICEMAIL,
          "02",
          NO_ANSWER,
          "03",
          BUSY,
          "04",
          INVALID,
          "11",
          SMS_FAILS,
          "12",
          OPTED_OUT,
          "13",
          SMS_REPLIES);

  static TestNumbers of(String phone) {
    if (phone == null) {
      return ANSWERS;
    }
    Matcher m = TEST.matcher(phone);
    return m.matches() ? BY_SUFFIX.getOrDefault(m.group(1), ANSWERS) : ANSWERS;
  }
}
