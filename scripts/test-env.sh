#!/usr/bin/env bash
# Local stand-in for Amazon ECR, for integration tests:
#   - docker-registry (distribution 2.8) on 127.0.0.1:$REGISTRY_PORT, plain HTTP, htpasswd auth matching
#     moto's ECR token; nothing talks to it directly but the front and the bridge
#   - scripts/registry-front.mjs: https://<account>.dkr.ecr.<region>.amazonaws.com on 127.0.0.1:443 (TLS
#     from a throwaway CA) in front of the registry, with what ECR has and distribution lacks (tag
#     immutability, pushes visible in the ECR API when they return, ECR API deletions reaching the
#     registry) and per-repository faults for tests; it also fronts moto's ECR API on $FRONT_API_PORT
#   - two more regions of the account, each a registry of its own, for deliveries to several regions:
#     $ECR_TEST_REGION2 (docker-registry on 127.0.0.1:$REGISTRY2_PORT, served by the same front as
#     https://<account>.dkr.ecr.$ECR_TEST_REGION2.amazonaws.com on 127.0.0.2:443) and $ECR_TEST_REGION3
#     (127.0.0.1:$REGISTRY3_PORT, on 127.0.0.3:443); same credentials (moto's token is per account),
#     faults and request logs per region (`region` in /_front/ calls, the main region when absent)
#   - the dual-stack and FIPS names of each region's registry: <account>.dkr-ecr.<region>.on.aws and
#     <account>.dkr-ecr-fips.<region>.on.aws on IPv6 only (/etc/hosts maps them to ::1, where the front
#     serves every region, chosen by the name asked for), <account>.dkr.ecr-fips.<region>.amazonaws.com on the
#     region's IPv4 address; the certificate names them all, and the front's request log records each
#     request's peer address and host name
#   - ECR Public: https://public.ecr.aws on 127.0.0.4:443 (the front, before docker-registry on
#     127.0.0.1:$PUBLIC_REGISTRY_PORT; repositories under /<alias>/<name>, anonymous pulls, pushes with the
#     token of ECR Public's GetAuthorizationToken) and ECR Public's API (SpencerFrontendService, us-east-1
#     only) answered by the front itself (scripts/front/public.mjs): AWS_ENDPOINT_URL_ECR_PUBLIC
#   - a private dockerd (own socket, data-root, exec-root; vfs storage, no networking)
#   - a moto server providing the ECR API (every region)
#   - scripts/registry-moto-bridge.py: puts each pushed manifest into moto (PutImage, in the registry's
#     region) when the front asks, so the ECR API sees what was pushed, as in ECR
#   - forward proxies from Debian's tinyproxy, each logging every request line: an open one on
#     127.0.0.1:$PROXY_PORT, one that requires Basic auth on $AUTH_PROXY_PORT, and the open one again as
#     an https:// proxy on $TLS_PROXY_PORT (stunnel, certificate from the throwaway CA)
#
# Usage: scripts/test-env.sh install | up | down [--purge] | status | env
#   install: only the system packages (up installs them too when missing)
#   eval "$(scripts/test-env.sh env)"   # load the test environment into a shell
#
# Overridable: ECR_TEST_DIR, ECR_TEST_ACCOUNT, ECR_TEST_REGION, ECR_TEST_REGION2, ECR_TEST_REGION3, MOTO_PORT,
#              BRIDGE_PORT, REGISTRY_PORT, REGISTRY2_PORT, REGISTRY3_PORT, PUBLIC_REGISTRY_PORT, FRONT_API_PORT, PROXY_PORT,
#              AUTH_PROXY_PORT, TLS_PROXY_PORT, ECR_TEST_TIMEOUT (readiness bound, seconds), PYTHON, NODE.
set -euo pipefail

ECR_TEST_DIR=${ECR_TEST_DIR:-/tmp/ecr-deliver-test-env}
ECR_TEST_ACCOUNT=${ECR_TEST_ACCOUNT:-123456789012}
ECR_TEST_REGION=${ECR_TEST_REGION:-us-east-1}
ECR_TEST_REGION2=${ECR_TEST_REGION2:-eu-west-1}
ECR_TEST_REGION3=${ECR_TEST_REGION3:-ap-southeast-2}
MOTO_PORT=${MOTO_PORT:-5055}
BRIDGE_PORT=${BRIDGE_PORT:-5056}
REGISTRY_PORT=${REGISTRY_PORT:-5000}
REGISTRY2_PORT=${REGISTRY2_PORT:-5001}
REGISTRY3_PORT=${REGISTRY3_PORT:-5002}
PUBLIC_REGISTRY_PORT=${PUBLIC_REGISTRY_PORT:-5003}
FRONT_API_PORT=${FRONT_API_PORT:-5057}
PROXY_PORT=${PROXY_PORT:-3128}
AUTH_PROXY_PORT=${AUTH_PROXY_PORT:-3129}
TLS_PROXY_PORT=${TLS_PROXY_PORT:-3130}
ECR_TEST_TIMEOUT=${ECR_TEST_TIMEOUT:-60}
PYTHON=${PYTHON:-python3}

