package org.beatline.conversation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.beatline.i18n.Catalogue;

/**
 * Everything staff write in {@code conversations/}: the department profile, the engine settings,
 * the flows and the surveys, read and checked together so that a broken reference fails at start.
 */
public final class Conversations {
  static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .registerModule(new JavaTimeModule())
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

  private final Department department;
  private final Settings settings;
  private final Map<String, Flow> flows;
  private final List<Survey> surveys;
  private final Catalogue catalogue;
  private final Answers answers;

  Conversations(
      Department department,
      Settings settings,
      Map<String, Flow> flows,
      List<Survey> surveys,
      Catalogue catalogue) {
    this.department = department;
    this.settings = settings;
    this.flows = Map.copyOf(flows);
    this.surveys = List.copyOf(surveys);
    this.catalogue = catalogue;
    this.answers = new Answers(catalogue, department);
  }

  /**
   * Reads {@code department.yaml}, {@code engine.yaml}, {@code flows/} and {@code surveys/} and
   * checks every key, flow and step they name.
   *
   * @throws ConversationException naming the file at fault
   */
  public static Conversations load(Path dir, Catalogue catalogue) {
    return load(dir, catalogue, readDepartment(dir));
  }

  /** The department profile of a conversations folder, read once for the whole service. */
  public static Department readDepartment(Path dir) {
    return department(dir.resolve("department.yaml"));
  }

  /** Loads the flows of {@code dir} for a department profile already read. */
  public static Conversations load(Path dir, Catalogue catalogue, Department department) {
    Settings settings = read(dir.resolve("engine.yaml"), Settings.class);
    Map<String, Flow> flows = new LinkedHashMap<>();
    for (Path file : yamlFiles(dir.resolve("flows"))) {
      Flow raw = read(file, Flow.class);
      String id = baseName(file);
      flows.put(
          id,
          new Flow(
              id,
              raw.expiry(),
              raw.onExpiry(),
              raw.triggers(),
              raw.start(),
              raw.steps(),
              raw.aside(),
              raw.back(),
              raw.stay()));
    }
    List<Survey> surveys = new ArrayList<>();
    for (Path file : yamlFiles(dir.resolve("surveys"))) {
      Survey s = read(file, Survey.class);
      Survey survey =
          new Survey(
              baseName(file),
              s.title(),
              s.menu(),
              s.keyword(),
              s.intro(),
              s.thanks(),
              s.expiry(),
              s.questions(),
              s.variants());
      surveys.add(survey);
      flows.put(SurveyFlows.flowId(survey.id()), SurveyFlows.flow(survey));
      for (String variant : new java.util.TreeSet<>(survey.variants().keySet())) {
        flows.put(SurveyFlows.flowId(survey.id(), variant), SurveyFlows.flow(survey, variant));
      }
    }
    Conversations conversations =
        new Conversations(department, settings, flows, surveys, catalogue);
    Validation.check(conversations);
    return conversations;
  }

  @SuppressWarnings("unchecked")
  private static Department department(Path file) {
    Map<String, Object> raw = read(file, Map.class);
    Department typed = YAML.convertValue(raw, Department.class);
    return new Department(
        typed.name(),
        typed.timeZone(),
        typed.defaultLanguage(),
        typed.languages(),
        typed.neighbourhoods(),
        typed.concernAnswerWorkingDays(),
        typed.phoneRegion(),
        raw);
  }

  private static <T> T read(Path file, Class<T> type) {
    try (InputStream in = Files.newInputStream(file)) {
      return YAML.readValue(in, type);
    } catch (IOException e) {
      throw new ConversationException(
          name(file) + ": " + e.getMessage().lines().findFirst().orElse(""), e);
    }
  }

  private static List<Path> yamlFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().matches(".+\\.ya?ml")).sorted().toList();
    } catch (IOException e) {
      throw new ConversationException("cannot list " + name(dir), e);
    }
  }

  private static String baseName(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.lastIndexOf('.'));
  }

  static String name(Path file) {
    Path parent = file.getParent();
    return parent == null ? file.toString() : parent.getFileName() + "/" + file.getFileName();
  }

  /** The confidence at or above which an intent is acted on; below it the bot does not guess. */
  public double confident() {
    return settings.confident();
  }

  public Department department() {
    return department;
  }

  public Catalogue catalogue() {
    return catalogue;
  }

  /** The ids of all flows, surveys included as {@code survey.<id>}. */
  public Collection<String> flowIds() {
    return flows.keySet();
  }

  /** The ids of the surveys, for invitations ({@code survey.<id>.invite} is the key to send). */
  public List<String> surveyIds() {
    return surveys.stream().map(Survey::id).toList();
  }

  /** Every survey's questions, for reading its results. */
  public List<SurveyOutline> surveyOutlines() {
    return surveys.stream().map(SurveyOutline::of).toList();
  }

  Settings settings() {
    return settings;
  }

  Flow flow(String id) {
    Flow flow = flows.get(id);
    if (flow == null) {
      throw new IllegalStateException("no flow " + id);
    }
    return flow;
  }

  /**
   * The flow a survey invitation opens: {@code <survey>/<contact type>} is that variant when the
   * survey has one, otherwise the survey's own questions; null for a survey that no longer exists.
   */
  Flow invitedSurvey(String invitation) {
    int slash = invitation.indexOf('/');
    String survey = slash < 0 ? invitation : invitation.substring(0, slash);
    Flow variant =
        slash < 0 ? null : flows.get(SurveyFlows.flowId(survey, invitation.substring(slash + 1)));
    return variant != null ? variant : flows.get(SurveyFlows.flowId(survey));
  }

  boolean hasFlow(String id) {
    return flows.containsKey(id);
  }

  Collection<Flow> flows() {
    return flows.values();
  }

  List<Survey> surveys() {
    return surveys;
  }

  Answers answers() {
    return answers;
  }

  /** The flow that handles {@code intent}: an exact trigger wins over a glob. */
  String route(String intent) {
    if (intent == null) {
      return null;
    }
    String glob = null;
    for (Flow flow : flows.values()) {
      for (String trigger : flow.triggers().intents()) {
        if (trigger.equals(intent)) {
          return flow.id();
        }
        if (glob == null && Conditions.matches(trigger, intent)) {
          glob = flow.id();
        }
      }
    }
    return glob;
  }

  /** The flow whose trigger keyword is the whole message, or null. */
  String keywordFlow(Run run) {
    for (Flow flow : flows.values()) {
      for (String key : flow.triggers().keywords()) {
        if (Words.isOneOf(catalogue, run.language(), key, run.turn().text())) {
          return flow.id();
        }
      }
    }
    for (Survey survey : surveys) {
      if (survey.keyword() != null
          && Words.isOneOf(catalogue, run.language(), survey.keyword(), run.turn().text())) {
        return SurveyFlows.flowId(survey.id());
      }
    }
    return null;
  }
}
