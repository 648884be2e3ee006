import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a flight recording's CPU samples fall: the methods that were running (self), the methods
 * of Beatline's own code on the stack (total), and the threads, each as a share of all samples.
 *
 * <p>{@code java bench/JfrSummary.java recording.jfr [top]}.
 */
public final class JfrSummary {
  public static void main(String[] args) throws Exception {
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> ours = new HashMap<>();
    Map<String, Integer> threads = new HashMap<>();
    Map<String, Integer> areas = new HashMap<>();
    int samples = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
        continue;
      }
      samples++;
      List<RecordedFrame> frames = e.getStackTrace().getFrames();
      String thread = e.getThread("sampledThread").getJavaName();
      threads.merge(thread == null ? "?" : thread.replaceAll("[0-9]+", "N"), 1, Integer::sum);
      if (!frames.isEmpty()) {
        self.merge(name(frames.get(0)), 1, Integer::sum);
      }
      Set<String> seen = new HashSet<>();
      String area = null;
      for (RecordedFrame f : frames) {
        String n = name(f);
        if (n.startsWith("org.beatline.") && seen.add(n)) {
          ours.merge(n, 1, Integer::sum);
          if (area == null) {
            area = n.replaceAll("^org\\.beatline\\.([a-z]+)\\..*", "$1");
          }
        }
      }
      areas.merge(area == null ? "(outside Beatline's code)" : area, 1, Integer::sum);
    }
    System.out.printf("%,d CPU samples%n", samples);
    print("threads", threads, samples, top);
    print("Beatline package nearest the running method", areas, samples, top);
    print("running method (self)", self, samples, top);
    print("Beatline methods on the stack (total)", ours, samples, top * 2);
  }

  static String name(RecordedFrame f) {
    return f.getMethod().getType().getName() + "." + f.getMethod().getName();
  }

  static void print(String title, Map<String, Integer> counts, int samples, int top) {
    System.out.println("== " + title);
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(top)
        .forEach(e -> System.out.printf("%6.1f%%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
  }

  private JfrSummary() {}
}
