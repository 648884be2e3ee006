package org.beatline.conversation;

import java.util.Map;

/**
 * An option written in a choice step: the value stored when it is chosen and the key of its label.
 */
record OptionSpec(String value, String label, Map<String, Object> args) {
  OptionSpec {
    args = args == null ? Map.of() : Map.copyOf(args);
  }
}
