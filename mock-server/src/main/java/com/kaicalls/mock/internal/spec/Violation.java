package com.kaicalls.mock.internal.spec;

/** One schema violation: {@code param} is a JSON path such as {@code recipients[3].phone}. */
public record Violation(String param, String code, String message) {}
