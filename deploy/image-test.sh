#!/usr/bin/env bash
# Builds deploy/Dockerfile without a Docker engine and checks that the image serves /api/health.
#
#   npm run test:image        (root, Debian 12, packages buildah + debootstrap; .ci/run installs them)
#
# Base images cannot be pulled here, so the Node image the Dockerfile names is stood in for by a
# local one: Debian bookworm (debootstrap --variant=minbase, the same release as
# node:26-bookworm-slim), this machine's Node binary (.ci/run puts .node-version's first on PATH) in
# /usr/local/bin, npm 11 (the npm the official Node 26 images ship) and a `node` user with uid 1000, tagged with the official name.
# buildah then builds with --pull=never, chroot isolation and the vfs storage driver, and
# `buildah run` starts the image's own CMD as its own user and asks it for /api/health.
#
# Everything lives under $HT_IMAGE_CACHE (default: $TMPDIR/habit-tracker-image): the stand-in
# base survives between runs on one machine (a fresh machine makes it: debootstrap, about a
# minute and a half). Measured here: 4.5–6.5 min per run on 2 busy cores, plus the base once.
set -Eeuo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

CACHE="${HT_IMAGE_CACHE:-${TMPDIR:-/tmp}/habit-tracker-image}"
IMAGE="localhost/habit-tracker-api:test"
NPM_VERSION="11.6.2"
DEBIAN_MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
# The one base image the Dockerfile names, e.g. node:26-bookworm-slim.
BASE_REF="$(awk 'toupper($1) == "FROM" && $2 ~ /^node:/ { print $2; exit }' deploy/Dockerfile)"
BASE_IMAGE="docker.io/library/${BASE_REF}"
NODE_MAJOR="$(node -p 'process.versions.node.split(".")[0]')"
NODE_VERSION="$(node -p 'process.versions.node')"
# Bumped when the stand-in's recipe changes, so a cached base from an older recipe is rebuilt.
STAND_IN_RECIPE="2"

log() { printf '[image-test %3ss] %s\n' "$SECONDS" "$*"; }
fail() {
  echo "image-test: $*" >&2
  exit 1
}

[[ ${EUID} -eq 0 ]] || fail "needs root (debootstrap and buildah's chroot isolation)"
for tool in buildah debootstrap; do
  command -v "$tool" >/dev/null || fail "$tool is not installed (apt-get install $tool)"
done
[[ ${BASE_REF} == node:${NODE_MAJOR}-bookworm* ]] ||
  fail "deploy/Dockerfile names ${BASE_REF}; the stand-in can only be Node ${NODE_MAJOR} on bookworm"
grep -q 'VERSION_CODENAME=bookworm' /etc/os-release ||
  fail "the stand-in is built with this machine's Node binary, which needs a bookworm host"

mkdir -p "$CACHE"
bah() { buildah --root "$CACHE/storage" --runroot "$CACHE/run" --storage-driver vfs "$@"; }

# ---- 1. The stand-in base image -------------------------------------------------------------
if bah inspect --type image "$BASE_IMAGE" >/dev/null 2>&1 &&
  [[ "$(bah inspect --type image --format '{{index .OCIv1.Config.Labels "stand-in.node"}}/{{index .OCIv1.Config.Labels "stand-in.recipe"}}' "$BASE_IMAGE")" == "$NODE_VERSION/$STAND_IN_RECIPE" ]]; then
  log "stand-in $BASE_IMAGE (Node $NODE_VERSION) is cached"
