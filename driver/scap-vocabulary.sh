#!/bin/sh
# Regenerates the scap vocabulary of protocol/src/main/java/io/peregrine/protocol/scap/ (event codes,
# event table, flag tables, syscall, errno and signal names, fd types) from a falcosecurity/libs
# source checkout: ./scap-vocabulary.sh /path/to/libs
# Written against libs commit 48dfd53cd (the tables in the tree come from it). Another commit
# works as long as its sources keep their shape; review the diff before committing it.
# Needs python3 and cc (the flag values are #define expressions, printed by a small C program).
set -eu
written_against=48dfd53cd
[ $# -eq 1 ] || { echo "usage: $0 LIBS_CHECKOUT" >&2; exit 2; }
libs=$(cd "$1" && pwd)
cd "$(dirname "$0")"
commit=$(git -C "$libs" rev-parse --short=9 HEAD 2>/dev/null || echo "$written_against")
[ "$commit" = "$written_against" ] || echo "note: libs is at $commit, the generator was written against $written_against" >&2
python3 scap-vocabulary.py "$libs" ../protocol/src/main/java/io/peregrine/protocol/scap "$commit"
