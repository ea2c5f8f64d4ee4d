#!/bin/bash
# Level 1 (bash): optionally move into a cgroup named like a Kubernetes pod container, then run
# sh (level 2), which runs python3 (level 3) without exec'ing it, so the tree is bash > sh > python3.
# $1 cgroup directory or "-", $2 working directory, $3 python script
if [ "$1" != "-" ]; then echo $$ > "$1/cgroup.procs"; fi
/bin/sh -c "cd '$2'; /usr/bin/python3 '$3'; true"
