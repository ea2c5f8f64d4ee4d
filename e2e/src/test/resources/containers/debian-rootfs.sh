#!/usr/bin/env bash
# Builds (once) the root file system of the Debian test image and prints the path of its tarball.
#   debian-rootfs.sh CACHE_DIR
# The tarball is named after the suite, the package list and this script, so that a changed list
# builds a new one; a finished tarball is never rebuilt. debootstrap fetches from the mirror that
# apt on this host already uses (a local mirror works the same).
set -euo pipefail
cache=$1
suite=bookworm
# What the container rules need to find inside a container: shells and package tools come with
# minbase; the rest are the network, copy, debug and Kubernetes tools the rules name.
packages=curl,wget,netcat-openbsd,socat,procps,iproute2,python3-minimal,e2fsprogs,openssh-client,kubernetes-client,ca-certificates
mirror=$(sed -n 's/^URIs: *\(http[^ ]*debian\)\/\?$/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1)
[ -n "$mirror" ] || mirror=$(awk '$1=="deb" && $3 ~ /^bookworm$/ {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
[ -n "$mirror" ] || mirror=http://deb.debian.org/debian
key=$(printf '%s\n%s\n' "$suite $packages" "$(cat "$0")" | sha256sum | cut -c1-16)
out=$cache/debian-$suite-$key.tar
if [ -s "$out" ]; then echo "$out"; exit 0; fi
mkdir -p "$cache"
work=$(mktemp -d "$cache/build.XXXXXX")
trap 'rm -rf "$work"' EXIT
debootstrap --variant=minbase --include="$packages" "$suite" "$work/root" "$mirror" >"$work/log" 2>&1 \
  || { tail -30 "$work/log" >&2; exit 1; }
# apt caches and lists are not part of an image; the device nodes runc makes itself.
rm -rf "$work/root"/var/cache/apt/archives/*.deb "$work/root"/var/lib/apt/lists/* "$work/root"/dev/*
tar -C "$work/root" --numeric-owner -cf "$work/rootfs.tar" .
mv "$work/rootfs.tar" "$out"
echo "$out"
