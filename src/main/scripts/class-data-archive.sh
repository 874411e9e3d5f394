#!/bin/sh
# Makes the gateway's class-data archive (Java's AppCDS): runs the jar for 2 seconds and keeps the
# classes it loaded. A training run only: the embedded sandbox (no osticket.url), every flow on,
# Kafka and IMAP refused on port 9, the sandbox and management ports any free ones (a gateway running
# beside it keeps 8089 and 8081), and env -i so that no setting of the calling shell reaches a real
# server. Used by `mvn package` and the Dockerfile.
# Usage: class-data-archive.sh <java> <jar> <archive> <scratch folder>
set -eu
java=$1 jar=$2 archive=$3 scratch=$4
rm -rf "$scratch" "$archive"
mkdir -p "$scratch"
env -i \
  CAMEL_MAIN_DURATIONMAXSECONDS=2 MANAGEMENT_PORT=0 SANDBOX_PORT=0 GATEWAY_DATA_DIR="$scratch/data" \
  COMMANDS_ENABLED=true EVENTS_ENABLED=true KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9 \
  MAIL_MAILBOXES=training MAIL_TRAINING_HOST=127.0.0.1 MAIL_TRAINING_PORT=9 \
  MAIL_TRAINING_USERNAME=training MAIL_TRAINING_PASSWORD=training \
  "$java" -XX:ArchiveClassesAtExit="$archive" -Xmx384m -Xms32m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
  -jar "$jar" > "$scratch/training.log" 2>&1
test -s "$archive"
