import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes Twilio-signed inbound message webhooks for {@code bench/webhooks.lua} to replay with wrk:
 * one file per wrk thread, one request a line ({@code signature TAB form body}). Every request has
 * its own {@code MessageSid}; each number writes in one of the seven languages and follows a
 * resident's journey of {@link #JOURNEY} messages (a greeting, a menu choice or survey answer, a
 * question, a concern with its place and how to be contacted, thanks, then questions drawn from the
 * intent examples). Numbers come in cohorts of {@code --window}: a cohort's numbers take turns, so
 * one number's messages are a window apart (never two in flight at once, and far below the flood
 * limit), and a new cohort of numbers starts when one has finished its journeys. The mix is thus
 * the same whatever rate wrk reaches.
 *
 * <p>Options: {@code --out DIR --files 2 --count N --window 2000 --url BASE --token T --tag RUN
 * --first-number 0}.
 */
public final class WebhookRequests {
  static final List<String> LANGUAGES = List.of("en", "es", "vi", "zh", "ar", "so", "my");
  static final String ACCOUNT = "AC" + "0123456789abcdef0123456789abcdef";
  static final String TO = "+15550100000";
  static final List<String> ANSWERS = List.of("1", "2", "3", "4", "5", "👍");
  static final int JOURNEY = 12;
  static final List<String> NOT_DRAWN = List.of("opt_out", "opt_in", "emergency");

  public static void main(String[] args) throws Exception {
    Map<String, String> o = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    Path out = Path.of(o.getOrDefault("out", "."));
    int files = Integer.parseInt(o.getOrDefault("files", "2"));
    long count = Long.parseLong(o.getOrDefault("count", "100000"));
    int window = Integer.parseInt(o.getOrDefault("window", "2000"));
    int firstNumber = Integer.parseInt(o.getOrDefault("first-number", "0"));
    String url = o.getOrDefault("url", "http://127.0.0.1:8080") + "/webhooks/twilio";
    String token = o.getOrDefault("token", "bench-auth-token-0123456789");
    String tag = o.getOrDefault("tag", "run");
    Path conversations = Path.of(o.getOrDefault("conversations", "conversations"));

    Map<String, Map<String, List<String>>> examples = new HashMap<>();
    for (String lang : LANGUAGES) {
      examples.put(lang, intents(conversations.resolve("intents/" + lang + ".yaml")));
    }
    Map<String, List<String>> places = places(conversations.resolve("department.yaml"));

    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
    Files.createDirectories(out);
    List<BufferedWriter> writers = new ArrayList<>();
    for (int f = 0; f < files; f++) {
      writers.add(Files.newBufferedWriter(out.resolve("requests-" + f + ".txt")));
    }
    Random random = new Random(tag.hashCode());
    Map<String, Integer> mix = new TreeMap<>();
    for (long i = 0; i < count; i++) {
      long cohort = i / ((long) window * JOURNEY);
      int n = firstNumber + (int) (cohort * window + i % window);
      int k = (int) (i / window % JOURNEY);
      String lang = LANGUAGES.get(n % LANGUAGES.size());
      String kind = kind(k, random);
      String text = text(kind, examples.get(lang), places.get(lang), random);
      mix.merge(kind, 1, Integer::sum);
      Map<String, String> form = form(phone(n), text, "SM" + tag + "x" + Long.toHexString(i));
      BufferedWriter w = writers.get((int) (i % files));
      w.write(sign(mac, url, form));
      w.write('\t');
      w.write(encode(form));
      w.write('\n');
    }
    for (BufferedWriter w : writers) {
      w.close();
    }
    System.out.printf(
        "%,d signed webhooks from %,d numbers in %s, %d files: %s%n",
        count, (count + JOURNEY - 1) / JOURNEY, LANGUAGES, files, mix);
  }

