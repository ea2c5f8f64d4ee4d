#!/usr/bin/bash
# The live oracle's workload, run in its own directory ($1): shells forked and exec'd, file
# open/rename/unlink, a pipeline, then the network and pipe actions of $2. Programs are named by
# their real paths (sysdig 0.29.3 shows the path as passed, Peregrine the kernel's: docs/state.md);
# one exec through the /bin symlink keeps that difference in view.
set -e
cd "$1"
sh=$(readlink -f /bin/sh)
"$sh" -c 'echo one > a.txt; mv a.txt b.txt; cat b.txt > c.txt; rm b.txt'
/usr/bin/bash -c 'ls -l . | wc -l > count.txt; exec /usr/bin/cat count.txt > /dev/null'
( cd /; /bin/sh -c 'true' )
"$(readlink -f /usr/bin/python3)" "$2" "$1"
rm -f c.txt count.txt
