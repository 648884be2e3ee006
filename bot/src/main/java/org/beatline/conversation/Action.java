package org.beatline.conversation;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Map;

/**
 * A thing a step does, written in YAML as {@code {type: {param: expression}}}: {@code set} keeps
 * variables, every other type becomes the {@link Effect} of the same name.
 */
record Action(String type, Map<String, Object> params) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static Action of(Map<String, Map<String, Object>> yaml) {
    if (yaml.size() != 1) {
      throw new IllegalArgumentException("an action has one type, not " + yaml.keySet());
    }
    var entry = yaml.entrySet().iterator().next();
    return new Action(entry.getKey(), entry.getValue() == null ? Map.of() : entry.getValue());
  }
}
