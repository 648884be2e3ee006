package org.beatline.pipeline;

import io.vertx.core.Future;
import java.util.List;
import org.beatline.contact.Contact;
import org.beatline.message.Inbound;
import org.beatline.message.Understood;

/** The smallest conversation: a welcome for a new contact, the menu placeholder after that. */
public final class FirstWelcome implements Conversation {
  @Override
  public Future<Turn> respond(Contact contact, Inbound message, Understood understood) {
    if (contact.isNew()) {
      return Future.succeededFuture(new Turn(List.of(Reply.of("welcome")), "welcome", "start"));
    }
    return Future.succeededFuture(
        new Turn(List.of(Reply.of("menu.placeholder")), "menu", "placeholder"));
  }
}
