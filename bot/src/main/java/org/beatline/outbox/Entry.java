package org.beatline.outbox;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.beatline.message.Outbound;

/**
 * An outbound message as it waits in the outbox: the message, its place in the recipient's order,
 * how often it was tried, when it was first queued, and whether an earlier try may have reached the
 * provider although it failed (then the provider is asked before it is sent again). A text that
 * many messages share (a broadcast's) is kept once, under {@code ref}, and the entry carries only
 * that reference until a worker reads it back.
 */
record Entry(
    Outbound message, long seq, int attempts, long enqueuedAt, boolean unsure, String ref) {

  Entry(Outbound message, long seq, int attempts, long enqueuedAt) {
    this(message, seq, attempts, enqueuedAt, false, null);
  }

  Map<String, String> toFields() {
    Map<String, String> f = new HashMap<>();
    f.put("m", encodeMessage());
    f.put("seq", Long.toString(seq));
    f.put("attempts", Integer.toString(attempts));
    f.put("at", Long.toString(enqueuedAt));
    if (unsure) {
      f.put("unsure", "1");
    }
    return f;
  }

  static Entry fromFields(Map<String, String> f) {
    JsonObject m = new JsonObject(f.get("m"));
    return new Entry(
        decode(m),
        Long.parseLong(f.get("seq")),
        Integer.parseInt(f.getOrDefault("attempts", "0")),
        Long.parseLong(f.getOrDefault("at", "0")),
        "1".equals(f.get("unsure")),
        m.getString("ref"));
  }

  /** The entry for its next attempt; {@code unsure} if this one may have reached the provider. */
  Entry retried(boolean unsure) {
    return new Entry(message, seq, attempts + 1, enqueuedAt, this.unsure || unsure, ref);
  }

  /** The entry with its shared text read back in place of the reference. */
  Entry withText(String text) {
    Outbound m = message;
    return new Entry(
        new Outbound(
            m.id(), m.channel(), m.address(), text, m.options(), m.lane(), m.key(), m.language()),
        seq,
        attempts,
        enqueuedAt,
        unsure,
        null);
  }

  String toJson() {
    return new JsonObject((Map) toFields()).encode();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static Entry fromJson(String json) {
    Map raw = new JsonObject(json).getMap();
    return fromFields((Map<String, String>) raw);
  }

  /**
   * The message as JSON, written directly: a broadcast queues a hundred thousand of these, and a
   * general-purpose encoder costs several times more per entry.
   */
  String encodeMessage() {
    Outbound m = message;
    StringBuilder b = new StringBuilder(160 + (ref == null ? m.text().length() : 0));
    b.append('{');
    field(b, "id", m.id()).append(',');
    field(b, "channel", m.channel()).append(',');
    field(b, "address", m.address()).append(',');
    if (ref == null) {
      field(b, "text", m.text()).append(',');
    } else {
      field(b, "ref", ref).append(',');
    }
    b.append("\"options\":[");
    for (int i = 0; i < m.options().size(); i++) {
      Outbound.Option o = m.options().get(i);
      b.append(i == 0 ? "{" : ",{");
      field(b, "l", o.label()).append(',');
      field(b, "v", o.value()).append('}');
    }
    b.append("],");
    field(b, "lane", m.lane().name()).append(',');
    field(b, "key", m.key()).append(',');
    field(b, "language", m.language());
    return b.append('}').toString();
  }

  private static StringBuilder field(StringBuilder b, String name, String value) {
    b.append('"').append(name).append("\":");
    if (value == null) {
      return b.append("null");
    }
    return b.append('"').append(JsonStringEncoder.getInstance().quoteAsString(value)).append('"');
  }

  private static Outbound decode(JsonObject j) {
    List<Outbound.Option> options =
        j.getJsonArray("options", new JsonArray()).stream()
            .map(o -> (JsonObject) o)
            .map(o -> new Outbound.Option(o.getString("l"), o.getString("v")))
            .toList();
    return new Outbound(
        j.getString("id"),
        j.getString("channel"),
        j.getString("address"),
        j.getString("text", ""),
        options,
        Outbound.Lane.valueOf(j.getString("lane")),
        j.getString("key"),
        j.getString("language"));
  }
}
