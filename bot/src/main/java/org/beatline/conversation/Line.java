package org.beatline.conversation;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Map;

/**
 * A line a flow says: a translation key and its arguments as expressions ({@code $dept.name},
 * {@code $var.topic}, or a literal), resolved when said. In YAML a bare key is a line without
 * arguments.
 */
public record Line(String key, Map<String, Object> args) {

  @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
  public Line {
    args = args == null ? Map.of() : Map.copyOf(args);
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static Line of(String key) {
    return new Line(key, Map.of());
  }
}
