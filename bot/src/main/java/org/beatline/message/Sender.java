package org.beatline.message;

import io.vertx.core.Future;
import java.util.List;

/**
 * The outbox's only view of a provider: send one message, succeed with the provider's id for it, or
 * fail with a {@link SendFailure} that says whether trying again can help.
 */
public interface Sender {

  /** The channel this sender serves, as in {@link Outbound#channel()}. */
  String channel();

  /** Sends one message. Must not block the calling thread. */
  Future<String> send(Outbound message);

  /**
   * The provider's id for this message if the provider already has it, created no earlier than
   * {@code since} (epoch milliseconds); null if it has not, or if this provider cannot tell. The
   * outbox asks before it sends again a message that an instance which died mid-send may have sent.
   */
  default Future<String> find(Outbound message, long since) {
    return Future.succeededFuture(null);
  }

  /**
   * The texts one message is sent as, in order: a channel with a length limit splits long text (SMS
   * at word boundaries); the default sends it whole.
   */
  default List<String> split(Outbound message) {
    return List.of(message.text());
  }

  /**
   * The most sends this sender runs at once; the outbox keeps no more in flight, so that a send
   * never waits for the sender's threads and its timeout measures the provider alone.
   */
  default int concurrency() {
    return Integer.MAX_VALUE;
  }
}