case $ECR_TEST_DIR in /*) ;; *) ECR_TEST_DIR=$PWD/$ECR_TEST_DIR ;; esac
PORT_VARS=(MOTO_PORT BRIDGE_PORT REGISTRY_PORT REGISTRY2_PORT REGISTRY3_PORT PUBLIC_REGISTRY_PORT FRONT_API_PORT PROXY_PORT AUTH_PROXY_PORT
  TLS_PROXY_PORT)
for port_var in "${PORT_VARS[@]}"; do
  if ! [[ ${!port_var} =~ ^[0-9]+$ ]] || [ "${!port_var}" -lt 1 ] || [ "${!port_var}" -gt 65535 ]; then
    echo "[test-env] ERROR: bad $port_var: ${!port_var}" >&2
    exit 2
  fi
done
if [ "$(for v in "${PORT_VARS[@]}"; do echo "${!v}"; done | sort -u | wc -l)" != "${#PORT_VARS[@]}" ]; then
  echo "[test-env] ERROR: ${PORT_VARS[*]} must all differ" >&2
  exit 2
fi
for region_var in ECR_TEST_REGION ECR_TEST_REGION2 ECR_TEST_REGION3; do
  if ! [[ ${!region_var} =~ ^[a-z0-9]+(-[a-z0-9]+)+$ ]]; then
    echo "[test-env] ERROR: bad $region_var: ${!region_var}" >&2
    exit 2
  fi
done
if [ "$(printf '%s\n' "$ECR_TEST_REGION" "$ECR_TEST_REGION2" "$ECR_TEST_REGION3" | sort -u | wc -l)" != 3 ]; then
  echo "[test-env] ERROR: ECR_TEST_REGION, ECR_TEST_REGION2 and ECR_TEST_REGION3 must all differ" >&2
  exit 2
fi
DIR=$ECR_TEST_DIR
HOST=$ECR_TEST_ACCOUNT.dkr.ecr.$ECR_TEST_REGION.amazonaws.com
HOST2=$ECR_TEST_ACCOUNT.dkr.ecr.$ECR_TEST_REGION2.amazonaws.com
HOST3=$ECR_TEST_ACCOUNT.dkr.ecr.$ECR_TEST_REGION3.amazonaws.com
# The front's port is fixed: ECR hosts carry no port, and moto's proxyEndpoint is https://<host>. So each
# region's registry has a loopback address of its own.
FRONT_ADDR=127.0.0.1:443
FRONT2_ADDR=127.0.0.2:443
FRONT3_ADDR=127.0.0.3:443
REGISTRY_ADDR=127.0.0.1:$REGISTRY_PORT
REGISTRY_URL=http://$REGISTRY_ADDR
REGISTRY2_URL=http://127.0.0.1:$REGISTRY2_PORT
REGISTRY3_URL=http://127.0.0.1:$REGISTRY3_PORT
# ECR Public's registry (scripts/front/public.mjs): public.ecr.aws on a loopback address of its own.
PUBLIC_HOST=public.ecr.aws
PUBLIC_ADDR=127.0.0.4:443
PUBLIC_REGISTRY_URL=http://127.0.0.1:$PUBLIC_REGISTRY_PORT
PUBLIC_ALIAS=ecr-deliver-test
# Per region (the main one, 2, 3): the registry component (pid, config, log and storage names), its port
# variable, the region, the host and the front's address for it.
SITE_NAMES=(registry registry2 registry3 registrypub)
SITE_PORT_VARS=(REGISTRY_PORT REGISTRY2_PORT REGISTRY3_PORT PUBLIC_REGISTRY_PORT)
SITE_REGIONS=("$ECR_TEST_REGION" "$ECR_TEST_REGION2" "$ECR_TEST_REGION3" public)
SITE_HOSTS=("$HOST" "$HOST2" "$HOST3" "$PUBLIC_HOST")
SITE_ADDRS=("$FRONT_ADDR" "$FRONT2_ADDR" "$FRONT3_ADDR" "$PUBLIC_ADDR")
FRONT_API_URL=http://127.0.0.1:$FRONT_API_PORT
REG_USER=AWS
REG_PASS=$ECR_TEST_ACCOUNT-auth-token # what moto's GetAuthorizationToken returns
CERTS=$DIR/certs
LOGS=$DIR/logs
SOCK=$DIR/docker.sock
MOTO_URL=http://127.0.0.1:$MOTO_PORT
BRIDGE_URL=http://127.0.0.1:$BRIDGE_PORT
SCRIPTS=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BRIDGE_SCRIPT=$SCRIPTS/registry-moto-bridge.py
FRONT_SCRIPT=$SCRIPTS/registry-front.mjs
# moto's server with KMS Sign's MessageType DIGEST as KMS has it (moto signs a digest as a raw message).
MOTO_SCRIPT=$SCRIPTS/moto-server.py
ENV_FILE=$DIR/env.sh
HOSTS_MARK="# ecr-deliver-test-env"
PROXY_DIR=$DIR/proxy
PROXY_USER=ci-runner
# The other names of each region's private registry: dual-stack (IPv6 only: ::1, where the front serves every
# region by host name), FIPS over dual-stack (::1 too) and FIPS (the region's IPv4 front).
FRONT6_ADDR='[::1]:443'
ALIAS_HOSTS=()
ALIAS_ADDRS=()
for i in 0 1 2; do
  ALIAS_HOSTS+=("$ECR_TEST_ACCOUNT.dkr-ecr.${SITE_REGIONS[$i]}.on.aws" "$ECR_TEST_ACCOUNT.dkr-ecr-fips.${SITE_REGIONS[$i]}.on.aws"
    "$ECR_TEST_ACCOUNT.dkr.ecr-fips.${SITE_REGIONS[$i]}.amazonaws.com")
  ALIAS_ADDRS+=(::1 ::1 "${SITE_ADDRS[$i]%:*}")
done
DS_HOST=${ALIAS_HOSTS[0]}
FIPS_HOST=${ALIAS_HOSTS[2]}
CERT_HOSTS=("${SITE_HOSTS[@]}" "${ALIAS_HOSTS[@]}")
CERTS_D_DIRS=()
for h in "${CERT_HOSTS[@]}"; do CERTS_D_DIRS+=("/etc/docker/certs.d/$h" "/etc/containers/certs.d/$h"); done

SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo

log() { printf '[test-env] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Talk to our dockerd regardless of the caller's docker context/TLS settings.
dk() { env -u DOCKER_CONTEXT -u DOCKER_TLS_VERIFY -u DOCKER_CERT_PATH DOCKER_HOST="unix://$SOCK" docker "$@"; }

# ---------------------------------------------------------------- processes

pidfile() { echo "$DIR/$1.pid"; }

# Is pid alive (and not a zombie)? Works for other users' processes too.
pid_alive() {
  local pid=$1 state
  [ -n "$pid" ] && [ -r "/proc/$pid/stat" ] || return 1
  state=$(sed -E 's/^.*\) (.).*$/\1/' "/proc/$pid/stat" 2>/dev/null) || return 1
  [ "$state" != Z ] && [ "$state" != X ]
}

# Command line of pid, space-separated, with a trailing space.
cmdline() { tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null; }

# Prints the pid of component $1 if its pid file points at a live process whose
# command line contains $2 (guards against pid reuse).
running_pid() {
  local f pid
  f=$(pidfile "$1")
  [ -s "$f" ] || return 1
  pid=$(tr -dc 0-9 <"$f")
  pid_alive "$pid" || return 1
  cmdline "$pid" | grep -qF -- "$2" || return 1
  echo "$pid"
}

registry_pid() { running_pid registry "$DIR/registry.yml"; }
registry2_pid() { running_pid registry2 "$DIR/registry2.yml"; }
registry3_pid() { running_pid registry3 "$DIR/registry3.yml"; }
registrypub_pid() { running_pid registrypub "$DIR/registrypub.yml"; }
dockerd_pid() { running_pid dockerd "$SOCK"; }
moto_pid() { running_pid moto "moto"; }
bridge_pid() { running_pid bridge "registry-moto-bridge.py"; }
front_pid() { running_pid front "registry-front.mjs"; }
proxy_open_pid() { running_pid proxy_open "$PROXY_DIR/open.conf"; }
proxy_auth_pid() { running_pid proxy_auth "$PROXY_DIR/auth.conf"; }
proxy_tls_pid() { running_pid proxy_tls "$PROXY_DIR/tls.conf"; }

# spawn <as-root:0|1> <name> <pidfile|-> cmd...: start detached (own session,
# immune to SIGHUP, stdin closed), log to $LOGS/<name>.log. The wrapper shell
# records its pid and then execs, so the pid file holds the real process.
# Sets SPAWNED_PID to the started process for liveness checks.
spawn() {
  local root=$1 name=$2 pf=$3; shift 3
  local run=()
  [ "$root" = 1 ] && [ -n "$SUDO" ] && run=("$SUDO")
  # Keep the fake AWS hosts away from any CI proxy.
  local np="$HOST,$HOST2,$HOST3,127.0.0.1,localhost${NO_PROXY:+,$NO_PROXY}"
  printf '\n==== %s: starting %s\n' "$(date -u +%FT%TZ)" "$*" >>"$LOGS/$name.log"
  # shellcheck disable=SC2016 # $0/$$/$@ belong to the inner sh
  "${run[@]}" env NO_PROXY="$np" no_proxy="$np" setsid nohup sh -c \
    'if [ "$0" != - ]; then echo $$ > "$0"; fi; exec "$@"' "$pf" "$@" \
    >>"$LOGS/$name.log" 2>&1 </dev/null &
  SPAWNED_PID=$!
  # Under sudo $! is sudo itself, which may outlive or predecease the real
  # process; only the timeout then detects failure.
  [ ${#run[@]} -eq 0 ] || SPAWNED_PID=
}

# Last lines of a component's log, from its most recent start only.
log_tail() {
  log "last log lines ($LOGS/$1.log):"
  awk '/^==== /{buf=""} {buf=buf $0 "\n"} END{printf "%s", buf}' "$LOGS/$1.log" 2>/dev/null |
    tail -n 40 >&2 || true
}

# wait_ready <name> <spawned pid or ""> <check-fn>: poll with a bound.
wait_ready() {
  local name=$1 pid=$2 check=$3 deadline=$((SECONDS + ECR_TEST_TIMEOUT))
  until "$check"; do
    if [ -n "$pid" ] && ! pid_alive "$pid"; then
      log "$name exited during startup"
      log_tail "$name"
      exit 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      log "$name not ready after ${ECR_TEST_TIMEOUT}s"
      log_tail "$name"
      exit 1
    fi
    sleep 0.3
  done
}

# Something accepting TCP connections on <address, default 127.0.0.1>:<port>?
port_busy() { (exec 3<>"/dev/tcp/${2:-127.0.0.1}/$1") 2>/dev/null; }

require_free_port() { # <port> <hint> [address]
  local addr=${3:-127.0.0.1}
  port_busy "$1" "$addr" || return 0
  log "something else is listening on $addr:$1:"
  ss -ltnp "sport = :$1" >&2 2>/dev/null || true
  die "port $1 is taken on $addr; $2"
}

# stop <name> <pid> <grace-seconds>: TERM, wait bounded, then KILL.
stop_pid() {
  local name=$1 pid=$2 grace=$3 deadline
  log "stopping $name (pid $pid)"
  $SUDO kill -TERM "$pid" 2>/dev/null || true
  deadline=$((SECONDS + grace))
  while pid_alive "$pid" && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.2; done
  if pid_alive "$pid"; then
    log "$name did not exit within ${grace}s; killing"
    $SUDO kill -KILL "$pid" 2>/dev/null || true
  fi
}

# ---------------------------------------------------------------- checks

registry_at_ok() { # <registry url>
  [ "$(curl -sS --noproxy '*' -o /dev/null -w '%{http_code}' --max-time 3 \
    -u "$REG_USER:$REG_PASS" "$1/v2/" 2>/dev/null)" = 200 ]
}
registry_ok() { registry_at_ok "$REGISTRY_URL"; }
registry2_ok() { registry_at_ok "$REGISTRY2_URL"; }
registry3_ok() { registry_at_ok "$REGISTRY3_URL"; }
registrypub_ok() { registry_at_ok "$PUBLIC_REGISTRY_URL"; }
# Every region's https://<host>/v2/ (through /etc/hosts and the CA) and the API front.
front_ok() {
  local h
  local auth
  for h in "${SITE_HOSTS[@]}"; do
    # ECR Public: its own credentials (what its GetAuthorizationToken gives), not the private registries'.
    auth=(-u "$REG_USER:$REG_PASS")
    [ "$h" != "$PUBLIC_HOST" ] || auth=(-u "$REG_USER:$ECR_TEST_ACCOUNT-public-token")
    [ "$(curl -sS --noproxy '*' -o /dev/null -w '%{http_code}' --max-time 3 \
      --cacert "$CERTS/ca.crt" "${auth[@]}" "https://$h/v2/" 2>/dev/null)" = 200 ] || return 1
  done
  # The IPv6 listener, by a dual-stack name (::1 only).
  [ "$(curl -sS --noproxy '*' -o /dev/null -w '%{http_code}' --max-time 3 --cacert "$CERTS/ca.crt" \
    -u "$REG_USER:$REG_PASS" "https://$DS_HOST/v2/" 2>/dev/null)" = 200 ] || return 1
  curl -fsS --noproxy '*' -o /dev/null --max-time 3 "$FRONT_API_URL/_front/health" 2>/dev/null
}
dockerd_ok() { dk version --format '{{.Server.Version}}' >/dev/null 2>&1; }
# A cheap page (201): /moto-api/data.json dumps the whole state (tens of MB after a benchmark) and fails
# outright once a Lambda function exists (it would need docker).
moto_ok() { curl -fsS --noproxy '*' -o /dev/null --max-time 3 "$MOTO_URL/moto-api/config" 2>/dev/null; }
bridge_ok() { curl -fsS --noproxy '*' -o /dev/null --max-time 3 "$BRIDGE_URL/health" 2>/dev/null; }
# Each proxy carries a request to the bridge (the auth one only with its credentials).
proxy_open_ok() { curl -fsS -o /dev/null --max-time 3 --noproxy '' -x "http://127.0.0.1:$PROXY_PORT" "$BRIDGE_URL/health" 2>/dev/null; }
proxy_auth_ok() {
  curl -fsS -o /dev/null --max-time 3 --noproxy '' -x "http://127.0.0.1:$AUTH_PROXY_PORT" \
    --proxy-user "$PROXY_USER:$(cat "$PROXY_DIR/password")" "$BRIDGE_URL/health" 2>/dev/null
}
proxy_tls_ok() {
  curl -fsS -o /dev/null --max-time 3 --noproxy '' -x "https://127.0.0.1:$TLS_PROXY_PORT" --proxy-cacert "$CERTS/ca.crt" \
    "$BRIDGE_URL/health" 2>/dev/null
}

# ---------------------------------------------------------------- up steps

# Installed? (non-root PATHs lack /usr/sbin, where dockerd lives)
have() { command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ]; }

APT_UPDATED=0
apt_install() {
  [ "$APT_UPDATED" = 1 ] || { $SUDO apt-get update; APT_UPDATED=1; }
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y "$@"
}

install_deps() {
  local cmd missing=0
  # docker: dockerd needs a client too (docker.io ships one).
  for cmd in dockerd docker docker-registry skopeo htpasswd openssl curl tinyproxy stunnel4; do
    have "$cmd" || missing=1
  done
  if [ "$missing" = 1 ]; then
    log "installing missing system packages"
    apt_install docker.io docker-registry skopeo apache2-utils openssl curl tinyproxy stunnel4
  fi
  if ! "$PYTHON" -c 'import moto.server' 2>/dev/null; then
    log "installing moto[server] with pip"
    "$PYTHON" -m pip --version >/dev/null 2>&1 || apt_install python3-pip
    local user=()
    [ -z "$SUDO" ] || user=(--user)
    "$PYTHON" -m pip install "${user[@]}" 'moto[server]' ||
      "$PYTHON" -m pip install "${user[@]}" --break-system-packages 'moto[server]' # PEP 668 (Debian 12)
    "$PYTHON" -c 'import moto.server' || die "moto.server still not importable with $PYTHON"
  fi
}

# registry_dirty [name...]: anything those running registries (default: all) have loaded changed. The
# marker file (<name>.restart) keeps the restart owed if this run stops before doing it (the next run finds
# the files already rewritten).
registry_dirty() {
  local name
  [ $# -gt 0 ] || set -- "${SITE_NAMES[@]}"
  for name; do : >"$DIR/$name.restart"; done
}

make_certs() {
  mkdir -p "$CERTS"
  if [ ! -s "$CERTS/ca.crt" ] || [ ! -s "$CERTS/ca.key" ]; then
    log "creating throwaway CA"
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -sha256 \
      -subj "/CN=ecr-deliver test CA" \
      -addext "basicConstraints=critical,CA:TRUE" \
      -addext "keyUsage=critical,keyCertSign,cRLSign" \
      -keyout "$CERTS/ca.key" -out "$CERTS/ca.crt" 2>/dev/null
    rm -f "$CERTS/server.crt"
  fi
  # Reuse the server cert only if it is signed by this CA and names every region's hosts.
  local h ok=0 san
  if [ -s "$CERTS/server.crt" ] && [ -s "$CERTS/server.key" ] &&
    openssl verify -CAfile "$CERTS/ca.crt" "$CERTS/server.crt" >/dev/null 2>&1; then
    ok=1
    for h in "${CERT_HOSTS[@]}"; do
      openssl x509 -in "$CERTS/server.crt" -noout -checkhost "$h" 2>/dev/null | grep -q 'does match' || ok=0
    done
  fi
  [ "$ok" = 0 ] || return 0
  log "creating server certificate for ${CERT_HOSTS[*]}"
  openssl req -newkey rsa:2048 -nodes -subj "/CN=$HOST" \
    -keyout "$CERTS/server.key" -out "$CERTS/server.csr" 2>/dev/null
  san=$(printf 'DNS:%s,' "${CERT_HOSTS[@]}")
  printf '%s\n' "subjectAltName=${san%,}" "basicConstraints=CA:FALSE" \
    "keyUsage=critical,digitalSignature,keyEncipherment" "extendedKeyUsage=serverAuth" \
    >"$CERTS/server.ext"
  openssl x509 -req -in "$CERTS/server.csr" -CA "$CERTS/ca.crt" -CAkey "$CERTS/ca.key" \
    -CAcreateserial -days 825 -sha256 -extfile "$CERTS/server.ext" \
    -out "$CERTS/server.crt" 2>/dev/null
  rm -f "$CERTS/server.csr" "$CERTS/server.ext"
  # Only the front serves TLS (its code hash covers the certificate): the registries serve plain HTTP.
}

ensure_hosts_entry() { # <address> <host>
  local addr=$1 host=$2
  if grep -qE "^[[:space:]]*${addr//./\\.}[[:space:]]+([^#]*[[:space:]])?${host//./\\.}([[:space:]]|$)" /etc/hosts; then
    return
  fi
  log "adding $host to /etc/hosts"
  # Append in place (tee -a): /etc/hosts may be a bind mount, so never replace the file.
  {
    [ -z "$(tail -c1 /etc/hosts)" ] || echo
    echo "$addr $host $HOSTS_MARK"
  } | $SUDO tee -a /etc/hosts >/dev/null
}

ensure_hosts_entries() {
  local i
  for i in "${!SITE_HOSTS[@]}"; do ensure_hosts_entry "${SITE_ADDRS[$i]%:*}" "${SITE_HOSTS[$i]}"; done
  for i in "${!ALIAS_HOSTS[@]}"; do ensure_hosts_entry "${ALIAS_ADDRS[$i]}" "${ALIAS_HOSTS[$i]}"; done
}

# The /etc/hosts lines ensure_hosts_entries adds.
hosts_lines() {
  local i
  for i in "${!SITE_HOSTS[@]}"; do echo "${SITE_ADDRS[$i]%:*} ${SITE_HOSTS[$i]} $HOSTS_MARK"; done
  for i in "${!ALIAS_HOSTS[@]}"; do echo "${ALIAS_ADDRS[$i]} ${ALIAS_HOSTS[$i]} $HOSTS_MARK"; done
}

trust_ca() {
  local d
  for d in "${CERTS_D_DIRS[@]}"; do
    if ! cmp -s "$CERTS/ca.crt" "$d/ca.crt"; then
      $SUDO install -D -m 0644 "$CERTS/ca.crt" "$d/ca.crt"
    fi
  done
}

make_htpasswd() {
  if [ -s "$DIR/htpasswd" ] && htpasswd -vb "$DIR/htpasswd" "$REG_USER" "$REG_PASS" >/dev/null 2>&1; then
    return
  fi
  htpasswd -Bbn "$REG_USER" "$REG_PASS" >"$DIR/htpasswd"
  registry_dirty
}

# write_registry_config <name> <port> <host>: $DIR/<name>.yml, storage in $DIR/<name>.
write_registry_config() {
  local name=$1 port=$2 host=$3 cfg="$DIR/$1.yml" secret
  [ -s "$DIR/registry.secret" ] || openssl rand -hex 16 >"$DIR/registry.secret"
  secret=$(cat "$DIR/registry.secret")
  cat >"$cfg.new" <<EOF
version: 0.1
log:
  level: info
storage:
  filesystem:
    rootdirectory: $DIR/$name
  delete:
    enabled: true
  cache:
    blobdescriptor: inmemory
# Plain HTTP on loopback: the front serves it as https://$host (the URLs it builds say so).
http:
  addr: 127.0.0.1:$port
  host: https://$host
  secret: $secret
  headers:
    X-Content-Type-Options: [nosniff]
auth:
  htpasswd:
    realm: ecr-deliver-test
    path: $DIR/htpasswd
EOF
  if cmp -s "$cfg.new" "$cfg"; then
    rm -f "$cfg.new"
  else
    mv "$cfg.new" "$cfg"
    registry_dirty "$name"
  fi
}

write_registry_configs() {
  local i
  for i in "${!SITE_NAMES[@]}"; do
    write_registry_config "${SITE_NAMES[$i]}" "${!SITE_PORT_VARS[$i]}" "${SITE_HOSTS[$i]}"
  done
}

# start_registry <name> <port variable> <region>
start_registry() {
  local name=$1 port_var=$2 region=$3 pid
  if pid=$("${name}_pid"); then
    if [ ! -e "$DIR/$name.restart" ]; then wait_ready "$name" "$pid" "${name}_ok"; return; fi
    log "$name config/certs changed; restarting"
    stop_pid "$name" "$pid" 10
  fi
  require_free_port "${!port_var}" "set $port_var"
  mkdir -p "$DIR/$name"
  log "starting docker-registry for $region on 127.0.0.1:${!port_var}"
  # Drop REGISTRY_* variables: distribution reads them as config overrides.
  local unset=()
  mapfile -t unset < <(env | sed -n 's/^\(REGISTRY_[A-Za-z0-9_]*\)=.*/--unset=\1/p')
  spawn 1 "$name" "$(pidfile "$name")" env "${unset[@]}" \
    /usr/bin/docker-registry serve "$DIR/$name.yml"
  wait_ready "$name" "$SPAWNED_PID" "${name}_ok"
  rm -f "$DIR/$name.restart"
}

