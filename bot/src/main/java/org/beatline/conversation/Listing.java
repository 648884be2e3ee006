package org.beatline.conversation;

/**
 * A step part that says one line per item of the contact's facts: upcoming meetings of the
 * neighbourhood, academy sessions or the contact's concerns.
 *
 * @param of {@code meetings} or {@code concerns}
 * @param kind for meetings: {@code meeting} (also forums) or {@code academy}
 * @param item the key said for each item
 * @param empty the key said when there is none
 * @param limit at most this many items
 */
record Listing(String of, String kind, String item, Line empty, Integer limit) {
  Listing {
    kind = kind == null ? "meeting" : kind;
    limit = limit == null ? 3 : limit;
  }
}
