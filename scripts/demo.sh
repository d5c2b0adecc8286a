#!/usr/bin/env bash
# The main job: build, run the sample application under the agent against its embedded node,
# and print the agent's per-site report and where the JFR recording is.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -q package -DskipTests
rm -rf perfweave-out
java -javaagent:agent/target/perfweave-agent.jar=config=sample-app/perfweave.yaml \
  -jar sample-app/target/perfweave-sample-app.jar --rounds "${ROUNDS:-60}"
