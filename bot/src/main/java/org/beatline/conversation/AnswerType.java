package org.beatline.conversation;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/** The kinds of answer a step can wait for; each has its parser in {@link Answers}. */
enum AnswerType {
  /** One of the step's options, by number, label or button. */
  CHOICE,
  /** Yes or no, in words of the resident's language, or 1 and 2. */
  YES_NO,
  /** 1 to 5, as digits, words, keycaps or stars. */
  SCALE,
  /** A whole number. */
  NUMBER,
  /** Any text. */
  TEXT,
  /** One of the department's neighbourhoods, by name, alias, ZIP code or number. */
  NEIGHBOURHOOD,
  /** Any text naming a place; a neighbourhood named in it is kept as well. */
  PLACE,
  /** One of the supported languages, by number, name or code. */
  LANGUAGE;

  @JsonCreator
  static AnswerType of(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }

  /** The name used in YAML and in translation keys ({@code answer.reask.yes_no}). */
  String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
