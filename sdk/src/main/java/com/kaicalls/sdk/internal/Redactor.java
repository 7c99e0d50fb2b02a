package com.kaicalls.sdk.internal;

import java.util.regex.Pattern;

/** Removes API keys and webhook secrets from text before it is logged. */
final class Redactor {
  private static final Pattern SECRET_FIELD =
      Pattern.compile("(\"(?:secret|previous_secret|api_key)\"\\s*:\\s*\")[^\"]*(\")");
  private static final Pattern API_KEY = Pattern.compile("(kc_(?:test|live)_)[A-Za-z0-9_\\-]+");
  private static final Pattern WEBHOOK_SECRET = Pattern.compile("whsec_[A-Za-z0-9+/=_\\-]+");

  private Redactor() {}

  static String redact(String text) {
    if (text == null) return null;
    String s = SECRET_FIELD.matcher(text).replaceAll("$1[redacted]$2");
    s = API_KEY.matcher(s).replaceAll("$1[redacted]");
    return WEBHOOK_SECRET.matcher(s).replaceAll("whsec_[redacted]");
  }
}
