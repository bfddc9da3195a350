#!/usr/bin/env bash
# Generates a TypeScript client from each service's OpenAPI document and compiles it: the proof that a frontend
# team can work from the documents alone.
#
#   docs/openapi/clients.sh             build the services (no tests), then generate and compile
#   docs/openapi/clients.sh --no-build  use the documents the last build left in <service>/target/openapi
#
# Per service: openapi-typescript turns target/openapi/openapi.yaml into types (schema.d.ts: paths, components and
# one entry per operationId), and client.ts builds an openapi-fetch client on them and names every operationId of
# the document, so a missing or renamed operation fails the compile. tsc --strict --noEmit compiles all four.
# Tools are installed with npm into docs/openapi/.tools (git-ignored), the clients are written there too.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
tools="$here/.tools"
out="$tools/clients"
services=(users-service games-service trophies-service audit-service)

if [[ "${1:-}" != "--no-build" ]]; then
    (cd "$root" && ./mvnw -B -q package -DskipTests -pl "$(IFS=,; echo "${services[*]}")" -am)
fi

if [[ ! -x "$tools/node_modules/.bin/openapi-typescript" || ! -x "$tools/node_modules/.bin/tsc" \
        || ! -d "$tools/node_modules/openapi-fetch" ]]; then
    mkdir -p "$tools"
    npm install --prefix "$tools" --no-audit --no-fund --loglevel=error \
        openapi-typescript@7.13.0 openapi-fetch@0.17.0 typescript@5 >/dev/null
fi

rm -rf "$out"
mkdir -p "$out"
for service in "${services[@]}"; do
    doc="$root/$service/target/openapi/openapi.yaml"
    json="$root/$service/target/openapi/openapi.json"
    [[ -f "$doc" && -f "$json" ]] || { echo "$service: no $doc (build the service first)" >&2; exit 1; }
    mkdir -p "$out/$service"
    "$tools/node_modules/.bin/openapi-typescript" "$doc" -o "$out/$service/schema.d.ts" >/dev/null
    ids="$(node -e '
        const doc = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
        const ids = Object.values(doc.paths).flatMap(p => Object.values(p)).map(o => o.operationId).filter(Boolean);
        console.log(ids.map(id => JSON.stringify(id)).join(", "));' "$json")"
    cat > "$out/$service/client.ts" <<TS
import createClient from "openapi-fetch";
import type { operations, paths } from "./schema";

/** A typed client of $service: every path, parameter, body and answer of its OpenAPI document. */
export const client = createClient<paths>({ baseUrl: "http://127.0.0.1" });

/** Every operationId of the document: the compile fails when one is not a generated operation. */
export const operationIds: (keyof operations)[] = [$ids];
TS
    echo "$service: client generated for $(tr ',' '\n' <<<"$ids" | grep -c '"') operations"
done

cat > "$out/tsconfig.json" <<'JSON'
{
  "compilerOptions": {
    "strict": true, "noEmit": true, "target": "ES2022", "module": "ESNext", "moduleResolution": "Bundler",
    "lib": ["ES2022", "DOM"], "skipLibCheck": false, "noUncheckedIndexedAccess": true
  },
  "include": ["*/client.ts", "*/schema.d.ts"]
}
JSON
"$tools/node_modules/.bin/tsc" -p "$out/tsconfig.json"
echo "clients: ${#services[@]} generated, tsc --strict: 0 errors"
