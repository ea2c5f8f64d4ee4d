package io.peregrine.rules.benchmark;

import io.peregrine.protocol.fields.EventTypes;
import io.peregrine.protocol.fields.FieldRef;
import io.peregrine.protocol.fields.FieldType;
import io.peregrine.rules.engine.compile.CompiledRuleset;
import io.peregrine.rules.engine.eval.ArrayFieldValues;
import java.util.List;

import java.util.SplittableRandom;

/**
 * A mix of projected events shaped like a busy host: mostly file opens, then process starts,
 * network calls and events no rule asks for; each event carries every field its type's interest
 * lists, with values drawn from pools of common names, paths and addresses (a few suspicious
 * ones, so that some rules match).
 */
public final class SyntheticEvents {

    private static final String[][] MIX = {
        // type, weight
        {"openat", "40"}, {"open", "5"}, {"execve", "10"}, {"connect", "8"}, {"accept", "4"}, {"close", "10"},
        {"read", "10"}, {"write", "5"}, {"unlinkat", "2"}, {"renameat2", "2"}, {"setuid", "1"}, {"ptrace", "1"},
        {"socket", "1"}, {"dup2", "1"},
    };
    private static final String[] NAMES = {"bash", "sh", "nginx", "java", "python3", "sshd", "cat", "node", "sudo",
        "curl", "nc", "runc", "containerd-shim", "systemd", "kubelet", "xmrig", "vi", "grep", "find", "dockerd"};
    private static final String[] PATHS = {"/etc/passwd", "/etc/shadow", "/tmp/x.sock", "/var/log/syslog",
        "/usr/lib/x86_64-linux-gnu/libc.so.6", "/proc/self/status", "/home/ann/.ssh/id_rsa", "/dev/shm/run",
        "/usr/bin/ls", "/root/.bash_history", "/var/run/docker.sock", "/etc/ld.so.preload", "/bin/sh",
        "/sys/fs/cgroup/release_agent", "/app/server.js", "/var/lib/kubelet/pods/x"};
    private static final String[] IPS = {"10.0.0.5", "192.168.1.20", "8.8.8.8", "172.17.0.2", "127.0.0.1",
        "100.64.1.1", "203.0.113.9"};
    private static final String[] CONTAINERS = {"host", "host", "3ad7b26ded6d", "8f1c0d3e2a11"};

    private SyntheticEvents() {
    }

    public static ArrayFieldValues[] generate(CompiledRuleset c, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int total = 0;
        for (String[] m : MIX) {
            total += Integer.parseInt(m[1]);
        }
        List<FieldRef> slots = c.slots().refs();
        ArrayFieldValues[] out = new ArrayFieldValues[n];
        for (int i = 0; i < n; i++) {
            int pick = r.nextInt(total);
            String type = MIX[0][0];
            for (String[] m : MIX) {
                pick -= Integer.parseInt(m[1]);
                if (pick < 0) {
                    type = m[0];
                    break;
                }
            }
            int code = EventTypes.code(type);
            ArrayFieldValues v = new ArrayFieldValues(slots.size()).eventType(code).time(1_700_000_000_000_000_000L + i);
            for (int s : c.interest().slotsFor(code)) {
                fill(v, s, slots.get(s), r);
            }
            out[i] = v;
        }
        return out;
    }

    private static void fill(ArrayFieldValues v, int slot, FieldRef ref, SplittableRandom r) {
        String name = ref.field().name();
        FieldType t = ref.field().type();
        if (r.nextInt(20) == 0) {
            return;     // some values are missing, as for threads state has not seen start
        }
        if (t == FieldType.BOOL) {
            v.putNumber(slot, r.nextInt(8) == 0 ? 1L : 0L);
        } else if (t.numeric()) {
            long x = switch (name) {
                case "fd.num" -> r.nextInt(40) - 1;
                case "user.uid", "user.loginuid", "group.gid" -> r.nextInt(3) == 0 ? 0 : 1000;
                case "proc.tty" -> r.nextInt(4) == 0 ? 34816 : 0;
                case "fd.sport", "fd.rport", "fd.lport", "fd.cport", "fd.port" -> new int[] {22, 80, 443, 6443, 53, 4444}[r.nextInt(6)];
                default -> r.nextInt(1_000_000);
            };
            v.putNumber(slot, x);
        } else if (t == FieldType.IPADDR || t == FieldType.IPNET) {
            v.putText(slot, IPS[r.nextInt(IPS.length)]);
        } else if (ref.multiValued()) {
            v.putText(slot, NAMES[r.nextInt(NAMES.length)], NAMES[r.nextInt(NAMES.length)], "systemd");
        } else if (name.equals("container.id")) {
            v.putText(slot, CONTAINERS[r.nextInt(CONTAINERS.length)]);
        } else if (name.startsWith("fd.") || name.contains("path") || name.equals("proc.cwd") || name.startsWith("fs.path")
                || name.equals("evt.arg") && "name,path,filename,newpath,oldpath,target,linkpath".contains(String.valueOf(ref.arg()))) {
            v.putText(slot, PATHS[r.nextInt(PATHS.length)]);
        } else if (name.equals("evt.res")) {
            v.putText(slot, r.nextInt(5) == 0 ? "ENOENT" : "SUCCESS");
        } else if (name.equals("evt.dir")) {
            v.putText(slot, "<");
        } else if (name.contains("cmdline") || name.equals("proc.args")) {
            v.putText(slot, NAMES[r.nextInt(NAMES.length)] + " -c " + PATHS[r.nextInt(PATHS.length)]);
        } else {
            v.putText(slot, NAMES[r.nextInt(NAMES.length)]);
        }
    }

}
