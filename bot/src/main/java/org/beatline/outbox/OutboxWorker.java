package org.beatline.outbox;

import io.lettuce.core.Consumer;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.beatline.message.Masking;
import org.beatline.message.Outbound;
import org.beatline.message.SendFailure;
import org.beatline.message.Sender;
import org.beatline.redis.Redis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one channel's outbox with many sends in flight: reads the emergency lane before the
 * reply lane before the bulk lane as a member of a consumer group, keeps one recipient's messages
 * in order, paces sends to the channel's rate across instances, retries what may succeed later,
 * dead-letters what never will, and takes over entries a crashed instance left unacknowledged.
 *
 * <p>An entry that may already have reached the provider (taken over from another consumer, or read
 * again after this worker lost track of it in a Redis outage) is looked up at the provider before
 * it is sent again, where the provider can tell ({@link Sender#find}); where it cannot, such an
 * entry may be sent twice.
 */
public final class OutboxWorker extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);
  // A message waiting for an earlier one to the same recipient on another instance looks again
  // soon at first, then less often, so that a predecessor in a long backoff is not polled often.
  private static final long ORDER_WAIT_MIN_MS = 200;
  private static final long ORDER_WAIT_MAX_MS = 5000;
  private static final Duration ORDER_GIVE_UP = Duration.ofMinutes(15);
  // How long stopping waits for sends already with the provider.
  private static final Duration STOP_WAIT = Duration.ofSeconds(5);
  private static final long MOVE_DUE_EVERY_MS = 100;
  // How soon a read that failed (Redis away) is tried again.
  private static final long RETRY_READ_MS = 250;
  private static final String MOVE_DUE =
      """
      local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, 200)
      for _, json in ipairs(due) do
        local e = cjson.decode(json)
        local lane = cjson.decode(e.m).lane
        local stream = KEYS[3]
        if lane == 'BULK' then stream = KEYS[4] elseif lane == 'EMERGENCY' then stream = KEYS[2] end
        if e.unsure then
          redis.call('XADD', stream, '*', 'm', e.m, 'seq', e.seq, 'attempts', e.attempts, 'at', e.at,
            'unsure', e.unsure)
        else
          redis.call('XADD', stream, '*', 'm', e.m, 'seq', e.seq, 'attempts', e.attempts, 'at', e.at)
        end
        redis.call('ZREM', KEYS[1], json)
      end
      return #due
      """;
  private final Redis redis;
  private final Sender sender;
  private final DeliveryListener listener;
  private final OutboxSettings settings;
  private final OutboxMetrics metrics;
  private final String consumer;
  private final String channel;
  private final List<String> lanes = new ArrayList<>();
  private final List<ArrayDeque<Pending>> queued = new ArrayList<>();
  private final Map<String, Recipient> recipients = new HashMap<>();

  /** The shared texts read lately, by reference: a broadcast's few texts, read once each. */
  private final Map<String, String> texts =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > 64;
        }
      };

  // The entries (stream and id) read and not yet finished here, so that reading this consumer's
  // pending
  // entries again, or a takeover of its own idle ones, never starts an entry twice.
  private final Set<String> held = new HashSet<>();
  // Where reading this consumer's own pending entries again has got in each lane, while it does.
  private final Map<String, String> ownFrom = new HashMap<>();
  private boolean recheck;
  // When Redis last failed this worker: everyone's heartbeat lapses in an outage, so nobody is
  // taken for gone until heartbeats have had time to come back.
  private long troubleAt;
  private final Window window;
  private Acks acks;
  private Pacer pacer;
  private Takeover takeover;
  private Redis reader;
  private boolean running;
  private boolean reading;
  private int inFlight;
  // Sends given up on (timed out) that the sender is still running: they keep their place in the
  // window, so that the next sends never wait behind them in the sender's threads, leaving later
  // than their rate slot (a burst) or after their own timeout (sent twice).
  private int lingering;
  private Promise<Void> stopped;
  private long lastClaim;
  private long lastMove;

  public OutboxWorker(
      Redis redis,
      Sender sender,
      DeliveryListener listener,
      OutboxSettings settings,
      MeterRegistry registry,
      String consumer) {
    this.redis = redis;
    this.sender = sender;
    this.listener = listener;
    this.settings = settings;
    this.consumer = consumer;
    this.channel = sender.channel();
    for (Outbound.Lane lane : Outbound.Lane.values()) {
      lanes.add(OutboxKeys.lane(channel, lane));
      queued.add(new ArrayDeque<>());
    }
    this.metrics = new OutboxMetrics(registry, channel);
    this.window =
        new Window(
            settings.messagesPerSecond(), Math.min(settings.maxInFlight(), sender.concurrency()));
  }

  @Override
  public Future<?> start() {
    reader = redis.dedicated();
    acks = new Acks(redis, context);
    pacer = new Pacer(redis, context, channel, settings.messagesPerSecond());
    takeover = new Takeover(redis, channel, consumer);
    return createGroups()
        .compose(v -> takeover.start(vertx))
        .onSuccess(
            v -> {
              running = true;
              stopped = Promise.promise();
              context.runOnContext(x -> fill());
            });
  }

  /**
   * Stops reading, hands back what was read but not yet sent (and sends waiting for their slot) so
   * that the next instance sends it at once, waits for sends already with the provider for at most
   * {@link #STOP_WAIT}, and writes the acknowledgements. What is still in flight then stays
   * unacknowledged in Redis and is taken over later: nothing is lost.
   */
  @Override
  public Future<?> stop() {
    if (!running) {
      return Future.succeededFuture();
    }
    running = false;
    pacer.stop();
    List<Future<Void>> handedBack = new ArrayList<>();
    for (ArrayDeque<Pending> q : queued) {
      for (Pending p; (p = q.poll()) != null; ) {
        handedBack.add(later(p.raw(), p.entry(), Duration.ZERO));
      }
    }
    for (Recipient r : recipients.values()) {
      for (Pending p; (p = r.waiting.poll()) != null; ) {
        handedBack.add(later(p.raw(), p.entry(), Duration.ZERO));
      }
    }
    settle();
    return Future.join(handedBack)
        .<Void>mapEmpty()
        .otherwiseEmpty()
        .compose(v -> stopped.future())
        .timeout(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)
        .otherwiseEmpty()
        .compose(v -> acks.flush().timeout(1, TimeUnit.SECONDS))
        .eventually(() -> takeover.stop(vertx).timeout(1, TimeUnit.SECONDS))
        .onComplete(
            v -> {
              if (inFlight > 0) {
                LOG.warn("outbox {}: stopped with {} sends unfinished", channel, inFlight);
              }
              reader.close();
            });
  }

  private Future<Void> createGroups() {
    Future<Void> groups = Future.succeededFuture();
    for (String lane : lanes) {
      groups = groups.compose(v -> createGroup(lane));
    }
    return groups;
  }

  private static boolean noGroup(Throwable e) {
    return e.getMessage() != null && e.getMessage().startsWith("NOGROUP");
  }

  private Future<Void> createGroup(String stream) {
    return redis
        .call(
            c ->
                c.xgroupCreate(
                    XReadArgs.StreamOffset.from(stream, "0"),
                    OutboxKeys.GROUP,
                    XGroupCreateArgs.Builder.mkstream()))
        .<Void>mapEmpty()
        .recover(
            e ->
                e.getMessage() != null && e.getMessage().contains("BUSYGROUP")
                    ? Future.succeededFuture()
                    : Future.failedFuture(e));
  }

  /** Reads more entries while the window has room; one read is outstanding at a time. */
  private void fill() {
    if (!running) {
      settle();
      return;
    }
    int here = inFlight + lingering + queuedCount();
    int room = window.size() - here;
    // Busy: wait until a quarter of the window is free, so that one read (and its MGET and the
    // flush before it) serves many messages rather than each completion.
    if (reading || room <= 0 || (here > 0 && room < window.size() / 4)) {
      return;
    }
    reading = true;
    moveDue()
        .compose(v -> claimOrRead(room))
        .compose(read -> progress(read.messages(), read.uncertain()))
        .onComplete(
            r -> {
              reading = false;
              if (r.succeeded()) {
                r.result().forEach(this::queue);
                dispatch();
                context.runOnContext(v -> fill());
              } else if (running && noGroup(r.cause())) {
                // Redis came back empty (no persistence, or a failover that lost data): the
                // streams and the group are made again, and whatever is queued from now on leaves.
                LOG.warn(
                    "outbox {}: the consumer group is gone (Redis restarted empty?): recreating it",
                    channel);
                metrics.groupRecreated();
                createGroups()
                    .onComplete(
                        v -> {
                          if (v.failed()) {
                            LOG.warn(
                                "outbox {}: recreating the group failed: {}",
                                channel,
                                v.cause().toString());
                          }
                          vertx.setTimer(v.succeeded() ? 1 : 1000, t -> fill());
                        });
              } else {
                if (running) {
                  LOG.warn("outbox {}: reading failed: {}", channel, r.cause().toString());
                }
                // A read Redis answered but whose answer was lost left entries pending here.
                recheck();
                vertx.setTimer(RETRY_READ_MS, t -> fill());
              }
            });
  }

  /**
   * Reads entries and, in one MGET, how far each of their recipients' order has got, and the shared
   * texts among them that this worker has not read before. What this worker finished for them is
   * flushed first on the same connection, so the answer includes it. Entries this worker already
   * holds (a takeover or a second read of its own) are left alone.
   */
  private Future<List<Pending>> progress(
      List<StreamMessage<String, String>> read, boolean uncertain) {
    List<StreamMessage<String, String>> raws = new ArrayList<>(read.size());
    List<Entry> entries = new ArrayList<>(read.size());
    Map<String, Integer> keys = new LinkedHashMap<>();
    for (StreamMessage<String, String> raw : read) {
      if (held.contains(Acks.entry(raw.getStream(), raw.getId()))
          || acks.holds(raw.getStream(), raw.getId())) {
        continue;
      }
      Entry entry;
      try {
        entry = Entry.fromFields(raw.getBody());
      } catch (RuntimeException e) {
        LOG.error("outbox {}: unreadable entry {} dropped", channel, raw.getId());
        acks.add(raw.getStream(), raw.getId());
        continue;
      }
      raws.add(raw);
      entries.add(entry);
      held.add(Acks.entry(raw.getStream(), raw.getId()));
      keys.putIfAbsent(OutboxKeys.done(channel, entry.message().address()), keys.size());
      // Known from now on, so that what this worker finishes for the recipient while the MGET is
      // under way is not forgotten: the answer may predate it.
      recipients.computeIfAbsent(entry.message().address(), a -> new Recipient()).known++;
    }
    if (entries.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    acks.flushFor(keys.keySet());
    for (Entry e : entries) {
      if (e.ref() != null && !texts.containsKey(e.ref())) {
        keys.putIfAbsent(OutboxKeys.text(channel, e.ref()), keys.size());
      }
    }
    String[] array = keys.keySet().toArray(String[]::new);
    return redis
        .call(c -> c.mget(array))
        .onFailure(
            e -> {
              entries.forEach(entry -> forget(entry.message().address()));
              raws.forEach(raw -> held.remove(Acks.entry(raw.getStream(), raw.getId())));
              recheck();
            })
        .map(
            values -> {
              for (Entry e : entries) {
                Integer at = e.ref() == null ? null : keys.get(OutboxKeys.text(channel, e.ref()));
                if (at != null && values.get(at).hasValue()) {
                  texts.put(e.ref(), values.get(at).getValue());
                }
              }
              List<Pending> out = new ArrayList<>(entries.size());
              for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                if (e.ref() != null && texts.containsKey(e.ref())) {
                  e = e.withText(texts.get(e.ref()));
                }
                var v = values.get(keys.get(OutboxKeys.done(channel, e.message().address())));
                long done = v.hasValue() ? Long.parseLong(v.getValue()) : 0;
                out.add(new Pending(raws.get(i), e, done, uncertain || e.unsure()));
              }
              return out;
            });
  }

  /** Puts a read entry in its lane's queue; its recipient knows it until it is finished. */
  private void queue(Pending p) {
    queued.get(lanes.indexOf(p.raw().getStream())).add(p);
  }

  /** One entry of the recipient's is finished here or dropped (to be read again later). */
  private void forget(String address) {
    Recipient r = recipients.get(address);
    if (--r.known == 0 && !r.busy && r.waiting.isEmpty()) {
      recipients.remove(address);
    }
  }

  private int queuedCount() {
    int n = 0;
    for (ArrayDeque<?> q : queued) {
      n += q.size();
    }
    return n;
  }

  /** Starts queued entries, highest lane first, while the window has room. */
  private void dispatch() {
    while (running && inFlight + lingering < window.size()) {
      Pending next = null;
      for (ArrayDeque<Pending> q : queued) {
        if (!q.isEmpty()) {
          next = q.poll();
          break;
        }
      }
      if (next == null) {
        return;
      }
      begin(next);
    }
  }

  /** Completes the stop once nothing is in flight any more. */
  private void settle() {
    if (!running && inFlight == 0 && !reading && stopped != null) {
      stopped.tryComplete();
    }
  }

  private Future<Void> moveDue() {
    long now = System.currentTimeMillis();
    if (now - lastMove < MOVE_DUE_EVERY_MS) {
      return Future.succeededFuture();
    }
    lastMove = now;
    String[] keys = new String[lanes.size() + 1];
    keys[0] = OutboxKeys.delayed(channel);
    for (int i = 0; i < lanes.size(); i++) {
      keys[i + 1] = lanes.get(i);
    }
    return redis
        .<Long>eval(MOVE_DUE, ScriptOutputType.INTEGER, keys, Long.toString(now))
        .mapEmpty();
  }

  private Future<Read> claimOrRead(int room) {
    if (recheck) {
      return readOwn(room);
    }
    long now = System.currentTimeMillis();
    if (now - lastClaim >= Math.min(settings.claimIdle().toMillis(), 5000)) {
      lastClaim = now;
      Future<List<StreamMessage<String, String>>> all = Future.succeededFuture(List.of());
      for (String lane : lanes) {
        all =
            all.compose(
                    got ->
                        got.size() >= room || now - troubleAt < 2 * Takeover.GONE_AFTER.toMillis()
                            ? Future.succeededFuture(got)
                            : claimGone(lane, room - got.size()).map(more -> concat(got, more)))
                .compose(
                    got ->
                        got.size() >= room
                            ? Future.succeededFuture(got)
                            : claim(lane, room - got.size()).map(more -> concat(got, more)));
      }
      return all.compose(
          claimed ->
              claimed.isEmpty()
                  ? read(room).map(got -> new Read(got, false))
                  : Future.succeededFuture(new Read(claimed, true)));
    }
    return read(room).map(got -> new Read(got, false));
  }

  /**
   * Takes over entries of consumers that are gone (see {@link Takeover}); when there may be more,
   * the next read looks again at once rather than after the usual pause.
   */
  private Future<List<StreamMessage<String, String>>> claimGone(String stream, int most) {
    return takeover
        .claimGone(stream, most)
        .map(
            claimed -> {
              if (!claimed.isEmpty()) {
                LOG.info(
                    "outbox {}: took over {} entries of an instance that is gone",
                    channel,
                    claimed.size());
                metrics.claimed(claimed.size());
              }
              if (claimed.size() >= most) {
                lastClaim = 0;
              }
              return claimed;
            });
  }

  /** From now on, reads this consumer's own pending entries again before any new one. */
  private void recheck() {
    recheck = true;
    troubleAt = System.currentTimeMillis();
    ownFrom.clear();
  }

  /**
   * Reads this consumer's own pending entries again, from the first, for those that nobody here
   * works on any more: a read whose answer was lost, a retry or an acknowledgement Redis was not
   * there to take. They are read at once when Redis answers again, rather than after {@code
   * claimIdle}. Once nothing is left to read, new entries are read again.
   */
  @SuppressWarnings("unchecked")
  private Future<Read> readOwn(int room) {
    // On the same connection as the read: what it acknowledges is not read again.
    acks.flush();
    XReadArgs.StreamOffset<String>[] offsets =
        lanes.stream()
            .map(lane -> XReadArgs.StreamOffset.from(lane, ownFrom.getOrDefault(lane, "0-0")))
            .toArray(XReadArgs.StreamOffset[]::new);
    return redis
        .call(
            c ->
                c.xreadgroup(
                    Consumer.from(OutboxKeys.GROUP, consumer),
                    XReadArgs.Builder.count(room),
                    offsets))
        .map(
            got -> {
              if (got.isEmpty()) {
                recheck = false;
              }
              got.forEach(raw -> ownFrom.put(raw.getStream(), raw.getId()));
              long mine =
                  got.stream()
                      .filter(raw -> !held.contains(Acks.entry(raw.getStream(), raw.getId())))
                      .count();
              if (mine > 0) {
                LOG.info("outbox {}: reading {} pending entries of its own again", channel, mine);
              }
              return new Read(got, true);
            });
  }

  private Future<List<StreamMessage<String, String>>> claim(String stream, int room) {
    var args =
        XAutoClaimArgs.Builder.xautoclaim(
                Consumer.from(OutboxKeys.GROUP, consumer), settings.claimIdle(), "0-0")
            .count(room);
    return redis
        .call(c -> c.xautoclaim(stream, args))
        .map(
            claimed -> {
              if (!claimed.getMessages().isEmpty()) {
                LOG.info(
                    "outbox {}: took over {} unacknowledged entries",
                    channel,
                    claimed.getMessages().size());
                metrics.claimed(claimed.getMessages().size());
              }
              return claimed.getMessages();
            });
  }

  @SuppressWarnings("unchecked")
  private Future<List<StreamMessage<String, String>>> read(int room) {
    XReadArgs.StreamOffset<String>[] offsets =
        lanes.stream()
            .map(XReadArgs.StreamOffset::lastConsumed)
            .toArray(XReadArgs.StreamOffset[]::new);
    // Nothing in flight: wait on Redis for new entries; otherwise only look, and come back soon.
    XReadArgs args =
        inFlight == 0
            ? XReadArgs.Builder.count(room).block(Duration.ofMillis(250))
            : XReadArgs.Builder.count(room);
    Redis via = inFlight == 0 ? reader : redis;
    return via.call(c -> c.xreadgroup(Consumer.from(OutboxKeys.GROUP, consumer), args, offsets))
        .compose(
            got ->
                got.isEmpty() && inFlight > 0
                    ? vertx.timer(5, TimeUnit.MILLISECONDS).map(List.of())
                    : Future.succeededFuture(got));
  }

  /**
   * Takes one entry in flight, unless an earlier message to the same recipient is in flight here:
   * then it waits behind it, so that one recipient's messages never overtake each other.
   */
  private void begin(Pending p) {
    String address = p.entry().message().address();
    Recipient r = recipients.get(address);
    if (r.busy) {
      r.waiting.add(p);
      return;
    }
    r.busy = true;
    inFlight++;
    deliver(p, r)
        .onComplete(
            done -> {
              if (done.failed()) {
                // The entry stays unacknowledged and is taken over later: nothing is lost.
                LOG.warn(
                    "outbox {}: delivery to {} interrupted: {}",
                    channel,
                    Masking.mask(address),
                    done.cause().toString());
              }
              if (done.failed()) {
                recheck();
              }
              held.remove(Acks.entry(p.raw().getStream(), p.raw().getId()));
              inFlight--;
              r.busy = false;
              Pending held = r.waiting.poll();
              if (held != null) {
                queued.get(0).addFirst(held);
              }
              forget(address);
              dispatch();
              fill();
              settle();
            });
  }

  private Future<Void> deliver(Pending p, Recipient r) {
    StreamMessage<String, String> raw = p.raw();
    Entry entry = p.entry();
    Outbound m = entry.message();
    long done = Math.max(p.done(), r.finished);
    if (done >= entry.seq()) {
      acks.add(raw.getStream(), raw.getId()); // already delivered by another consumer
      return Future.succeededFuture();
    }
    boolean overdue = System.currentTimeMillis() - entry.enqueuedAt() > ORDER_GIVE_UP.toMillis();
    if (done < entry.seq() - 1 && !overdue) {
      return later(raw, entry, orderWait(entry)); // an earlier message is not out yet
    }
    if (entry.ref() != null) {
      // Its text is gone from Redis (kept for days, so lost with data, not by waiting).
      metrics.failed("permanent");
      return toDead(
          raw, entry, r, "permanent", SendFailure.permanent("text_missing", "shared text missing"));
    }
    if (m.lane() == Outbound.Lane.BULK) {
      return listener.mayDeliver(m).compose(ok -> ok ? sendOnce(p, r) : finish(raw, entry, r));
    }
    return sendOnce(p, r);
  }

  /**
   * Sends the entry, unless it may have reached the provider before and the provider says it has
   * it: then it is finished as sent. A lookup that fails sends it: a repeat rather than a loss.
   */
  private Future<Void> sendOnce(Pending p, Recipient r) {
    if (!p.uncertain()) {
      return send(p.raw(), p.entry(), r);
    }
    Outbound m = p.entry().message();
    return sender
        .find(m, p.entry().enqueuedAt())
        .recover(
            e -> {
              LOG.warn(
                  "outbox {}: could not ask whether {} already has its message, sending: {}",
                  channel,
                  Masking.mask(m.address()),
                  e.toString());
              return Future.succeededFuture(null);
            })
        .compose(
            providerId -> {
              if (providerId == null) {
                return send(p.raw(), p.entry(), r);
              }
              metrics.foundSent();
              listener.sent(m, providerId);
              return finish(p.raw(), p.entry(), r);
            });
  }

  private Future<Void> send(StreamMessage<String, String> raw, Entry entry, Recipient r) {
    Outbound m = entry.message();
    return pacer
        .slot()
        .compose(
            v -> {
              long started = System.nanoTime();
              Future<String> sending = sender.send(m);
              // The window follows the provider's latency, not the wait for a slot.
              return sending
                  .timeout(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS)
                  .andThen(x -> window.observe(System.nanoTime() - started))
                  .onFailure(e -> linger(sending));
            })
        .compose(
            providerId -> {
              metrics.sent();
              listener.sent(m, providerId);
              return finish(raw, entry, r);
            },
            failure ->
                failure instanceof Pacer.Stopped
                    ? later(raw, entry, Duration.ZERO) // never sent: the next worker sends it
                    : failed(raw, entry, r, failure));
  }

  /** Keeps a send that timed out in the window until the sender is done with it. */
  private void linger(Future<String> sending) {
    if (sending.isComplete()) {
      return;
    }
    lingering++;
    sending.onComplete(
        x ->
            context.runOnContext(
                v -> {
                  lingering--;
                  dispatch();
                  fill();
                }));
  }

  private Future<Void> failed(
      StreamMessage<String, String> raw, Entry entry, Recipient r, Throwable cause) {
    Outbound m = entry.message();
    // No answer in time: the provider may have the message all the same.
    SendFailure f =
        cause instanceof SendFailure sf
            ? sf
            : SendFailure.unanswered(null, cause.getClass().getSimpleName(), null);
    String who = Masking.mask(m.address());
    switch (f.kind()) {
      case OPTED_OUT -> {
        LOG.info("outbox {}: {} has opted out ({})", channel, who, f.code());
        metrics.failed("opted_out");
        return listener
            .optedOut(m, f)
            .recover(
                e -> {
                  LOG.warn(
                      "outbox {}: recording the opt-out of {} failed: {}",
                      channel,
                      who,
                      e.toString());
                  return Future.succeededFuture();
                })
            .compose(v -> toDead(raw, entry, r, "opted_out", f));
      }
      case PERMANENT -> {
        LOG.warn(
            "outbox {}: permanent failure to {}: {} {}", channel, who, f.code(), f.getMessage());
        metrics.failed("permanent");
        return toDead(raw, entry, r, "permanent", f);
      }
      default -> {
        if (entry.attempts() + 1 >= settings.maxAttempts()) {
          LOG.warn(
              "outbox {}: giving up on {} after {} attempts", channel, who, entry.attempts() + 1);
          metrics.failed("exhausted");
          return toDead(raw, entry, r, "exhausted", f);
        }
        Duration wait = settings.backoff(entry.attempts(), f.retryAfter());
        LOG.info(
            "outbox {}: retry to {} in {} ms ({} {})",
            channel,
            who,
            wait.toMillis(),
            f.code(),
            Masking.text(f.getMessage()));
        metrics.retried();
        return later(raw, entry.retried(f.unanswered()), wait);
      }
    }
  }

  private Future<Void> toDead(
      StreamMessage<String, String> raw, Entry entry, Recipient r, String reason, SendFailure f) {
    Map<String, String> fields = new HashMap<>(entry.toFields());
    fields.put("reason", reason);
    fields.put("code", f.code() == null ? "" : f.code());
    fields.put("error", Masking.text(String.valueOf(f.getMessage())));
    fields.put("failedAt", Long.toString(System.currentTimeMillis()));
    listener.dead(entry.message(), reason);
    return redis
        .call(
            c ->
                c.xadd(
                    OutboxKeys.dead(channel),
                    io.lettuce.core.XAddArgs.Builder.maxlen(10_000).approximateTrimming(),
                    fields))
        .compose(id -> finish(raw, entry, r));
  }

  private static Duration orderWait(Entry entry) {
    long waited = System.currentTimeMillis() - entry.enqueuedAt();
    return Duration.ofMillis(Math.max(ORDER_WAIT_MIN_MS, Math.min(ORDER_WAIT_MAX_MS, waited / 10)));
  }

  /** Puts the entry back for later, keeping its place in the recipient's order. */
  private Future<Void> later(StreamMessage<String, String> raw, Entry entry, Duration wait) {
    double due = System.currentTimeMillis() + wait.toMillis();
    return redis
        .call(c -> c.zadd(OutboxKeys.delayed(channel), due, entry.toJson()))
        .onSuccess(n -> acks.add(raw.getStream(), raw.getId()))
        .mapEmpty();
  }

  /** Marks the entry finished (sent or given up) in the recipient's order; written in batches. */
  private Future<Void> finish(StreamMessage<String, String> raw, Entry entry, Recipient r) {
    r.finished = Math.max(r.finished, entry.seq());
    acks.finished(
        raw.getStream(),
        raw.getId(),
        OutboxKeys.done(channel, entry.message().address()),
        entry.seq());
    return Future.succeededFuture();
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /**
   * An entry read and not yet finished: the stream entry, the message, how far its recipient's
   * order had got in Redis when it was read, and whether it may have reached the provider before.
   */
  private record Pending(
      StreamMessage<String, String> raw, Entry entry, long done, boolean uncertain) {}

  /**
   * Entries read in one go, and whether they may have been handed to the provider before (taken
   * over, or read again by their own consumer).
   */
  private record Read(List<StreamMessage<String, String>> messages, boolean uncertain) {}

  /**
   * One recipient's state on this worker while any of its entries is here: a message in flight,
   * those waiting behind it, and the highest sequence number this worker finished for it.
   */
  private static final class Recipient {
    final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    int known;
    boolean busy;
    long finished;
  }
}
