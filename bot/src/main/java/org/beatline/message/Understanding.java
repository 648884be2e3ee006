package org.beatline.message;

/** The port through which the pipeline asks what a message means. Pure and synchronous. */
public interface Understanding {

  /**
   * Understands {@code text}; {@code contactLanguage} is the language already known for the contact
   * (null for a first message) and wins over a weak guess.
   */
  Understood understand(String text, String contactLanguage);
}
