#!/usr/bin/env bash
# Makes a local stand-in for the official Node image, for machines that reach no container
# registry: a minimal Debian 13 ("trixie", glibc 2.41) with Debian's nodejs and npm, imported
# into podman as localhost/rapport-base. Then build with --build-arg BASE=localhost/rapport-base.
#
# Usage (as root): deploy/make-local-base.sh [MIRROR]   (default: the mirror apt already uses)
set -euo pipefail

IMAGE=localhost/rapport-base
MIRROR=${1:-$(sed -n 's/^URIs:[[:space:]]*\(\S*\/debian\)\/\?[[:space:]]*$/\1/p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -n1)}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
ROOT=$(mktemp -d /var/tmp/rapport-base.XXXXXX)
trap 'rm -rf "$ROOT"' EXIT

debootstrap --variant=minbase trixie "$ROOT" "$MIRROR"
chroot "$ROOT" apt-get install -y --no-install-recommends nodejs npm ca-certificates
# A machine behind a TLS-inspecting proxy trusts its authority locally; so must npm in the build.
if compgen -G '/usr/local/share/ca-certificates/*.crt' >/dev/null; then
  cp /usr/local/share/ca-certificates/*.crt "$ROOT/usr/local/share/ca-certificates/"
  chroot "$ROOT" update-ca-certificates
fi
chroot "$ROOT" apt-get clean
rm -rf "$ROOT"/var/lib/apt/lists/*
tar -C "$ROOT" -c . | podman import --change 'CMD ["node"]' \
  --change 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt' - "$IMAGE"
podman --runtime runc run --rm "$IMAGE" node --version
