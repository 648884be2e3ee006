# Build stage: the same Maven build as on a developer machine.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY .mvn .mvn
COPY bot/pom.xml bot/pom.xml
RUN mvn -B -ntp -q -pl bot dependency:go-offline || true
COPY bot bot
COPY conversations conversations
COPY translations translations
RUN mvn -B -ntp -q package -DskipTests

# Run stage: a JRE, a non-root user, and the one jar.
FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app beatline \
 && mkdir -p /app/models && chown 10001 /app/models
WORKDIR /app
# The slim jar: no embedded Redis (the container is given REDIS_URL) and no stock language model.
COPY --from=build /src/bot/target/beatline-slim.jar /app/beatline.jar
USER 10001
# The trained intent model is kept here between starts (a volume keeps it between containers).
ENV PORT=8080 JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75" MODEL_CACHE_DIR=/app/models
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${PORT}/health" || exit 1
ENTRYPOINT ["java", "-jar", "/app/beatline.jar"]
CMD ["serve"]
