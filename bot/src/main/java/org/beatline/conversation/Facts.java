package org.beatline.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything from storage the engine may need for one turn, loaded by the edges before the call so
 * that the engine itself never reads a store.
 *
 * @param language the contact's language, null for a contact we have never heard from
 * @param firstMessage whether this is the contact's first message ever
 * @param neighbourhood the stored neighbourhood id, or null
 * @param subscriptions the topics the contact has consented to
 * @param meetings upcoming meetings, forums and academy sessions (any neighbourhood; the engine
 *     filters)
 * @param concerns the contact's concerns, newest first
 * @param handoffs the contact's recent questions handed to a person, newest first
 * @param surveyInvitation the survey the contact was invited to and has not answered, as {@code
 *     <survey id>/<contact type>} (the type picks the survey's variant), or null
 * @param newReference the reference a concern created in this turn gets; the edges pass {@link
 *     #NEW_REFERENCE} and draw a real number only when the turn does create one (the engine does no
 *     I/O, so it cannot draw one itself)
 */
public record Facts(
    String language,
    boolean firstMessage,
    String neighbourhood,
    List<Subscription> subscriptions,
    List<Meeting> meetings,
    List<Concern> concerns,
    List<Handoff> handoffs,
    String surveyInvitation,
    String newReference) {

  /** Stands for the reference of a concern created in this turn until the edges draw one. */
  public static final String NEW_REFERENCE = "\u2063new-reference\u2063";

  public Facts {
    subscriptions = subscriptions == null ? List.of() : List.copyOf(subscriptions);
    meetings = meetings == null ? List.of() : List.copyOf(meetings);
    concerns = concerns == null ? List.of() : List.copyOf(concerns);
    handoffs = handoffs == null ? List.of() : List.copyOf(handoffs);
  }

  /** The facts of a contact nobody knows anything about. */
  public static Facts none() {
    return new Facts(null, true, null, List.of(), List.of(), List.of(), List.of(), null, null);
  }

  /** A topic the contact agreed to receive, for one neighbourhood (null for city-wide). */
  public record Subscription(String topic, String neighbourhood) {}

  /**
   * A scheduled meeting, forum or academy session.
   *
   * @param kind {@code meeting}, {@code forum} or {@code academy}
   * @param neighbourhood the neighbourhood id, or null for a city-wide event
   * @param titles the title per language (the default language at least)
   * @param ics the URL of its calendar file
   */
  public record Meeting(
      String id,
      String kind,
      String neighbourhood,
      Instant start,
      String place,
      Map<String, String> titles,
      String ics) {

    public Meeting {
      kind = kind == null ? "meeting" : kind;
      titles = titles == null ? Map.of() : Map.copyOf(titles);
    }
  }

  /**
   * A concern the contact reported.
   *
   * @param status {@code received}, {@code acknowledged}, {@code answered}, {@code closed} or
   *     {@code no_follow_up}
   * @param replied when an officer last wrote to the resident about it, or null
   * @param reply the start of what the officer last wrote (numbers masked), or null
   */
  public record Concern(
      String reference,
      String status,
      Instant created,
      String neighbourhood,
      Instant replied,
      String reply) {

    /** Whether the department still works on it. */
    public boolean open() {
      return !"closed".equals(status) && !"no_follow_up".equals(status);
    }
  }

  /**
   * A question the contact asked to have passed to a person.
   *
   * @param asked when it was handed over
   * @param question the start of the question (numbers and emails masked)
   * @param answered whether staff are known to have answered it
   */
  public record Handoff(Instant asked, String question, boolean answered) {}
}
