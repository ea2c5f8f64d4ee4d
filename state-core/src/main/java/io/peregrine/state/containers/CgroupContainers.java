package io.peregrine.state.containers;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Container id and pod uid from a thread's cgroup paths, for the layouts the runtimes use:
 * <ul>
 *   <li>docker: {@code /docker/<id>}, {@code /system.slice/docker-<id>.scope}</li>
 *   <li>containerd / cri-containerd: {@code /kubepods/<qos>/pod<uid>/<id>},
 *       {@code .../kubepods-<qos>-pod<uid>.slice/cri-containerd-<id>.scope}, {@code /containerd/<id>}</li>
 *   <li>cri-o: {@code crio-<id>.scope}, {@code /crio/<id>}</li>
 *   <li>podman: {@code libpod-<id>.scope}, {@code /libpod_parent/libpod-<id>}</li>
 * </ul>
 * where {@code <id>} is 64 hex digits. Anything else is the host. Results are cached by cgroup
 * text (bounded), since every thread of a container carries the same paths.
 */
public final class CgroupContainers {
    private static final int CACHE_LIMIT = 4096;
    private final Map<String, ContainerInfo> cache = new HashMap<>();

    /** Resolves from the NUL-separated {@code subsys=path} list a clone or execve carries. */
    public ContainerInfo resolve(byte[] cgroups) {
        if (cgroups == null || cgroups.length == 0) {
            return ContainerInfo.HOST;
        }
        String text = new String(cgroups, StandardCharsets.UTF_8);
        ContainerInfo c = cache.get(text);
        if (c == null) {
            c = parse(text);
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(text, c);
        }
        return c;
    }

    /** Parses cgroup entries separated by NUL or newline, each {@code subsys=path} or a bare path. */
    public static ContainerInfo parse(String cgroups) {
        String podUid = null;
        for (String entry : cgroups.split("[\\x00\\n]")) {
            if (entry.isEmpty()) {
                continue;
            }
            int eq = entry.indexOf('=');
            // /proc/PID/cgroup lines are "N:subsys:path"; event lists are "subsys=path".
            String path = eq >= 0 ? entry.substring(eq + 1) : entry.substring(entry.lastIndexOf(':') + 1);
            if (podUid == null) {
                podUid = podUid(path);
            }
            ContainerInfo c = fromPath(path, podUid);
            if (c != null) {
                return c;
            }
        }
        return ContainerInfo.HOST;
    }

    static ContainerInfo fromPath(String path, String podUid) {
        String[] parts = path.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            String p = parts[i];
            String type = null;
            String id = null;
            if (p.endsWith(".scope")) {
                String s = p.substring(0, p.length() - ".scope".length());
                if (s.startsWith("docker-")) {
                    type = "docker";
                    id = s.substring(7);
                } else if (s.startsWith("cri-containerd-")) {
                    type = "containerd";
                    id = s.substring(15);
                } else if (s.startsWith("crio-")) {
                    type = "cri-o";
                    id = s.substring(5);
                } else if (s.startsWith("libpod-")) {
                    type = "podman";
                    id = s.substring(7);
                }
            } else if (p.startsWith("libpod-")) {
                type = "podman";
                id = p.substring(7);
            } else if (isHex64(p) && i > 0) {
                String parent = parts[i - 1];
                if (parent.equals("docker")) {
                    type = "docker";
                } else if (parent.equals("crio")) {
                    type = "cri-o";
                } else if (parent.equals("containerd") || parent.startsWith("pod") || parent.equals("kubepods")
                        || path.contains("kubepods")) {
                    type = "containerd";
                }
                id = type == null ? null : p;
            }
            if (id != null && isHex64(id)) {
                return new ContainerInfo(ContainerInfo.bytes(id.substring(0, 12)), ContainerInfo.bytes(id),
                        ContainerInfo.bytes(type), podUid == null ? null : ContainerInfo.bytes(podUid), podUid, id);
            }
        }
        return null;
    }

    /** The pod uid of a kubepods cgroup path (cgroupfs or systemd driver), or null. */
    static String podUid(String path) {
        if (!path.contains("kubepods")) {
            return null;
        }
        for (String p : path.split("/")) {
            String s = p;
            if (s.endsWith(".slice")) {
                s = s.substring(0, s.length() - ".slice".length());
                int at = s.lastIndexOf("-pod");
                if (at < 0) {
                    continue;
                }
                s = s.substring(at + 4).replace('_', '-');
            } else if (s.startsWith("pod")) {
                s = s.substring(3);
            } else {
                continue;
            }
            if (isUuid(s)) {
                return s;
            }
        }
        return null;
    }

    private static boolean isHex64(String s) {
        if (s.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUuid(String s) {
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}
