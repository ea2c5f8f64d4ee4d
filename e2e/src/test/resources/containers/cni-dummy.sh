#!/bin/sh
# A CNI plugin for tests, installed under two names. As "loopback" it brings up lo in the pod's
# network namespace; under any other name it gives the pod an interface that leads nowhere (a
# dummy device, or where the kernel has no dummy driver a bridge without ports): an address of its
# own, the cloud metadata address and a default route into that device, so that a connection to
# anywhere is a real connect() in the pod while nothing can leave this machine.
set -eu
v=0.4.0
case "${CNI_COMMAND:-}" in
  VERSION) echo "{\"cniVersion\":\"$v\",\"supportedVersions\":[\"0.3.0\",\"0.3.1\",\"0.4.0\"]}"; exit 0 ;;
  ADD) ;;
  *) exit 0 ;;  # DEL and CHECK: the namespace and its dummy device go with the pod
esac
cat >/dev/null
in_pod() { nsenter --net="$CNI_NETNS" "$@"; }
case "$(basename "$0")" in
  loopback)
    in_pod ip link set lo up
    echo "{\"cniVersion\":\"$v\",\"interfaces\":[{\"name\":\"lo\",\"sandbox\":\"$CNI_NETNS\"}],\"ips\":[{\"version\":\"4\",\"address\":\"127.0.0.1/8\",\"interface\":0}]}" ;;
  *)
    in_pod ip link add "$CNI_IFNAME" type dummy 2>/dev/null || in_pod ip link add "$CNI_IFNAME" type bridge
    in_pod ip addr add 10.77.0.2/24 dev "$CNI_IFNAME"
    in_pod ip addr add 169.254.169.254/32 dev "$CNI_IFNAME"
    in_pod ip link set "$CNI_IFNAME" up
    in_pod ip route add default dev "$CNI_IFNAME"
    echo "{\"cniVersion\":\"$v\",\"interfaces\":[{\"name\":\"$CNI_IFNAME\",\"sandbox\":\"$CNI_NETNS\"}],\"ips\":[{\"version\":\"4\",\"address\":\"10.77.0.2/24\",\"interface\":0}]}" ;;
esac
