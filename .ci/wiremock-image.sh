#!/usr/bin/env bash
# Makes a Docker engine and a WireMock image available for the Testcontainers test, without any
# container registry: installs Debian's docker.io if needed, starts dockerd in the background, and
# builds an image tagged like the official one (wiremock/wiremock:3.13.2) from scratch: a jlinked JRE
# of this machine's JDK, the shared libraries it needs, and wiremock-standalone from Maven Central,
# working in /home/wiremock as the official image does (so mappings/ copied there are loaded).
# Idempotent: each step is skipped when its result is already there. Needs root.
set -euo pipefail

WIREMOCK_VERSION=3.13.2
IMAGE="wiremock/wiremock:${WIREMOCK_VERSION}"
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export DOCKER_BUILDKIT=0

log() { echo "[wiremock-image] $*"; }

ensure_docker() {
	if ! command -v dockerd >/dev/null 2>&1; then
		log "installing docker.io"
		apt-get update -qq
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io >/dev/null
	fi
	if ! docker info >/dev/null 2>&1; then
		log "starting dockerd"
		nohup dockerd >/tmp/coreclaw-dockerd.log 2>&1 &
		for _ in $(seq 1 60); do
			docker info >/dev/null 2>&1 && break
			sleep 1
		done
	fi
	docker info >/dev/null 2>&1 || { log "dockerd did not start; see /tmp/coreclaw-dockerd.log"; return 1; }
}

build_image() {
	if docker image inspect "$IMAGE" >/dev/null 2>&1; then
		log "$IMAGE is already there"
		return
	fi
	log "building $IMAGE"
	local context rootfs java
	context=$(mktemp -d)
	rootfs="$context/rootfs"
	mkdir -p "$rootfs/var/wiremock/lib" "$rootfs/home/wiremock/mappings" "$rootfs/home/wiremock/__files" "$rootfs/tmp"
	chmod 1777 "$rootfs/tmp"
	"$ROOT/mvnw" -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
		-Dartifact="org.wiremock:wiremock-standalone:${WIREMOCK_VERSION}" -DoutputDirectory="$context" -Dmdep.stripVersion=true
	mv "$context/wiremock-standalone.jar" "$rootfs/var/wiremock/lib/"
	java="$rootfs/opt/java"
	jlink --add-modules java.se,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,jdk.naming.dns,jdk.httpserver \
		--strip-debug --no-header-files --no-man-pages --output "$java"
	# The JRE's shared libraries and the dynamic loader, at the paths the binaries expect.
	find "$java" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 \
		| xargs -0 -n1 ldd 2>/dev/null \
		| grep -o '/[^ ]*' | sort -u \
		| while read -r lib; do
			[ -e "$lib" ] && cp -L --parents "$lib" "$rootfs"
		done
	cat >"$context/Dockerfile" <<'DOCKERFILE'
FROM scratch
COPY rootfs/ /
ENV JAVA_HOME=/opt/java
WORKDIR /home/wiremock
EXPOSE 8080
ENTRYPOINT ["/opt/java/bin/java", "-jar", "/var/wiremock/lib/wiremock-standalone.jar"]
CMD ["--port", "8080"]
DOCKERFILE
	docker build -q -t "$IMAGE" "$context" >/dev/null
	rm -rf "$context"
	log "built $IMAGE"
}

ensure_docker
build_image
