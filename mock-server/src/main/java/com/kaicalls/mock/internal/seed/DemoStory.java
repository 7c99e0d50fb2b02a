package com.kaicalls.mock.internal.seed;

import java.time.Instant;
import java.util.List;

/**
 * The demo workspace's story, as data: a dental practice, its two agents, the patients of a
 * finished recall run, a new caller, an SMS conversation and a reminder that failed. {@link
 * DemoSeed} turns it into documents and events; times are minutes from {@link DemoSeed#T0}.
 */
final class DemoStory {

  static final String BUSINESS = "Bright Smile Dental";

  private DemoStory() {}

  /** An agent and its config versions, oldest first. */
  record Agent(
      String name,
      String description,
      String voice,
      int createdAt,
      int updatedAt,
      List<ConfigVersion> versions) {}

  /** One config version of an agent. */
  record ConfigVersion(
      int createdAt,
      String prompt,
      String greeting,
      String voice,
      String model,
      List<String> qualificationQuestions,
      List<String> tools,
      String createdBy) {}

  static final Agent FRONT_DESK =
      new Agent(
          "Front Desk",
          "Answers inbound calls, qualifies new patients and books cleanings.",
          "aria",
          -43200,
          -1440,
          List.of(
              frontDesk(
                  1,
                  "Thanks for calling " + BUSINESS + "!",
                  "kai-voice-1",
                  List.of("book_appointment"),
                  null),
              frontDesk(
                  2,
                  "Thanks for calling " + BUSINESS + ", this is Aria. How can I help?",
                  "kai-voice-1",
                  List.of("book_appointment", "transfer_call"),
                  "owner@brightsmile.example"),
              frontDesk(
                  3,
                  "Hi, you've reached " + BUSINESS + ". This is Aria, how can I help you today?",
                  "kai-voice-2",
                  List.of("book_appointment", "transfer_call"),
                  "owner@brightsmile.example")));

  static final Agent RECALL_REMINDERS =
      new Agent(
          "Recall Reminders",
          "Calls and texts patients who are due for a check-up.",
          "miles",
          -40000,
          -2880,
          List.of(recallReminders(1), recallReminders(2)));

  private static ConfigVersion frontDesk(
      int version, String greeting, String model, List<String> tools, String createdBy) {
    return new ConfigVersion(
        -43200 + version * 10000,
        "You are the front desk of " + BUSINESS + ". Be warm and brief.",
        greeting,
        "aria",
        model,
        List.of("Are you a new patient?", "Do you have dental insurance?"),
        tools,
        createdBy);
  }

  private static ConfigVersion recallReminders(int version) {
    return new ConfigVersion(
        -40000 + version * 10000,
        "Remind {{first_name}} that a check-up is due and offer times.",
        "Hi {{first_name}}, this is Miles from " + BUSINESS + ".",
        "miles",
        "kai-voice-2",
        List.of("Would you like to book a check-up?"),
        List.of("book_appointment"),
        null);
  }

  // --- the November recall run ---------------------------------------------------------------

  /** How the one call of a recall patient's job went. */
  enum CallResult {
    BOOKED("completed", "appointment_booked", "answered", true, "call.completed"),
    VOICEMAIL("voicemail", "voicemail", "voicemail", true, "voicemail.received"),
    NO_ANSWER("no_answer", "no_answer", "no_answer", false, "call.completed");

    final String callStatus;
    final String callOutcome;

    /** The attempt's and the job's outcome. */
    final String outcome;

    /**
     * Whether the patient was reached: the call was answered (by them or their voicemail), the job
     * succeeded.
     */
    final boolean reached;

    final String callEvent;

    CallResult(
        String callStatus, String callOutcome, String outcome, boolean reached, String callEvent) {
      this.callStatus = callStatus;
      this.callOutcome = callOutcome;
      this.outcome = outcome;
      this.reached = reached;
      this.callEvent = callEvent;
    }
  }

  /** The recording a call left: a tone of {@code hz} and its transcript. */
  record Recording(String kind, double hz, String transcript) {}

  /** The appointment a call booked, and why the lead qualified. */
  record Booking(Instant startsAt, Instant endsAt, String notes, String qualificationNotes) {}

  /** A patient of the recall run and everything about their call. */
  record RecallPatient(
      String firstName,
      String lastName,
      String phone,
      CallResult result,
      int seconds,
      String summary,
      Recording recording,
      Booking booking) {}

  static final String RECALL_RUN_NAME = "November check-up recall";
  static final String RECALL_CAMPAIGN = "recall-2026-11";
  static final String RECALL_TIMEZONE = "America/Los_Angeles";
  static final String LAST_VISIT = "May 2026";

  static final List<RecallPatient> RECALL_PATIENTS =
      List.of(
          new RecallPatient(
              "Maria",
              "Garcia",
              "+14155550100",
              CallResult.BOOKED,
              245,
              "Maria booked a cleaning for Nov 10 at 9:30.",
              new Recording(
                  "call",
                  440,
                  "Agent: Hi Maria, this is Miles from "
                      + BUSINESS
                      + "... Maria: Tuesday afternoon works."),
              new Booking(
                  Instant.parse("2026-11-10T17:30:00Z"),
                  Instant.parse("2026-11-10T18:15:00Z"),
                  "Cleaning and check-up; prefers afternoons.",
                  "Existing patient, due for cleaning, has insurance.")),
          new RecallPatient(
              "James",
              "Chen",
              "+14155550101",
              CallResult.VOICEMAIL,
              40,
              "Left a voicemail about the check-up.",
              new Recording(
                  "voicemail",
                  660,
                  "Hi James, this is Miles from "
                      + BUSINESS
                      + ". Please call us back to book your check-up."),
              null),
          new RecallPatient(
              "Priya", "Patel", "+14155550102", CallResult.NO_ANSWER, 30, null, null, null));

  // --- inbound: a new caller, a texting patient, a failed reminder ---------------------------

  /** A first-time caller: a new lead, their answered call and its voice conversation. */
  record NewCaller(
      String firstName, String phone, int at, int answeredAfter, int seconds, String summary) {}

  static final NewCaller NEW_CALLER =
      new NewCaller(
          "Olivia",
          "+13125550177",
          -600,
          2,
          95,
          "Asked about Saturday hours and pricing for whitening.");

  /**
   * One SMS of a conversation, {@code outbound} from the practice or {@code inbound} from the
   * contact.
   */
  record Text(boolean outbound, String body) {}

  /** A patient who texts with the practice: a qualified lead and their SMS conversation. */
  record TextingPatient(
      String firstName,
      String lastName,
      String phone,
      int createdAt,
      int updatedAt,
      String qualificationNotes,
      int firstTextAt,
      List<Text> texts) {}

  static final TextingPatient TEXTING_PATIENT =
      new TextingPatient(
          "Noah",
          "Kim",
          "+12125550113",
          -500,
          -440,
          "Wants an evening appointment.",
          -480,
          List.of(
              new Text(
                  true,
                  "Hi Noah, " + BUSINESS + " here: you're due for a check-up. Reply to book!"),
              new Text(false, "Yes please, any evenings next week?"),
              new Text(true, "We have Tue 6:00pm or Thu 6:30pm. Which works?")));

  /** A reminder the carrier refused, to a number with no lead. */
  record FailedReminder(String to, int at, String body) {}

  static final FailedReminder FAILED_REMINDER =
      new FailedReminder("+14155550111", -300, "Reminder: your appointment is tomorrow at 10am.");
}
