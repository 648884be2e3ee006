package org.beatline.admin;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A JSON request body read field by field, refusing the first unknown field, wrong type or missing
 * value with a 400 that names the field and the reason.
 */
final class Body {
  /** Why a body was refused: the field and the reason, as the 400 answer says it. */
  static final class Invalid extends RuntimeException {
    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  private final JsonObject json;

  private Body(JsonObject json) {
    this.json = json;
  }

  /** The request's JSON object, accepting only {@code fields}. */
  static Body of(RoutingContext ctx, Set<String> fields) {
    JsonObject json;
    try {
      json = ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      throw new Invalid("body must be a JSON object");
    }
    if (json == null) {
      throw new Invalid("body must be a JSON object");
    }
    for (String f : json.fieldNames()) {
      if (!fields.contains(f)) {
        throw new Invalid(f + ": unknown field");
      }
    }
    return new Body(json);
  }

  /** How many fields the body has. */
  int size() {
    return json.size();
  }

  boolean has(String field) {
    return json.containsKey(field);
  }

  /** A string field; null when absent and not {@code required}. */
  String string(String field, boolean required, int maxLength) {
    Object v = json.getValue(field);
    if (v == null) {
      if (required) {
        throw new Invalid(field + ": required");
      }
      return null;
    }
    if (!(v instanceof String s)) {
      throw new Invalid(field + ": must be a string");
    }
    if (s.isBlank() && required) {
      throw new Invalid(field + ": must not be empty");
    }
    if (s.length() > maxLength) {
      throw new Invalid(field + ": longer than " + maxLength + " characters");
    }
    return s.strip();
  }

  /** A list of strings; empty when absent. */
  List<String> strings(String field, int maxItems) {
    Object v = json.getValue(field);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof JsonArray a) || a.size() > maxItems) {
      throw new Invalid(field + ": must be an array of at most " + maxItems + " strings");
    }
    List<String> out = new ArrayList<>();
    for (Object o : a) {
      if (!(o instanceof String s) || s.isBlank() || s.length() > 64) {
        throw new Invalid(field + ": must be an array of strings");
      }
      out.add(s.strip());
    }
    return out;
  }

  /** A whole number from {@code min} to {@code max}; null when absent. */
  Integer integer(String field, int min, int max) {
    Object v = json.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Integer || v instanceof Long)
        || ((Number) v).longValue() < min
        || ((Number) v).longValue() > max) {
      throw new Invalid(field + ": must be a whole number from " + min + " to " + max);
    }
    return ((Number) v).intValue();
  }

  /** A JSON array field; null when absent. */
  JsonArray array(String field) {
    Object v = json.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonArray a)) {
      throw new Invalid(field + ": must be an array");
    }
    return a;
  }

  /** A JSON object field; null when absent. */
  JsonObject object(String field) {
    Object v = json.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonObject o)) {
      throw new Invalid(field + ": must be an object of language: text");
    }
    return o;
  }

  /** A boolean; {@code fallback} when absent. */
  boolean bool(String field, boolean fallback) {
    Object v = json.getValue(field);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof Boolean b)) {
      throw new Invalid(field + ": must be true or false");
    }
    return b;
  }
}
