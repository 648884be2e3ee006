package org.beatline.conversation;

/**
 * A step part that says one line per item of the contact's facts: upcoming meetings of the
 * neighbourhood, academy sessions, the contact's concerns or their questions handed to a person.
 *
 * @param of {@code meetings}, {@code concerns} or {@code handoffs}
 * @param kind for meetings: {@code meeting} (also forums) or {@code academy}
 * @param item the key said for each item
 * @param replied for concerns: the key said after the item when an officer wrote back
 * @param rest the key said with {@code n}, the number of items left unsaid beyond the limit
 * @param empty the line said when there is none, or null to say nothing
 * @param limit at most this many items
 */
record Listing(
    String of, String kind, String item, String replied, String rest, Line empty, Integer limit) {
  Listing {
    kind = kind == null ? "meeting" : kind;
    limit = limit == null ? 3 : limit;
  }
}