start_registries() {
  local i
  for i in "${!SITE_NAMES[@]}"; do
    start_registry "${SITE_NAMES[$i]}" "${SITE_PORT_VARS[$i]}" "${SITE_REGIONS[$i]}"
  done
}

start_dockerd() {
  local pid
  if pid=$(dockerd_pid); then wait_ready dockerd "$pid" dockerd_ok; return; fi
  mkdir -p "$DIR/docker-data" "$DIR/docker-exec"
  # Own (empty) daemon.json so a host /etc/docker/daemon.json can't conflict.
  [ -f "$DIR/daemon.json" ] || echo '{}' >"$DIR/daemon.json"
  local extra=()
  # Let a non-root caller use the socket.
  [ -n "$SUDO" ] && extra+=(--group "$(id -gn)")
  log "starting dockerd on unix://$SOCK"
  # No --containerd: dockerd then supervises its own containerd under
  # docker-exec/containerd (or reuses a system one at /run/containerd); the
  # separate namespaces keep us apart from a system dockerd in the latter case.
  # vfs + no bridge/iptables: works without overlayfs or netfilter (sandboxes, CI).
  spawn 1 dockerd - env -u DOCKER_HOST -u DOCKER_TLS_VERIFY -u DOCKER_CERT_PATH \
    dockerd \
    --config-file "$DIR/daemon.json" \
    --storage-driver vfs \
    --iptables=false --ip6tables=false --bridge=none \
    --host "unix://$SOCK" \
    --data-root "$DIR/docker-data" \
    --exec-root "$DIR/docker-exec" \
    --pidfile "$(pidfile dockerd)" \
    --containerd-namespace ecr-deliver-test \
    --containerd-plugins-namespace ecr-deliver-test-plugins \
    "${extra[@]}"
  wait_ready dockerd "$SPAWNED_PID" dockerd_ok
}

