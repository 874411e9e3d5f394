# osTicket Gateway. Build the jar first: mvn -B package -DskipTests
# Untested here (no Docker on the build machines); see README "Running it in a container".
FROM eclipse-temurin:17-jre
WORKDIR /opt/osticket-gateway
COPY target/osticket-gateway.jar ./
COPY target/lib ./lib
COPY config ./config
COPY routes ./routes
# The management port listens on localhost by default; inside a container it must face the network.
# There, everything but health and metrics needs MANAGEMENT_USERNAME / MANAGEMENT_PASSWORD (set them
# at run time, never in the image); without them only health and metrics answer.
ENV MANAGEMENT_HOST=0.0.0.0 \
    GATEWAY_DATA_DIR=/var/lib/osticket-gateway
VOLUME /var/lib/osticket-gateway
EXPOSE 8081
USER 65534
# A small initial heap that grows as needed, the serial collector and the C1 compiler alone: the
# gateway waits on osTicket and the mail server, so it starts sooner and stays smaller (README).
CMD ["java", "-Xms32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", "osticket-gateway.jar"]