else
  log "building the stand-in for $BASE_IMAGE: debootstrap bookworm + Node $NODE_VERSION + npm $NPM_VERSION"
  rootfs="$CACHE/rootfs.tmp"
  rm -rf "$rootfs"
  # Node 25 and later link libatomic.so.1; the official slim images install libatomic1 for it
  # (nodejs/node#60790), so the stand-in does too.
  debootstrap --variant=minbase --include=libatomic1 bookworm "$rootfs" "$DEBIAN_MIRROR" >"$CACHE/debootstrap.log" 2>&1 ||
    fail "debootstrap failed; see $CACHE/debootstrap.log"
  # What debian:bookworm-slim leaves out: package caches and lists, docs, man pages.
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* \
    "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/*
  install -m 0755 "$(command -v node)" "$rootfs/usr/local/bin/node"
  mkdir -p "$rootfs/usr/local/lib/node_modules/npm"
  (cd "$CACHE" && npm pack "npm@${NPM_VERSION}" --silent >/dev/null)
  tar -xzf "$CACHE/npm-${NPM_VERSION}.tgz" -C "$rootfs/usr/local/lib/node_modules/npm" --strip-components=1
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
  ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"
  chroot "$rootfs" groupadd --gid 1000 node
  chroot "$rootfs" useradd --uid 1000 --gid node --shell /bin/bash --create-home node
  ctr="$(bah from scratch)"
  mnt="$(bah mount "$ctr")"
  cp -a "$rootfs"/. "$mnt"/
  bah umount "$ctr" >/dev/null
  bah config --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --env NODE_VERSION="$NODE_VERSION" --cmd node \
    --label stand-in.node="$NODE_VERSION" --label stand-in.recipe="$STAND_IN_RECIPE" --label stand-in.for="$BASE_IMAGE" "$ctr"
  bah commit --quiet "$ctr" "$BASE_IMAGE" >/dev/null
  bah rm "$ctr" >/dev/null
  rm -rf "$rootfs"
fi

# ---- 2. Build the Dockerfile ------------------------------------------------------------------
# Where this network reaches the npm registry through a TLS-inspecting proxy, this machine's npm
# trusts an extra CA (its `cafile`, or Node's NODE_EXTRA_CA_CERTS: npm's global config depends on
# where node lives, so the Node that .ci/run fetches does not see a system npmrc's cafile). The
# build's npm gets the same trust through bind mounts, which RUN steps see and no layer keeps: the
# image stays what Fly's builder would make.
build_mounts=()
host_cafile="$(npm config get cafile 2>/dev/null || true)"
if [[ -z ${host_cafile} || ${host_cafile} == null ]]; then host_cafile="${NODE_EXTRA_CA_CERTS:-}"; fi
if [[ -n ${host_cafile} && ${host_cafile} != null && -f ${host_cafile} ]]; then
  printf 'cafile=/tmp/host-ca.crt\n' >"$CACHE/npmrc"
  build_mounts=(-v "${host_cafile}:/tmp/host-ca.crt:ro" -v "$CACHE/npmrc:/usr/local/etc/npmrc:ro")
  log "npm in the build trusts this machine's CA bundle (${host_cafile}), mounted, not copied"
fi
log "building deploy/Dockerfile (--pull=never, chroot isolation, vfs)"
bah build --quiet --pull=never --isolation chroot --layers "${build_mounts[@]}" \
  -f deploy/Dockerfile -t "$IMAGE" . >"$CACHE/build.log" 2>&1 || {
  tail -n 60 "$CACHE/build.log" >&2
  fail "buildah build failed; the log is $CACHE/build.log"
}

# Sizes: the runtime stage's own layers = the image minus its base.
bah images --json | node -e '
  const images = JSON.parse(require("fs").readFileSync(0, "utf8"));
  const size = (name) => images.find((i) => (i.names ?? []).includes(name))?.size;
  const [image, base] = [size(process.argv[1]), size(process.argv[2])];
  const mb = (s) => Number.parseFloat(s) * (/GB/i.test(s) ? 1000 : /kB/i.test(s) ? 0.001 : 1);
  if (image && base) {
    console.log(`[image-test] image size: ${image} in all; the base (stand-in) ${base}; ` +
      `the runtime stage adds ${Math.round(mb(image) - mb(base))} MB`);
  }' "$IMAGE" "$BASE_IMAGE" || true