  /** What a number's k-th message is: a resident's journey, then questions. */
  static String kind(int k, Random random) {
    return switch (k) {
      case 0 -> "greeting";
      case 1 -> "answer";
      case 2 -> "question";
      case 3 -> "concern";
      case 4 -> "place";
      case 5 -> "answer";
      case 6 -> "thanks";
      default -> random.nextInt(500) == 0 ? "emergency" : "question";
    };
  }

  static String text(
      String kind, Map<String, List<String>> intents, List<String> places, Random random) {
    return switch (kind) {
      case "answer" -> ANSWERS.get(random.nextInt(ANSWERS.size()));
      case "place" -> places.get(random.nextInt(places.size()));
      case "concern" -> pick(intents.get("concern.report"), random);
      case "greeting", "thanks", "emergency" -> pick(intents.get(kind), random);
      default -> {
        List<String> names =
            intents.keySet().stream().filter(i -> !NOT_DRAWN.contains(i)).sorted().toList();
        yield pick(intents.get(names.get(random.nextInt(names.size()))), random);
      }
    };
  }

  static String pick(List<String> list, Random random) {
    return list.get(random.nextInt(list.size()));
  }

  /** A US number of the department's area codes, distinct for each n below ten million. */
  static String phone(int n) {
    String[] areas = {"612", "651", "763", "952"};
    return "+1" + areas[n % areas.length] + String.format("%07d", 2_000_000 + n / areas.length);
  }

  /** The fields Twilio posts for an inbound SMS, in the order it sends them. */
  static Map<String, String> form(String from, String body, String sid) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("ToCountry", "US");
    f.put("ToState", "MN");
    f.put("SmsMessageSid", sid);
    f.put("NumMedia", "0");
    f.put("ToCity", "SAINT PAUL");
    f.put("FromZip", "55101");
    f.put("SmsSid", sid);
    f.put("FromState", "MN");
    f.put("SmsStatus", "received");
    f.put("FromCity", "SAINT PAUL");
    f.put("Body", body);
    f.put("FromCountry", "US");
    f.put("To", TO);
    f.put("ToZip", "55101");
    f.put("NumSegments", "1");
    f.put("MessageSid", sid);
    f.put("AccountSid", ACCOUNT);
    f.put("From", from);
    f.put("ApiVersion", "2010-04-01");
    return f;
  }

  /** Twilio's signature: HMAC-SHA1 of the URL and every parameter, name then value, by name. */
  static String sign(Mac mac, String url, Map<String, String> form) {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(form).forEach((k, v) -> data.append(k).append(v));
    return Base64.getEncoder()
        .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
  }

  static String encode(Map<String, String> form) {
    StringBuilder s = new StringBuilder();
    form.forEach(
        (k, v) -> {
          if (s.length() > 0) {
            s.append('&');
          }
          s.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
              .append('=')
              .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
    return s.toString();
  }

  @SuppressWarnings("unchecked")
  static Map<String, List<String>> intents(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      Map<String, Object> doc = new Yaml().load(in);
      Map<String, List<String>> out = new TreeMap<>();
      ((Map<String, List<Object>>) doc.get("intents"))
          .forEach((k, v) -> out.put(k, v.stream().map(String::valueOf).toList()));
      return out;
    }
  }

  /** Each language's names of the neighbourhoods, and their ZIP codes, as residents answer. */
  @SuppressWarnings("unchecked")
  static Map<String, List<String>> places(Path department) throws IOException {
    try (InputStream in = Files.newInputStream(department)) {
      Map<String, Object> doc = new Yaml().load(in);
      Map<String, List<String>> out = new HashMap<>();
      for (Map<String, Object> nb : (List<Map<String, Object>>) doc.get("neighbourhoods")) {
        Map<String, String> names = (Map<String, String>) nb.get("names");
        for (String lang : LANGUAGES) {
          List<String> list = out.computeIfAbsent(lang, l -> new ArrayList<>());
          list.add(names.getOrDefault(lang, names.get("en")));
          ((List<Object>) nb.get("zips")).forEach(z -> list.add(String.valueOf(z)));
        }
      }
      return out;
    }
  }

  private WebhookRequests() {}
}
