package org.beatline.survey;

import java.time.Instant;
import java.util.Set;

/**
 * One person the department asks to answer a survey after a contact with police: a crime report, a
 * crash, a citation. The address is used to send and never stored with the answers.
 *
 * @param contactType {@code crime_victim}, {@code crash}, {@code citation} or {@code other}
 * @param district a neighbourhood id of the department profile
 * @param incidentRef the department's record of the incident, so it is surveyed once, or null
 * @param officerId the officer of the contact, for evaluations above a minimum count, or null
 * @param sendAfter when to send (quiet hours permitting)
 */
public record Invitation(
    String channel,
    String address,
    String language,
    String contactType,
    String district,
    String incidentRef,
    String officerId,
    Instant sendAfter) {

  public static final Set<String> CONTACT_TYPES =
      Set.of("crime_victim", "crash", "citation", "other");

  /** Contacts never surveyed unless the department's profile lists others. */
  public static final Set<String> SENSITIVE =
      Set.of("domestic_violence", "sexual_assault", "juvenile", "death");
}
