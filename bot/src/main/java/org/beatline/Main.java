package org.beatline;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.beatline.config.Config;
import org.beatline.config.Content;
import org.beatline.message.Inbound;
import org.beatline.message.Outbound;
import org.beatline.nlu.NluCommand;
import org.beatline.pipeline.Handled;

/** The command line: {@code serve} (the default), {@code chat}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    String command = args.length == 0 ? "serve" : args[0];
    String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
    int code;
    try {
      code =
          switch (command) {
            case "serve" -> serve();
            case "chat" -> chat();
            case "nlu" ->
                NluCommand.run(
                    rest,
                    System.in,
                    System.out,
                    Content.folder(System.getenv("CONVERSATIONS_DIR"), "conversations"));
            case "help", "--help", "-h" -> usage(0);
            default -> usage(2);
          };
    } catch (IllegalArgumentException e) {
      System.err.println("beatline: " + e.getMessage());
      code = 2;
    } catch (Exception e) { // also what await() rethrows unchecked, such as a port in use
      System.err.println("beatline: cannot start: " + e.getMessage());
      code = 1;
    }
    if (code != 0 || !"serve".equals(command)) {
      System.exit(code);
    }
  }

  private static int usage(int code) {
    (code == 0 ? System.out : System.err)
        .println(
            """
            usage: java -jar beatline.jar [serve | chat | nlu …]
              serve                      run the service (default): webhooks, simulator, outbox
              chat                       talk to the bot in this terminal
              nlu parse ["text"]         what Beatline understands (one JSON object per line)
              nlu evaluate FILE.tsv      accuracy on labelled messages (columns lang, intent, text)
              nlu crossval [k] [rounds]  k-fold cross-validation on the shipped examples
              nlu bench                  training time and per-message latency""");
    return code;
  }

  private static int serve() {
    Config config = Config.fromEnvironment();
    Beatline app = Beatline.start(config).await();
    Runtime.getRuntime().addShutdownHook(new Thread(app::close, "shutdown"));
    String base = "http://localhost:" + app.port();
    StringBuilder banner = new StringBuilder("\nBeatline is running on port " + app.port() + "\n");
    banner.append("  simulator:  ").append(base).append("/simulator\n");
    app.channels()
        .forEach(
            c ->
                banner
                    .append("  ")
                    .append(String.format("%-10s", c.id() + ":"))
                    .append(" ")
                    .append(c.live() ? "live" : "dry run (no credentials: sends are logged)")
                    .append('\n'));
    banner
        .append("  redis:      ")
        .append(config.redisUrl() == null ? "embedded" : "external")
        .append('\n');
    if (config.adminTokenGenerated()) {
      banner
          .append("  admin token (generated, dev only): ")
          .append(config.adminToken())
          .append('\n');
    }
    System.out.println(banner);
    return 0;
  }

  private static int chat() throws IllegalArgumentException {
    Config config = Config.from(java.util.Map.of("PORT", "0"));
    try (Beatline app = Beatline.start(config).await();
        BufferedReader in =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      System.out.println("Talk to Beatline as a resident would. An empty line or Ctrl-D ends.");
      String address = "terminal-" + ProcessHandle.current().pid();
      while (true) {
        System.out.print("you> ");
        System.out.flush();
        String line = in.readLine();
        if (line == null || line.isBlank()) {
          return 0;
        }
        Inbound message = Inbound.text("terminal", address, null, line);
        io.vertx.core.Promise<Handled> answered = io.vertx.core.Promise.promise();
        app.vertx().runOnContext(v -> app.pipeline().handle(message, false).onComplete(answered));
        Handled h = answered.future().await();
        for (Outbound o : h.replies()) {
          System.out.println("bot> " + o.text());
        }
      }
    } catch (java.io.IOException e) {
      System.err.println("beatline: " + e.getMessage());
      return 1;
    }
  }
}
