package org.beatline.conversation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConversationsTest {

  @Test
  void realContentLoadsAndValidates() {
    assertFalse(Content.CONVERSATIONS.flowIds().isEmpty());
    assertTrue(Content.CONVERSATIONS.flowIds().contains("survey.community"));
  }
}
