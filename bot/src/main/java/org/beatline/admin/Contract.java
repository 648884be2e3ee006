package org.beatline.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.RequestUtils;
import io.vertx.openapi.validation.RequestValidator;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.beatline.http.Requests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code /api/v1} request checked against the OpenAPI document before it reaches its route:
 * its parameters and its JSON body, with unknown fields, wrong types and out-of-range values
 * refused with 400 and the field and the reason. A body in another format (a CSV upload) is read
 * and checked by its route.
 */
final class Contract {
  private static final Logger LOG = LoggerFactory.getLogger(Contract.class);
  private final Future<OpenAPIContract> contract;
  private final Future<RequestValidator> validator;

  Contract(Vertx vertx, String yaml) {
    JsonObject json;
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> map = new ObjectMapper(new YAMLFactory()).readValue(yaml, Map.class);
      json = new JsonObject(map);
      // The document names its server relatively, as it is served from any host; the validator
      // wants an absolute address, of which it only uses the path.
      json.put(
          "servers",
          new io.vertx.core.json.JsonArray()
              .add(new JsonObject().put("url", "http://localhost" + AdminApi.BASE)));
      forRequestsOnly(json);
    } catch (IOException e) {
      throw new UncheckedIOException("the OpenAPI document cannot be read", e);
    }
    this.contract = OpenAPIContract.from(vertx, json);
    this.validator = contract.map(c -> RequestValidator.create(vertx, c));
    contract.onFailure(e -> LOG.error("the OpenAPI document is not valid: {}", e.getMessage()));
  }

  /** Completes once the document has been read as a valid OpenAPI contract. */
  Future<Void> ready() {
    return validator.mapEmpty();
  }

  /**
   * Keeps what the validator checks requests against: answers, and bodies in formats it does not
   * read (YAML, CSV), are left out of its copy of the document.
   */
  private static void forRequestsOnly(JsonObject doc) {
    JsonObject paths = doc.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.fieldNames()) {
        if (!(item.getValue(method) instanceof JsonObject op) || "parameters".equals(method)) {
          continue;
        }
        op.put(
            "responses",
            new JsonObject().put("default", new JsonObject().put("description", "an answer")));
        JsonObject body = op.getJsonObject("requestBody");
        if (body != null) {
          JsonObject content = body.getJsonObject("content");
          content.fieldNames().removeIf(type -> !type.equals("application/json"));
        }
      }
    }
  }

  /** Passes requests the document allows; refuses the rest with the field and the reason. */
  void check(RoutingContext ctx) {
    Future.all(contract, validator)
        .onFailure(e -> Requests.refuse(ctx, 500, "the API's own description cannot be read"))
        .onSuccess(
            v -> {
              Operation op =
                  contract.result().findOperation(ctx.request().path(), ctx.request().method());
              if (op == null) {
                ctx.next(); // not described: the router answers 404 or 405
                return;
              }
              String type = ctx.request().getHeader("Content-Type");
              boolean empty = ctx.body().length() <= 0;
              if (!empty && (type == null || !type.startsWith("application/json"))) {
                ctx.next(); // a CSV upload, or a body of no known type: its route reads and refuses
                return;
              }
              Buffer body = empty ? null : ctx.body().buffer();
              RequestUtils.extract(ctx.request(), op, () -> Future.succeededFuture(body))
                  .compose(r -> validator.result().validate(r, op.getOperationId()))
                  .onSuccess(ok -> ctx.next())
                  .onFailure(e -> Requests.refuse(ctx, 400, reason(e)));
            });
  }

  private static String reason(Throwable e) {
    if (e instanceof SchemaValidationException s
        && s.getOutputUnit() != null
        && !String.valueOf(s.getMessage()).contains("parameter")) {
      // The deepest error says most: "invitations[0].contactType: ..." rather than "invitations".
      OutputUnit deepest = deepest(s.getOutputUnit());
      String field = field(deepest.getInstanceLocation());
      String error = deepest.getError() == null ? "does not match the schema" : deepest.getError();
      Matcher unknown = UNKNOWN.matcher(error);
      if (unknown.find()) {
        String name = unknown.group(1);
        boolean named = field.equals(name) || field.endsWith("." + name);
        return (named ? field : (field.isEmpty() ? "" : field + ".") + name) + ": unknown field";
      }
      Matcher required = REQUIRED.matcher(error);
      if (required.find()) {
        return (field.isEmpty() ? "" : field + ".") + required.group(1) + ": required";
      }
      return (field.isEmpty() ? "body" : field) + ": " + error;
    }
    if (e instanceof ValidatorException) {
      return e.getMessage();
    }
    return "the request does not match the API's description";
  }

  private static final Pattern UNKNOWN =
      Pattern.compile("Property \"([^\"]+)\" does not match additional properties schema");
  private static final Pattern REQUIRED =
      Pattern.compile("does not have required property \"([^\"]+)\"");

  private static OutputUnit deepest(OutputUnit unit) {
    OutputUnit best = unit;
    if (unit.getErrors() != null) {
      for (OutputUnit child : unit.getErrors()) {
        OutputUnit d = deepest(child);
        if (depth(d) > depth(best) || best == unit) {
          best = d;
        }
      }
    }
    return best;
  }

  private static int depth(OutputUnit unit) {
    String at = unit.getInstanceLocation();
    return at == null ? 0 : at.split("/").length;
  }

  /** {@code /invitations/0/contactType} as {@code invitations[0].contactType}. */
  private static String field(String location) {
    if (location == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (String part : location.replaceFirst("^#", "").split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      if (part.matches("\\d+")) {
        out.append('[').append(part).append(']');
      } else {
        out.append(out.length() == 0 ? "" : ".").append(part);
      }
    }
    return out.toString();
  }
}
