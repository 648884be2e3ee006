package org.beatline.concern;

import java.time.Instant;

/**
 * A resident's non-emergency concern, as the department works it.
 *
 * @param reference what the resident quotes back ({@code RIV-1042})
 * @param contact the reporting contact's key ({@code channel:address})
 * @param where the place as the resident wrote it
 * @param neighbourhood the neighbourhood id, or null when unknown
 * @param contactPreference {@code text}, {@code phone}, {@code email} or {@code anonymous}
 * @param contactDetail the phone number or email given, or null
 * @param category the intent that started the report ({@code concern.report}, {@code
 *     officer.contact})
 * @param status {@code received}, {@code acknowledged}, {@code answered}, {@code closed} or {@code
 *     no_follow_up}
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
    String status,
    Instant created) {}
