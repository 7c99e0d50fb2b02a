package com.kaicalls.mock.internal.runs;

/**
 * How an attempt ended: its {@code outcome} and whether the recipient was reached (the job
 * succeeds) or not (the job is retried or fails).
 */
record AttemptOutcome(String outcome, boolean reached) {}
