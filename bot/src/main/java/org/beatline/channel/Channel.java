package org.beatline.channel;

import io.vertx.ext.web.Router;
import org.beatline.message.ChannelTraits;
import org.beatline.message.Sender;
import org.beatline.pipeline.Pipeline;

/**
 * One provider's adapter: its webhook routes (verify, parse, hand to the pipeline) and its {@link
 * Sender} for the outbox. Adding a provider is one more implementation and its contract test.
 */
public interface Channel {

  /** The channel id used in contacts and outbox streams. */
  String id();

  /** Whether real credentials are configured; a dry channel only logs what it would send. */
  boolean live();

  /** What the channel can show and how fast it may send. */
  ChannelTraits traits();

  /** Adds the channel's webhook routes, which hand what arrives to {@code pipeline}. */
  void routes(Router router, Pipeline pipeline);

  /** What the outbox sends this channel's messages through. */
  Sender sender();

  /** Starts anything the channel runs on its own (long polling); most channels run nothing. */
  default void start(Pipeline pipeline) {}

  default void stop() {}
}