# ---- 3. What the image says about itself -----------------------------------------------------
user="$(bah inspect --type image --format '{{.OCIv1.Config.User}}' "$IMAGE")"
env_list="$(bah inspect --type image --format '{{range .OCIv1.Config.Env}}{{println .}}{{end}}' "$IMAGE")"
internal_port="$(awk -F'=' '/^[[:space:]]*internal_port/ { gsub(/[[:space:]]/, "", $2); print $2; exit }' fly.toml)"
[[ ${user} == node ]] || fail "the image runs as '${user}', not the non-root user node"
grep -qx 'NODE_ENV=production' <<<"$env_list" || fail "NODE_ENV is not production in the image"
grep -qx "PORT=${internal_port}" <<<"$env_list" ||
  fail "the image's PORT is not fly.toml's internal_port (${internal_port})"
log "config: user=${user}, NODE_ENV=production, PORT=${internal_port} (= fly.toml internal_port)"

# ---- 4. Run it: the image's CMD, as its user, answers /api/health ---------------------------
# chroot isolation shares this machine's network, so the server listens on a free loopback port.
port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
metrics_port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
ctr="$(bah from --pull=never "$IMAGE")"
# vfs stores every layer as a full copy (about 1 GB per build): keep the stand-in base and the
# image, drop the intermediate stages, so repeated runs on one machine do not fill its disk.
trap 'bah rm "$ctr" >/dev/null 2>&1 || true; bah rmi --prune >/dev/null 2>&1 || true' EXIT
cmd="$(bah inspect --format '{{range .OCIv1.Config.Cmd}}{{.}} {{end}}' "$ctr")"
log "running '${cmd% }' in the image on 127.0.0.1:${port}"
# One shell inside the container: start CMD in the background, poll /api/health and /metrics
# with Node's fetch (the slim image has no curl), then stop the server with SIGTERM and report
# how it exited.
probe='
set -u
'"${cmd% }"' >/tmp/server.log 2>&1 &
server=$!
node --input-type=module -e "
const base = \"http://127.0.0.1:${PORT}\";
const deadline = Date.now() + 60_000;
for (;;) {
  try {
    const res = await fetch(base + \"/api/health\");
    const body = await res.json();
    console.log(\"HEALTH \" + res.status + \" \" + JSON.stringify(body));
    const metrics = await (await fetch(\"http://127.0.0.1:${METRICS_PORT}/metrics\")).text();
    console.log(\"METRICS \" + (metrics.includes(\"http_request_duration_seconds\") ? \"ok\" : \"missing\"));
    process.exit(res.status === 200 ? 0 : 1);
  } catch (error) {
    if (Date.now() > deadline) { console.log(\"HEALTH none: \" + error.message); process.exit(1); }
    await new Promise((r) => setTimeout(r, 250));
  }
}"
probe_status=$?
kill -TERM $server
wait $server
echo "EXIT $?"
echo "USER $(id -un)"
exit $probe_status
'
set +e
output="$(bah run --isolation chroot \
  --env HOST=127.0.0.1 --env PORT="$port" --env METRICS_PORT="$metrics_port" --env LOG_LEVEL=warn \
  "$ctr" -- sh -c "$probe" 2>&1)"
status=$?
set -e
printf '%s\n' "$output" | sed 's/^/  | /'
[[ ${status} -eq 0 ]] || fail "the image did not answer 200 on /api/health"
grep -q '^HEALTH 200 ' <<<"$output" || fail "no 200 from /api/health"
grep -q '^METRICS ok' <<<"$output" || fail "/metrics did not serve the request histogram"
grep -q '^EXIT 0' <<<"$output" || fail "the server did not exit cleanly on SIGTERM"
grep -q '^USER node' <<<"$output" || fail "the server did not run as the user node"
log "ok: /api/health answered 200 inside the image; /metrics served; SIGTERM exited 0 (${SECONDS}s in all)"
