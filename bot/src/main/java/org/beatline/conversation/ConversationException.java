package org.beatline.conversation;

/** A flow, survey or profile that cannot be used; the message names the file and what is wrong. */
public final class ConversationException extends RuntimeException {
  public ConversationException(String message) {
    super(message);
  }

  public ConversationException(String message, Throwable cause) {
    super(message, cause);
  }
}
