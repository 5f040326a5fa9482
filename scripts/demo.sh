#!/usr/bin/env bash
# Runs the deliver action on the local stand-ins exactly as the runner would: brings them up, builds a
# small image, runs dist/deliver/index.js with INPUT_* variables and the GITHUB_* files, prints the
# outputs and the job summary, then runs the post step (docker logout).
set -euo pipefail
cd "$(dirname "$0")/.."

[ -d node_modules ] || npm ci --no-audit --no-fund
[ -f dist/deliver/index.js ] || npm run --silent package
scripts/test-env.sh up
eval "$(scripts/test-env.sh env)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DOCKER_CONFIG=$work/docker-config GITHUB_OUTPUT=$work/output GITHUB_STATE=$work/state \
  GITHUB_STEP_SUMMARY=$work/summary RUNNER_TEMP=$work GITHUB_SHA=${GITHUB_SHA:-$(git rev-parse HEAD 2>/dev/null || echo 0000000)}
touch "$GITHUB_OUTPUT" "$GITHUB_STATE" "$GITHUB_STEP_SUMMARY"

echo "== docker build -t demo-app:ci (FROM scratch, no container runs)"
mkdir -p "$work/context"
date -u +"built %FT%TZ" >"$work/context/built.txt"
printf 'FROM scratch\nCOPY built.txt /\n' >"$work/context/Dockerfile"
DOCKER_BUILDKIT=0 docker build -q -t demo-app:ci "$work/context"

echo "== uses: ./ (main) with image: demo-app:ci, repository: demo/app, tags: <sha>, latest"
# Inputs as the runner passes them: every input of action.yml, defaults included.
env "INPUT_IMAGE=demo-app:ci" "INPUT_REPOSITORY=demo/app" "INPUT_TAGS=${GITHUB_SHA}
latest" "INPUT_CREATE-REPOSITORY=true" "INPUT_SCAN-ON-PUSH=true" "INPUT_SKIP-LOGOUT=false" \
  "INPUT_MASK-PASSWORD=true" node dist/deliver/index.js

echo
echo "== outputs"
node -e '
  const text = require("fs").readFileSync(process.argv[1], "utf8").split("\n")
  for (let i = 0; i < text.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(text[i]); if (!m) continue
    const value = []; while (++i < text.length && text[i] !== m[2]) value.push(text[i])
    console.log(`${m[1]}: ${m[1] === "docker-password" ? "***" : value.join("\n    ")}`)
  }' "$GITHUB_OUTPUT"
echo
echo "== job summary (GITHUB_STEP_SUMMARY)"
cat "$GITHUB_STEP_SUMMARY"
echo
echo "== post (docker logout); state passed back as STATE_* variables"
state_env=$(node -e '
  const text = require("fs").readFileSync(process.argv[1], "utf8").split("\n")
  for (let i = 0; i < text.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(text[i]); if (!m) continue
    const value = []; while (++i < text.length && text[i] !== m[2]) value.push(text[i])
    console.log(`STATE_${m[1]}=${value.join("\n")}`)
  }' "$GITHUB_STATE")
mapfile -t state_vars <<<"$state_env"
env "${state_vars[@]}" node dist/deliver/post.js
echo
echo "== checked independently: skopeo inspect docker://$ECR_TEST_REGISTRY/demo/app:latest"
skopeo inspect --format '{{.Digest}}' --creds "AWS:$ECR_TEST_ACCOUNT-auth-token" "docker://$ECR_TEST_REGISTRY/demo/app:latest"
