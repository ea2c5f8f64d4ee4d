#!/bin/sh
# Regenerates the FFM bindings under src/main/java/io/peregrine/driver/ffm/ with a `jextract`
# on PATH (jextract for JDK 25). The symbols below are exactly those the driver calls; add a
# symbol here and rerun rather than editing the generated code.
set -eu
cd "$(dirname "$0")"
out=src/main/java
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

libbpf_functions="
libbpf_major_version
libbpf_minor_version
libbpf_strerror
libbpf_num_possible_cpus
bpf_object__open_mem
bpf_object__load
bpf_object__close
bpf_object__find_map_by_name
bpf_object__find_program_by_name
bpf_map__fd
bpf_map__max_entries
bpf_map__set_max_entries
bpf_map_update_elem
bpf_map_lookup_elem
bpf_map_delete_elem
bpf_program__attach
bpf_program__set_autoload
bpf_link__destroy
"
libc_functions="
mmap
munmap
sysconf
clock_gettime
"

cat > "$tmp/libbpf_ffm.h" <<'H'
#include <bpf/libbpf.h>
#include <bpf/bpf.h>
H
cat > "$tmp/libc_ffm.h" <<'H'
#include <sys/mman.h>
#include <unistd.h>
#include <time.h>
H

rm -rf "$out/io/peregrine/driver/ffm/libbpf" "$out/io/peregrine/driver/ffm/libc"

set --
for f in $libbpf_functions; do set -- "$@" --include-function "$f"; done
jextract --output "$out" -t io.peregrine.driver.ffm.libbpf --header-class-name LibBpf \
  -l :libbpf.so.1 "$@" "$tmp/libbpf_ffm.h"

set --
for f in $libc_functions; do set -- "$@" --include-function "$f"; done
jextract --output "$out" -t io.peregrine.driver.ffm.libc --header-class-name Libc \
  "$@" "$tmp/libc_ffm.h"
