package org.beatline.conversation;

import java.util.List;
import java.util.Map;

/**
 * When a rule applies. Every field given must hold; an empty condition always holds.
 *
 * @param answer the answer is one of these values
 * @param intent the intent of the message matches one of these ({@code accountability.*})
 * @param known this variable has a value
 * @param missing this variable has no value
 * @param subscribed the contact has consented to this topic for their neighbourhood
 * @param confident the message has a confident intent that some flow handles
 * @param vars these variables have these values
 * @param waited a journey was waiting for an answer when the message came ({@code true}), or none
 *     was ({@code false})
 * @param noneOf the contact has none of these facts ({@code concerns}, {@code handoffs}): nothing
 *     to list
 */
record Condition(
    List<String> answer,
    List<String> intent,
    String known,
    String missing,
    String subscribed,
    Boolean confident,
    Map<String, String> vars,
    Boolean waited,
    List<String> noneOf) {}
