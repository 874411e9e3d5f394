# osTicket Gateway. Build the jar first: mvn -B package -DskipTests
# Untested here (no Docker on the build machines); see README "Running it in a container".
FROM eclipse-temurin:17-jre
WORKDIR /opt/osticket-gateway
COPY target/osticket-gateway.jar ./
COPY target/lib ./lib
COPY config ./config
COPY routes ./routes
COPY src/main/scripts/class-data-archive.sh ./
# The class-data archive, made here by this image's own JVM (an archive belongs to the JDK that made
# it): a 2-second training run that reaches no real server; the gateway then starts about a second
# sooner (README, "Running it as a product").
RUN sh class-data-archive.sh "$JAVA_HOME/bin/java" osticket-gateway.jar osticket-gateway.jsa /tmp/class-data-training \
    && rm -rf /tmp/class-data-training class-data-archive.sh
# The management port listens on localhost by default; inside a container it must face the network.
# There, everything but health and metrics needs MANAGEMENT_USERNAME / MANAGEMENT_PASSWORD (set them
# at run time, never in the image); without them only health and metrics answer.
ENV MANAGEMENT_HOST=0.0.0.0 \
    GATEWAY_DATA_DIR=/var/lib/osticket-gateway
VOLUME /var/lib/osticket-gateway
EXPOSE 8081
USER 65534
# The archive, a small initial heap that grows as needed, the serial collector and the C1 compiler
# alone: the gateway waits on osTicket and the mail server, so it starts sooner and stays smaller (README).
CMD ["java", "-XX:SharedArchiveFile=osticket-gateway.jsa", "-Xms32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", "osticket-gateway.jar"]
