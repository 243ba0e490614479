# syntax=docker/dockerfile:1
# Koopera's runtime image, on the jar that `./mvnw -B -DskipTests package` builds (ui/target/koopera.jar).
# Runs as uid 10001 and writes only to /tmp and the data directory, so it works with a read-only root file system
# when both are volumes (the Helm chart mounts an emptyDir on /tmp and keeps the data directory under it).
ARG JAVA_VERSION=25
FROM eclipse-temurin:${JAVA_VERSION}-jre

RUN groupadd --system --gid 10001 koopera \
 && useradd --system --uid 10001 --gid koopera --home-dir /nonexistent --no-create-home \
      --shell /usr/sbin/nologin koopera \
 && install --directory --owner koopera --group koopera --mode 0750 /data

COPY --chmod=0444 ui/target/koopera.jar /app/koopera.jar

# The heap follows the container's memory limit; an OutOfMemoryError ends the JVM so the orchestrator restarts it
# instead of leaving a half-working process.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError" \
    KOOPERA_LOG_FORMAT=json \
    KOOPERA_DATA_DIR=/data \
    KOOPERA_UI_PORT=8080 \
    KOOPERA_API_PORT=8081

USER 10001:10001
WORKDIR /app
VOLUME ["/tmp", "/data"]
# 8080: web UI; 8081: REST API, /health and /metrics
EXPOSE 8080 8081
ENTRYPOINT ["java", "-jar", "/app/koopera.jar"]