MOTO_STARTED=0
BRIDGE_STARTED=0

start_moto() {
  local pid
  if pid=$(moto_pid); then
    if cmdline "$pid" | grep -qF -- "$MOTO_SCRIPT -H 127.0.0.1 -p $MOTO_PORT " &&
      [ "$(cat "$DIR/moto.code" 2>/dev/null)" = "$(sha256sum <"$MOTO_SCRIPT")" ] &&
      tr '\0' '\n' <"/proc/$pid/environ" | grep -qx "MOTO_ACCOUNT_ID=$ECR_TEST_ACCOUNT" &&
      tr '\0' '\n' <"/proc/$pid/environ" | grep -qx "MOTO_LAMBDA_STUB_ECR=false"; then
      wait_ready moto "$pid" moto_ok
      return
    fi
    log "moto is running with another script, port, account or Lambda setting; restarting"
    stop_pid moto "$pid" 10
  fi
  require_free_port "$MOTO_PORT" "set MOTO_PORT"
  local py
  # Resolve shims (pyenv etc.) so the pid file names the real interpreter.
  py=$("$PYTHON" -c 'import sys; print(sys.executable)')
  log "starting moto server on $MOTO_URL"
  # The request recorder (used by the cleanup tests) writes its file here, not in the caller's folder.
  # MOTO_LAMBDA_STUB_ECR=false: image functions resolve their image in moto's own ECR, as Lambda does.
  spawn 0 moto "$(pidfile moto)" env MOTO_ACCOUNT_ID="$ECR_TEST_ACCOUNT" MOTO_RECORDER_FILEPATH="$DIR/moto_recording" \
    MOTO_LAMBDA_STUB_ECR=false \
    "$py" "$MOTO_SCRIPT" -H 127.0.0.1 -p "$MOTO_PORT"
  wait_ready moto "$SPAWNED_PID" moto_ok
  sha256sum <"$MOTO_SCRIPT" >"$DIR/moto.code"
  MOTO_STARTED=1
}

