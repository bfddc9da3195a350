#!/usr/bin/env bash
# Lints the four services' OpenAPI documents with @redocly/cli (its "recommended" rules) and fails on any error.
#
#   docs/openapi/lint.sh            build the services (no tests), then lint target/openapi/openapi.yaml of each
#   docs/openapi/lint.sh --no-build lint the documents the last build left
#
# redocly is installed with npm into docs/openapi/.tools (git-ignored) on first use; nothing is installed globally.
# Not part of ./mvnw verify (it needs npm): the build's own check is FoundationContractTest (docs/openapi.md).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
tools="$here/.tools"
services=(users-service games-service trophies-service audit-service)
redocly_version="2.77.0"

if [[ "${1:-}" != "--no-build" ]]; then
    (cd "$root" && ./mvnw -B -q package -DskipTests -pl "$(IFS=,; echo "${services[*]}")" -am)
fi

if [[ ! -x "$tools/node_modules/.bin/redocly" ]]; then
    mkdir -p "$tools"
    npm install --prefix "$tools" --no-audit --no-fund --loglevel=error "@redocly/cli@$redocly_version" >/dev/null
fi

status=0
for service in "${services[@]}"; do
    doc="$root/$service/target/openapi/openapi.yaml"
    if [[ ! -f "$doc" ]]; then
        echo "$service: no $doc (build the service first)" >&2
        status=1
        continue
    fi
    echo "== $service"
    # One line per problem with its place in the document, then the counts; non-zero exit on any error. The grep
    # drops redocly's boxed notices (Node.js version, updates).
    set +e
    REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true NO_UPDATE_NOTIFIER=1 \
        "$tools/node_modules/.bin/redocly" lint --extends=recommended --format="${REDOCLY_FORMAT:-codeframe}" "$doc" 2>&1 \
        | grep -v -E '^ *[║╔╚]'
    rc=${PIPESTATUS[0]}
    set -e
    [[ $rc -eq 0 ]] || status=1
done
exit $status
