package org.beatline.concern;

import java.time.Instant;
import java.util.Set;

/**
 * A resident's non-emergency concern, as the department works it.
 *
 * @param reference what the resident quotes back ({@code RIV-1042})
 * @param contact the reporting contact's key ({@code channel:address})
 * @param where the place as the resident wrote it
 * @param neighbourhood the neighbourhood id, or null when unknown
 * @param contactPreference {@code text}, {@code phone}, {@code email} or {@code anonymous}
 * @param contactDetail the phone number or email given, or null
 * @param language the language the resident wrote in
 * @param category the intent that started the report ({@code concern.report}, {@code
 *     officer.contact}, {@code accountability.file_complaint})
 * @param state {@code new}, {@code acknowledged}, {@code resolved} or {@code no_follow_up}
 * @param officer the id of the officer it is with, or null while it waits in the staff inbox
 */
public record Concern(
    String reference,
    String contact,
    String what,
    String where,
    String neighbourhood,
    String contactPreference,
    String contactDetail,
    String language,
    String category,
    String state,
    String officer,
    Instant created,
    Instant updated) {

  public static final String NEW = "new";
  public static final String ACKNOWLEDGED = "acknowledged";
  public static final String RESOLVED = "resolved";
  public static final String NO_FOLLOW_UP = "no_follow_up";
  public static final Set<String> STATES = Set.of(NEW, ACKNOWLEDGED, RESOLVED, NO_FOLLOW_UP);

  /** Categories that are complaints about an officer, which never go to the neighbourhood. */
  public static final Set<String> MISCONDUCT =
      Set.of("accountability.file_complaint", "misconduct");

  public boolean open() {
    return NEW.equals(state) || ACKNOWLEDGED.equals(state);
  }

  public boolean anonymous() {
    return "anonymous".equals(contactPreference);
  }

  public boolean misconduct() {
    return MISCONDUCT.contains(category);
  }

  /** The channel of the resident who reported it. */
  public String channel() {
    return contact.substring(0, contact.indexOf(':'));
  }

  /** The resident's address on that channel. */
  public String address() {
    return contact.substring(contact.indexOf(':') + 1);
  }

  /** The running number of the reference ({@code 1042} of {@code RIV-1042}). */
  public String number() {
    return reference.substring(reference.lastIndexOf('-') + 1);
  }

  public Concern with(String newState, String newOfficer, Instant at) {
    return new Concern(
        reference,
        contact,
        what,
        where,
        neighbourhood,
        contactPreference,
        contactDetail,
        language,
        category,
        newState,
        newOfficer,
        created,
        at);
  }
}
