package org.beatline.conversation;

import java.util.List;
import java.util.Map;

/**
 * An option written in a choice step: the value stored when it is chosen and the key of its label.
 *
 * @param words catalogue word lists of what residents also write for it ("call me", 匿名)
 * @param yesNo {@code yes} or {@code no} when a bare yes or no picks this option
 */
record OptionSpec(
    String value, String label, Map<String, Object> args, List<String> words, String yesNo) {
  OptionSpec {
    args = args == null ? Map.of() : Map.copyOf(args);
    words = words == null ? List.of() : List.copyOf(words);
  }
}
