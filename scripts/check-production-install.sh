#!/usr/bin/env bash
# The app as a production install runs it: `npm ci --omit=dev` in a clean folder with only the
# built lib/, then what `npm start` runs (`node lib/server.js`). Passes when the server starts and answers; fails when it needs a
# development dependency (the emulator's libraries, the test tools) or cannot start.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
cp package.json package-lock.json "$work/"
cp -r lib "$work/lib"
(cd "$work" && npm ci --omit=dev --ignore-scripts --no-audit --no-fund >/dev/null)
for dev in graphql openapi-backend ajv vitest esbuild; do
  if [ -d "$work/node_modules/$dev" ] && ! node -e "process.exit(require('$work/package.json').dependencies['$dev'] ? 0 : 1)"; then
    echo "the production install pulled in $dev, a development dependency" >&2
    exit 1
  fi
done
key=$(node -e 'const { generateKeyPairSync } = require("node:crypto"); process.stdout.write(generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }))')
port=$(node -e 'const s=require("net").createServer();s.listen(0,()=>{console.log(s.address().port);s.close()})')
(cd "$work" && exec env APP_ID=1 PRIVATE_KEY="$key" WEBHOOK_SECRET=check FIRSTLINE_SUPPORT_REPO=agency/support \
  FIRSTLINE_SCHEDULE=off PORT="$port" HOST=127.0.0.1 LOG_LEVEL=warn node lib/server.js >"$work/server.log" 2>&1) &
server=$!
for _ in $(seq 1 100); do
  if code=$(node -e 'fetch(process.argv[1], { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }).then((r) => console.log(r.status), () => process.exit(1))' "http://127.0.0.1:$port/api/github/webhooks" 2>/dev/null); then
    if [ "$code" = "400" ]; then echo "npm start from a production install answers (an unsigned webhook: $code)"; exit 0; fi
  fi
  if ! kill -0 "$server" 2>/dev/null; then break; fi
  sleep 0.2
done
echo "the production install did not start:" >&2
cat "$work/server.log" >&2
exit 1
