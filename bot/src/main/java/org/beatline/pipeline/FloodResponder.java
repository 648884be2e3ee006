package org.beatline.pipeline;

import io.lettuce.core.ScriptOutputType;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import org.beatline.message.Masking;
import org.beatline.message.Outbound;
import org.beatline.redis.Redis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A phone that floods the line is answered at most {@link #PER_MINUTE} times a minute, then once
 * with a polite notice, then not at all until it slows down; counted in Redis, so every instance
 * shares the count. It stands after safety, so emergency guidance is never limited, and it lets
 * STOP and START through, so anyone can always stop.
 */
final class FloodResponder implements Responder {
  private static final Logger LOG = LoggerFactory.getLogger(FloodResponder.class);
  static final int PER_MINUTE = 20;
  // Counts the sender's messages in the current minute and in the minute before, weighted, so
  // that a burst across a minute's edge is still seen.
  private static final String COUNT =
      """
      local n = redis.call('INCR', KEYS[1])
      if n == 1 then redis.call('EXPIRE', KEYS[1], 120) end
      local before = tonumber(redis.call('GET', KEYS[2]) or '0')
      return n + math.floor(before * tonumber(ARGV[1]))
      """;
  private final Redis redis;
  private final ConsentWords consent;
  private final Say say;
  private final MeterRegistry metrics;

  FloodResponder(Redis redis, ConsentWords consent, Say say, MeterRegistry metrics) {
    this.redis = redis;
    this.consent = consent;
    this.say = say;
    this.metrics = metrics;
  }

  @Override
  public Future<Response> respond(Incoming in) {
    var m = in.message();
    long millis = m.receivedAt().toEpochMilli();
    long minute = millis / 60_000;
    double leftOfPrevious = 1.0 - (millis % 60_000) / 60_000.0;
    String[] keys = {key(in, minute), key(in, minute - 1)};
    return redis
        .<Long>eval(COUNT, ScriptOutputType.INTEGER, keys, Double.toString(leftOfPrevious))
        .compose(
            n -> {
              ConsentWords.Match word = consent.match(m.text());
              boolean stopOrStart = word != null && word.kind() != ConsentWords.Kind.HELP;
              if (n <= PER_MINUTE || stopOrStart) {
                return Future.succeededFuture(); // STOP and START always work
              }
              metrics.counter("beatline_flood_dropped", "channel", m.channel()).increment();
              if (n == PER_MINUTE + 1) {
                LOG.warn(
                    "{} {} is flooding the line: answers paused",
                    m.channel(),
                    Masking.mask(m.address()));
                Outbound notice =
                    say.to(
                        in.contact(),
                        in.contact().language(),
                        "flood.notice",
                        Map.of(),
                        Outbound.Lane.REPLY);
                return Future.succeededFuture(
                    new Response(in.contact(), List.of(notice), "flood", null));
              }
              return Future.succeededFuture(new Response(in.contact(), List.of(), "flood", null));
            });
  }

  /** Tagged by contact, so that both minutes' counts of one sender share a cluster slot. */
  private static String key(Incoming in, long minute) {
    return "flood:{" + in.contact().key() + "}:" + minute;
  }
}
