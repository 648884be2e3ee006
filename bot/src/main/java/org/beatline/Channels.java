package org.beatline;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beatline.channel.Channel;
import org.beatline.channel.telegram.TelegramChannel;
import org.beatline.channel.twilio.DeliveryReports;
import org.beatline.channel.twilio.TwilioChannel;
import org.beatline.channel.web.WebChannel;
import org.beatline.config.Config;
import org.beatline.contact.ConsentLedger;
import org.beatline.contact.Contacts;
import org.beatline.message.ChannelTraits;
import org.beatline.message.Sender;
import org.beatline.outbox.Outbox;
import org.beatline.pipeline.Pipeline;
import org.beatline.redis.Redis;

/**
 * Every channel adapter and the outbox over their senders. The adapters are built first, so that
 * the outbox knows every sender (and how it splits long text) from the start; a new channel is one
 * line in {@link #Channels}.
 */
final class Channels {
  private final List<Channel> all;
  private final Map<String, ChannelTraits> traits = new LinkedHashMap<>();
  private final Outbox outbox;
  private Pipeline pipeline;

  Channels(
      Vertx vertx,
      Config config,
      Redis redis,
      MeterRegistry registry,
      Contacts contacts,
      ConsentLedger ledger,
      String phoneRegion) {
    this.all =
        List.of(
            new TwilioChannel(
                vertx,
                config,
                new DeliveryReports(redis, contacts, ledger, registry, phoneRegion),
                redis,
                registry,
                phoneRegion),
            new TelegramChannel(vertx, config, redis, registry),
            new WebChannel(vertx, redis, config));
    Map<String, Sender> senders = new LinkedHashMap<>();
    all.forEach(
        c -> {
          senders.put(c.id(), c.sender());
          traits.put(c.id(), c.traits());
        });
    this.outbox = new Outbox(redis, senders);
  }

  /** What a channel can carry; a channel without an adapter (the terminal) is plain. */
  ChannelTraits traits(String channel) {
    return traits.getOrDefault(channel, ChannelTraits.PLAIN);
  }

  List<Channel> all() {
    return all;
  }

  Outbox outbox() {
    return outbox;
  }

  Pipeline pipeline() {
    return pipeline;
  }

  /** Hands every adapter's inbound messages to {@code pipeline}. */
  void connect(Pipeline pipeline) {
    this.pipeline = pipeline;
  }

  /** Starts what the adapters run on their own (long polling). */
  void start() {
    all.forEach(c -> c.start(pipeline));
  }

  void stop() {
    all.forEach(Channel::stop);
  }
}