# still_current <name> <code> <cmd...>: is <name> running exactly this command line and this code? Then wait
# until it answers and say yes; otherwise stop it (when running) and say no. A component's whole
# configuration is on its command line; <name>.code records the code (script, certificate) it runs.
still_current() {
  local name=$1 code=$2 pid
  shift 2
  pid=$("${name}_pid") || return 1
  if [ "$(cmdline "$pid")" = "$(printf '%s ' "$@")" ] && [ "$(cat "$DIR/$name.code" 2>/dev/null)" = "$code" ]; then
    wait_ready "$name" "$pid" "${name}_ok"
    return 0
  fi
  log "$name configuration or code changed; restarting"
  stop_pid "$name" "$pid" 10
  return 1
}

start_bridge() {
  local py code
  py=$("$PYTHON" -c 'import sys; print(sys.executable)')
  code=$(sha256sum <"$BRIDGE_SCRIPT")
  local cmd=("$py" "$BRIDGE_SCRIPT" --port "$BRIDGE_PORT" --registry "$HOST" --ca "$CERTS/ca.crt"
    --registry-url "$REGISTRY_URL" --user "$REG_USER" --password "$REG_PASS" --storage "$DIR/registry"
    --moto-url "$MOTO_URL" --region "$ECR_TEST_REGION"
    --site "$ECR_TEST_REGION2,$HOST2,$REGISTRY2_URL,$DIR/registry2"
    --site "$ECR_TEST_REGION3,$HOST3,$REGISTRY3_URL,$DIR/registry3")
  still_current bridge "$code" "${cmd[@]}" && return
  require_free_port "$BRIDGE_PORT" "set BRIDGE_PORT"
  log "starting registry-moto bridge on $BRIDGE_URL"
  # No AWS profile: a missing one would stop boto3 (the keys are passed explicitly).
  spawn 0 bridge "$(pidfile bridge)" env -u AWS_PROFILE -u AWS_DEFAULT_PROFILE "${cmd[@]}"
  wait_ready bridge "$SPAWNED_PID" bridge_ok
  echo "$code" >"$DIR/bridge.code"
  BRIDGE_STARTED=1
}

