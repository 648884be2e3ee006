package org.beatline.nlu;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.beatline.message.Understood;

/**
 * The {@code nlu} command line: {@code parse} messages to JSON, {@code evaluate} a labelled TSV,
 * {@code crossval} the shipped examples, and {@code bench} training time and latency.
 */
public final class NluCommand {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String USAGE =
      """
      usage: nlu parse [--contact LANG] ["text"]   understand one message, or one per stdin line
             nlu evaluate FILE.tsv                 accuracy on a labelled file (lang, intent, text)
             nlu crossval [k] [rounds]             k-fold cross-validation of the examples (k=5),
                                                   repeated with other draws (rounds=1)
             nlu bench                             training time and latency""";

  private NluCommand() {}

  /** Runs {@code args} (without the leading {@code nlu}) and returns the exit code. */
  public static int run(String[] args, InputStream in, PrintStream out, Path conversationsDir) {
    return run(args, in, out, conversationsDir, () -> Nlu.train(conversationsDir));
  }

  /** The same with the models from {@code trained}, which tests share. */
  static int run(
      String[] args,
      InputStream in,
      PrintStream out,
      Path conversationsDir,
      Supplier<Nlu> trained) {
    if (args.length == 0) {
      out.println(USAGE);
      return 2;
    }
    try {
      return switch (args[0]) {
        case "parse" -> parse(args, in, out, trained);
        case "evaluate" -> evaluate(args, out, trained);
        case "crossval" -> crossval(args, out, conversationsDir);
        case "bench" -> bench(out, conversationsDir);
        default -> usage(out, "unknown subcommand " + args[0]);
      };
    } catch (IllegalArgumentException | UncheckedIOException e) {
      out.println("error: " + e.getMessage());
      return 1;
    }
  }

  private static int parse(String[] args, InputStream in, PrintStream out, Supplier<Nlu> trained) {
    String contact = null;
    int i = 1;
    if (args.length > 2 && args[1].equals("--contact")) {
      contact = args[2];
      i = 3;
    }
    if (args.length > i + 1) {
      return usage(out, "quote the message as one argument");
    }
    Nlu nlu = trained.get();
    if (args.length == i + 1) {
      out.println(json(nlu.understand(args[i], contact)));
      return 0;
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        out.println(json(nlu.understand(line, contact)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read standard input", e);
    }
    return 0;
  }

  private static int evaluate(String[] args, PrintStream out, Supplier<Nlu> trained) {
    if (args.length != 2) {
      return usage(out, "evaluate needs one TSV file");
    }
    Path file = Path.of(args[1]);
    if (!Files.isRegularFile(file)) {
      return usage(out, "no such file: " + file);
    }
    Nlu nlu = trained.get();
    Scorecard card = new Scorecard();
    for (Example e : ExampleFiles.readTsv(file)) {
      card.add(e, nlu);
    }
    card.print(out, true);
    return 0;
  }

  private static int crossval(String[] args, PrintStream out, Path dir) {
    int k;
    int rounds;
    try {
      k = args.length > 1 ? Integer.parseInt(args[1]) : 5;
      rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    } catch (NumberFormatException e) {
      return usage(out, "k and rounds must be whole numbers");
    }
    if (k < 2 || rounds < 1 || args.length > 3) {
      return usage(out, "k must be at least 2, rounds at least 1");
    }
    Logging.quietOpenNlp();
    List<LanguageExamples> all = ExampleFiles.read(dir);
    out.printf(
        "%d-fold cross-validation, %d round%s, no contact language given%n",
        k, rounds, rounds == 1 ? "" : "s");
    CrossValidation.run(
            all,
            ExampleFiles.cues(dir, all),
            StockLanguageModel.load(ExampleFiles.languages(dir)),
            k,
            rounds)
        .print(out, true);
    return 0;
  }

  private static int bench(PrintStream out, Path dir) {
    Bench.run(dir, out);
    return 0;
  }

  /** One understood message as the JSON object the command prints. */
  static String json(Understood u) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("language", u.language());
    o.put("intent", u.intent());
    o.put("confidence", round(u.confidence()));
    o.put(
        "alternatives",
        u.alternatives().stream().map(a -> alternative(a.intent(), a.confidence())).toList());
    o.put("emergency", u.emergency());
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  private static Map<String, Object> alternative(String intent, double confidence) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("intent", intent);
    o.put("confidence", round(confidence));
    return o;
  }

  private static double round(double p) {
    return Math.round(p * 1000) / 1000.0;
  }

  private static int usage(PrintStream out, String problem) {
    out.println("error: " + problem);
    out.println(USAGE);
    return 2;
  }
}
