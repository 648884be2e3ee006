package org.beatline.outbox;

import io.vertx.core.Future;
import org.beatline.message.Outbound;
import org.beatline.message.SendFailure;

/**
 * What the outbox tells the layers above about deliveries, so that a provider's "opted out" or a
 * send to someone who stopped meanwhile is acted on without the outbox knowing about contacts.
 */
public interface DeliveryListener {

  /** Whether a bulk message may still go to its recipient (consent can change while it waits). */
  Future<Boolean> mayDeliver(Outbound message);

  /** The provider took the message. */
  default void sent(Outbound message, String providerId) {}

  /** The provider says the recipient opted out or blocked us. */
  Future<Void> optedOut(Outbound message, SendFailure failure);

  /** The message was given up on and moved to the dead-letter stream. */
  default void dead(Outbound message, String reason) {}
}