start_front() {
  local node code
  node=${NODE:-$(command -v node)} || die "node not found (set NODE)"
  code=$(cat "$FRONT_SCRIPT" "$SCRIPTS"/front/*.mjs "$CERTS/server.crt" | sha256sum)
  local cmd=("$node" "$FRONT_SCRIPT" --listen "$FRONT_ADDR" --cert "$CERTS/server.crt" --key "$CERTS/server.key"
    --upstream "$REGISTRY_URL" --upstream-auth "Basic $(printf '%s:%s' "$REG_USER" "$REG_PASS" | base64 -w0)"
    --api-listen "127.0.0.1:$FRONT_API_PORT" --moto "$MOTO_URL" --bridge "$BRIDGE_URL"
    --storage "$DIR/registry" --region "$ECR_TEST_REGION"
    --site "$ECR_TEST_REGION2,$FRONT2_ADDR,$REGISTRY2_URL,$DIR/registry2"
    --site "$ECR_TEST_REGION3,$FRONT3_ADDR,$REGISTRY3_URL,$DIR/registry3"
    --public-site "$PUBLIC_ADDR,$PUBLIC_REGISTRY_URL,$DIR/registrypub" --listen6 "$FRONT6_ADDR")
  still_current front "$code" "${cmd[@]}" && return
  local addr
  for addr in "${SITE_ADDRS[@]}"; do require_free_port 443 "stop that service first" "${addr%:*}"; done
  require_free_port 443 "stop that service first" ::1
  require_free_port "$FRONT_API_PORT" "set FRONT_API_PORT"
  log "starting the registry front on https://$HOST ($FRONT_ADDR), https://$HOST2 ($FRONT2_ADDR)," \
    "https://$HOST3 ($FRONT3_ADDR) and the ECR API front on $FRONT_API_URL"
  # Root: port 443.
  spawn 1 front "$(pidfile front)" "${cmd[@]}"
  wait_ready front "$SPAWNED_PID" front_ok
  echo "$code" >"$DIR/front.code"
}

# The https:// proxy's certificate: for 127.0.0.1 and localhost, from the throwaway CA.
make_proxy_cert() {
  if [ -s "$CERTS/proxy.crt" ] && [ -s "$CERTS/proxy.key" ] &&
    openssl verify -CAfile "$CERTS/ca.crt" "$CERTS/proxy.crt" >/dev/null 2>&1; then
    return
  fi
  log "creating the proxy's certificate"
  openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" \
    -keyout "$CERTS/proxy.key" -out "$CERTS/proxy.csr" 2>/dev/null
  printf '%s\n' "subjectAltName=IP:127.0.0.1,DNS:localhost" "basicConstraints=CA:FALSE" \
    "keyUsage=critical,digitalSignature,keyEncipherment" "extendedKeyUsage=serverAuth" >"$CERTS/proxy.ext"
  openssl x509 -req -in "$CERTS/proxy.csr" -CA "$CERTS/ca.crt" -CAkey "$CERTS/ca.key" \
    -CAcreateserial -days 825 -sha256 -extfile "$CERTS/proxy.ext" -out "$CERTS/proxy.crt" 2>/dev/null
  rm -f "$CERTS/proxy.csr" "$CERTS/proxy.ext"
}

# tinyproxy_config <port> <access log> [basic-auth password]: every request line is logged (LogLevel
# Connect); CONNECT only to 443, as corporate proxies allow.
tinyproxy_config() {
  cat <<EOF
Port $1
Listen 127.0.0.1
Timeout 600
MaxClients 200
LogFile "$2"
LogLevel Connect
Allow 127.0.0.1
ConnectPort 443
DisableViaHeader Yes
EOF
  [ -z "${3:-}" ] || echo "BasicAuth $PROXY_USER $3"
}

# start_proxy <name> <config file> <port> cmd...: (re)start when its configuration changed.
start_proxy() {
  local name=$1 conf=$2 port=$3 code
  shift 3
  code=$(cat "$conf" "$CERTS/proxy.crt" | sha256sum)
  still_current "$name" "$code" "$@" && return
  require_free_port "$port" "stop what listens there first"
  log "starting $name on 127.0.0.1:$port"
  spawn 0 "$name" "$(pidfile "$name")" "$@"
  wait_ready "$name" "$SPAWNED_PID" "${name}_ok"
  echo "$code" >"$DIR/$name.code"
}

start_proxies() {
  mkdir -p "$PROXY_DIR"
  make_proxy_cert
  [ -s "$PROXY_DIR/password" ] || openssl rand -hex 12 >"$PROXY_DIR/password"
  tinyproxy_config "$PROXY_PORT" "$LOGS/proxy-open.access.log" >"$PROXY_DIR/open.conf"
  tinyproxy_config "$AUTH_PROXY_PORT" "$LOGS/proxy-auth.access.log" "$(cat "$PROXY_DIR/password")" \
    >"$PROXY_DIR/auth.conf"
  cat >"$PROXY_DIR/tls.conf" <<EOF
foreground = yes
pid =
[proxy]
accept = 127.0.0.1:$TLS_PROXY_PORT
connect = 127.0.0.1:$PROXY_PORT
cert = $CERTS/proxy.crt
key = $CERTS/proxy.key
EOF
  start_proxy proxy_open "$PROXY_DIR/open.conf" "$PROXY_PORT" tinyproxy -d -c "$PROXY_DIR/open.conf"
  start_proxy proxy_auth "$PROXY_DIR/auth.conf" "$AUTH_PROXY_PORT" tinyproxy -d -c "$PROXY_DIR/auth.conf"
  start_proxy proxy_tls "$PROXY_DIR/tls.conf" "$TLS_PROXY_PORT" stunnel "$PROXY_DIR/tls.conf"
}

# A fresh moto (or bridge) has missed the registry's earlier pushes: mirror the registry's content.
# Not on every up: an image deleted through the ECR API would come back.
sync_moto() {
  [ "$MOTO_STARTED" = 1 ] || [ "$BRIDGE_STARTED" = 1 ] || return 0
  local out
  if ! out=$(curl -fsS --noproxy '*' -X POST --max-time "$ECR_TEST_TIMEOUT" "$BRIDGE_URL/sync" 2>&1); then
    log "mirroring the registry into moto failed: $out"
    log_tail bridge
    exit 1
  fi
  log "registry mirrored into moto: $out"
}

write_env() {
  local kv
  # Every AWS API the actions call goes through the front (it forwards to moto, and can inject faults).
  for kv in "DOCKER_HOST=unix://$SOCK" "AWS_ENDPOINT_URL_ECR=$FRONT_API_URL" \
    "AWS_ENDPOINT_URL_ECS=$FRONT_API_URL" "AWS_ENDPOINT_URL_LAMBDA=$FRONT_API_URL" \
    "AWS_ENDPOINT_URL_BATCH=$FRONT_API_URL" "AWS_ENDPOINT_URL_SECRETS_MANAGER=$FRONT_API_URL" \
    "AWS_ENDPOINT_URL_STS=$FRONT_API_URL" "AWS_ENDPOINT_URL_ECR_PUBLIC=$FRONT_API_URL" \
    "AWS_ENDPOINT_URL_KMS=$FRONT_API_URL" \
    "ECR_TEST_PUBLIC_REGISTRY=$PUBLIC_HOST" "ECR_TEST_PUBLIC_ALIAS=$PUBLIC_ALIAS" \
    AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing "AWS_REGION=$ECR_TEST_REGION" \
    "NODE_EXTRA_CA_CERTS=$CERTS/ca.crt" "ECR_TEST_REGISTRY=$HOST" \
    "ECR_TEST_ACCOUNT=$ECR_TEST_ACCOUNT" "ECR_TEST_DIR=$DIR" "MOTO_URL=$MOTO_URL" \
    "ECR_TEST_BRIDGE_URL=$BRIDGE_URL" "ECR_TEST_FRONT_URL=$FRONT_API_URL" \
    "ECR_TEST_PROXY=http://127.0.0.1:$PROXY_PORT" "ECR_TEST_PROXY_LOG=$LOGS/proxy-open.access.log" \
    "ECR_TEST_TLS_PROXY=https://127.0.0.1:$TLS_PROXY_PORT" \
    "ECR_TEST_AUTH_PROXY=http://127.0.0.1:$AUTH_PROXY_PORT" "ECR_TEST_AUTH_PROXY_LOG=$LOGS/proxy-auth.access.log" \
    "ECR_TEST_PROXY_USER=$PROXY_USER" "ECR_TEST_PROXY_PASSWORD=$(cat "$PROXY_DIR/password")" \
    "ECR_TEST_REGION2=$ECR_TEST_REGION2" "ECR_TEST_REGISTRY2=$HOST2" \
    "ECR_TEST_REGION3=$ECR_TEST_REGION3" "ECR_TEST_REGISTRY3=$HOST3" \
    "ECR_TEST_REGISTRY_DUAL_STACK=$DS_HOST" "ECR_TEST_REGISTRY_FIPS=$FIPS_HOST"; do
    printf 'export %s=%q\n' "${kv%%=*}" "${kv#*=}"
  done >"$ENV_FILE"
}

# Fail on port conflicts before touching anything.
preflight() {
  # A registry from before the front held 443 itself; it is restarted on REGISTRY_PORT below.
  front_pid >/dev/null || registry_pid >/dev/null || require_free_port 443 "stop that service first"
  front_pid >/dev/null || require_free_port 443 "stop that service first" "${FRONT2_ADDR%:*}"
  front_pid >/dev/null || require_free_port 443 "stop that service first" "${FRONT3_ADDR%:*}"
  front_pid >/dev/null || require_free_port 443 "stop that service first" ::1
  front_pid >/dev/null || require_free_port "$FRONT_API_PORT" "set FRONT_API_PORT"
  registry2_pid >/dev/null || require_free_port "$REGISTRY2_PORT" "set REGISTRY2_PORT"
  registry3_pid >/dev/null || require_free_port "$REGISTRY3_PORT" "set REGISTRY3_PORT"
  registrypub_pid >/dev/null || require_free_port "$PUBLIC_REGISTRY_PORT" "set PUBLIC_REGISTRY_PORT"
  moto_pid >/dev/null || require_free_port "$MOTO_PORT" "set MOTO_PORT"
  bridge_pid >/dev/null || require_free_port "$BRIDGE_PORT" "set BRIDGE_PORT"
  proxy_open_pid >/dev/null || require_free_port "$PROXY_PORT" "set PROXY_PORT"
  proxy_auth_pid >/dev/null || require_free_port "$AUTH_PROXY_PORT" "set AUTH_PROXY_PORT"
  proxy_tls_pid >/dev/null || require_free_port "$TLS_PROXY_PORT" "set TLS_PROXY_PORT"
}

cmd_up() {
  preflight
  install_deps
  mkdir -p "$DIR" "$LOGS"
  make_certs
  ensure_hosts_entries
  trust_ca
  make_htpasswd
  write_registry_configs
  start_registries
  start_dockerd
  start_moto
  start_bridge
  start_front
  start_proxies
  sync_moto
  write_env
  cat <<EOF
[test-env] up:
  registry  https://$HOST  (user $REG_USER, password $REG_PASS): the front, before $REGISTRY_URL
  region 2  https://$HOST2  ($FRONT2_ADDR, same credentials): the front, before $REGISTRY2_URL
  region 3  https://$HOST3  ($FRONT3_ADDR, same credentials): the front, before $REGISTRY3_URL
  IPv6      https://$DS_HOST (and every region's dkr-ecr[-fips] name)  ($FRONT6_ADDR, by host name)
  FIPS      https://$FIPS_HOST (and every region's)  (the region's IPv4 front)
  public    https://$PUBLIC_HOST/$PUBLIC_ALIAS/<name>  ($PUBLIC_ADDR): ECR Public, before $PUBLIC_REGISTRY_URL
  ECR API   $FRONT_API_URL  (the front, before moto; faults and request logs under /_front/, ?region=)
  dockerd   unix://$SOCK
  moto      $MOTO_URL  (account $ECR_TEST_ACCOUNT, regions $ECR_TEST_REGION, $ECR_TEST_REGION2, $ECR_TEST_REGION3)
  bridge    $BRIDGE_URL  (each manifest push -> moto PutImage in its region, before the push returns)
  proxies   http://127.0.0.1:$PROXY_PORT (open), http://127.0.0.1:$AUTH_PROXY_PORT (Basic auth, user $PROXY_USER),
            https://127.0.0.1:$TLS_PROXY_PORT (the open one over TLS); access logs $LOGS/proxy-*.access.log
  env file  $ENV_FILE   ->  eval "\$($0 env)"
  logs      $LOGS
EOF
}

# ---------------------------------------------------------------- down/status/env

cmd_down() {
  local purge=0 pid cpid d
  case "${1:-}" in
    --purge) purge=1 ;;
    "") ;;
    *) die "unknown option for down: $1" ;;
  esac
  if pid=$(proxy_tls_pid); then stop_pid proxy_tls "$pid" 10; fi
  if pid=$(proxy_auth_pid); then stop_pid proxy_auth "$pid" 10; fi
  if pid=$(proxy_open_pid); then stop_pid proxy_open "$pid" 10; fi
  if pid=$(front_pid); then stop_pid front "$pid" 10; fi
  if pid=$(bridge_pid); then stop_pid bridge "$pid" 10; fi
  if pid=$(moto_pid); then stop_pid moto "$pid" 10; fi
  if pid=$(dockerd_pid); then
    stop_pid dockerd "$pid" 30
    # If dockerd had to be killed, its supervised containerd may be left behind.
    cpid=$(cat "$DIR/docker-exec/containerd/containerd.pid" 2>/dev/null || true)
    if [ -n "$cpid" ] && pid_alive "$cpid" &&
      cmdline "$cpid" | grep -qF "$DIR/docker-exec"; then
      stop_pid containerd "$cpid" 10
    fi
  fi
  if pid=$(registry_pid); then stop_pid registry "$pid" 10; fi
  if pid=$(registry2_pid); then stop_pid registry2 "$pid" 10; fi
  if pid=$(registry3_pid); then stop_pid registry3 "$pid" 10; fi
  if pid=$(registrypub_pid); then stop_pid registrypub "$pid" 10; fi
  $SUDO rm -f "$(pidfile proxy_tls)" "$(pidfile proxy_auth)" "$(pidfile proxy_open)"
  $SUDO rm -f "$(pidfile front)" "$(pidfile bridge)" "$(pidfile moto)" "$(pidfile dockerd)" "$(pidfile registry)"
  $SUDO rm -f "$(pidfile registry2)" "$(pidfile registry3)" "$(pidfile registrypub)"
  [ -d "$DIR" ] && rm -f "$ENV_FILE"

  if [ "$purge" = 1 ]; then
    log "purging $DIR, certs.d entries and /etc/hosts lines"
    # vfs layers and containerd state are root-owned.
    $SUDO rm -rf "$DIR"
    for d in "${CERTS_D_DIRS[@]}"; do $SUDO rm -rf "$d"; done
    if grep -qxF -f <(hosts_lines) /etc/hosts; then
      local kept
      kept=$(grep -vxF -f <(hosts_lines) /etc/hosts || true)
      # Rewrite in place (same inode) in case /etc/hosts is a bind mount.
      printf '%s\n' "$kept" | $SUDO tee /etc/hosts >/dev/null
    fi
  fi
  log "down"
}

# status_line <label> <pid-fn> <check-fn> <where>
status_line() {
  local pid
  if ! pid=$("$2"); then
    echo "$1 stopped"
    return 1
  elif "$3"; then
    echo "$1 running (pid $pid), $4 OK"
  else
    echo "$1 running (pid $pid), $4 NOT answering"
    return 1
  fi
}

cmd_status() {
  local rc=0
  status_line "registry:" registry_pid registry_ok "$REGISTRY_URL/v2/" || rc=1
  status_line "registry:" registry2_pid registry2_ok "$REGISTRY2_URL/v2/ ($ECR_TEST_REGION2)" || rc=1
  status_line "registry:" registry3_pid registry3_ok "$REGISTRY3_URL/v2/ ($ECR_TEST_REGION3)" || rc=1
  status_line "registry:" registrypub_pid registrypub_ok "$PUBLIC_REGISTRY_URL/v2/ (ECR Public, $PUBLIC_HOST)" || rc=1
  status_line "front:   " front_pid front_ok \
    "https://$HOST/v2/, https://$HOST2/v2/, https://$HOST3/v2/ and $FRONT_API_URL" || rc=1
  status_line "dockerd: " dockerd_pid dockerd_ok "unix://$SOCK" || rc=1
  status_line "moto:    " moto_pid moto_ok "$MOTO_URL" || rc=1
  status_line "bridge:  " bridge_pid bridge_ok "$BRIDGE_URL/health" || rc=1
  status_line "proxy:   " proxy_open_pid proxy_open_ok "http://127.0.0.1:$PROXY_PORT" || rc=1
  status_line "proxy:   " proxy_auth_pid proxy_auth_ok "http://127.0.0.1:$AUTH_PROXY_PORT (Basic auth)" || rc=1
  status_line "proxy:   " proxy_tls_pid proxy_tls_ok "https://127.0.0.1:$TLS_PROXY_PORT" || rc=1
  if [ -f "$ENV_FILE" ]; then echo "env file: $ENV_FILE"; else echo "env file: (none)"; fi
  return $rc
}

cmd_env() {
  [ -f "$ENV_FILE" ] || die "no $ENV_FILE; run: $0 up"
  cat "$ENV_FILE"
}

case "${1:-}" in
  install) install_deps ;;
  up) cmd_up ;;
  down) shift; cmd_down "$@" ;;
  status) cmd_status ;;
  env) cmd_env ;;
  *) echo "usage: $0 install | up | down [--purge] | status | env" >&2; exit 2 ;;
esac
