package io.peregrine.driver.proc;

import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.protocol.event.EventRecordBuilder;
import io.peregrine.protocol.scap.FdTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scans /proc for the state that exists before capture starts and emits it as seed events (see
 * docs/event-format.md): one seed_thread per thread, one seed_fd per fd of each process, one
 * seed_user / seed_group per entry of the host's passwd and group files, one seed_ifaddr per
 * address of the host's network interfaces ({@link NetInterfaces}). Processes that exit
 * during the scan are skipped: their procexit follows in the live stream anyway. A process whose
 * files cannot be parsed (a kernel we do not know, or a /proc that is not the kernel's) is skipped
 * and counted in {@link #skipped()}; the scan goes on with the next one.
 */
public final class ProcScanner {
    /** Bound of the args and env parameters, as in the probe. */
    static final int MAX_ARGS = 4096;
    static final int MAX_ENV = 4096;
    static final long TICKS_PER_SECOND = 100; // USER_HZ, fixed by the kernel ABI

    static final int SEED_THREAD_PARAMS = 38;
    static final int SEED_FD_PARAMS = 15;
    static final int PPM_EXE_FROM_MEMFD = 1 << 2;
    static final int THREAD_FLAGS = (1 << 13) | (1 << 15) | (1 << 0) | (1 << 1) | (1 << 11);

    private final Path proc;
    private final Path etc;
    private final EventRecordBuilder b = new EventRecordBuilder(1 << 16);
    private long ts;
    private long bootTimeNs;
    private List<String> controllers = List.of();
    private SocketTable sockets;
    private int skipped;

    public ProcScanner(Path proc, Path etc) {
        this.proc = proc;
        this.etc = etc;
    }

    /** Emits every seed event into {@code out}; returns how many. */
    public int scan(SeedRecords out) throws IOException {
        int before = out.count();
        skipped = 0;
        java.time.Instant now = java.time.Instant.now();
        ts = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        bootTimeNs = bootTime();
        controllers = cgroupControllers();
        sockets = SocketTable.read(proc.resolve("net"));
        users(out);
        groups(out);
        NetInterfaces.emit(proc, ts, b, out);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(proc)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (!isNumber(name)) {
                    continue;
                }
                long pid;
                try {
                    pid = Long.parseLong(name);
                } catch (NumberFormatException tooLong) {
                    skipped++;
                    continue;
                }
                try {
                    if (!process(pid, out)) {
                        skipped++;
                    }
                } catch (IOException e) {
                    // the process exited while being read
                } catch (NumberFormatException | IndexOutOfBoundsException e) {
                    skipped++;
                }
            }
        }
        return out.count() - before;
    }

    /** Processes the last scan skipped because a file of theirs could not be parsed. */
    public int skipped() {
        return skipped;
    }

    /**
     * Emits the users and groups only (from {@code etc/passwd} and {@code etc/group}): what a
     * capture sends again when those files change, so that names follow the host.
     */
    public int accounts(SeedRecords out) {
        int before = out.count();
        java.time.Instant now = java.time.Instant.now();
        ts = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        users(out);
        groups(out);
        return out.count() - before;
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private long bootTime() throws IOException {
        for (String l : Files.readAllLines(proc.resolve("stat"))) {
            if (l.startsWith("btime ")) {
                try {
                    return Math.multiplyExact(Long.parseLong(l.substring(6).trim()), 1_000_000_000L);
                } catch (ArithmeticException | NumberFormatException e) {
                    return 0; // start times then count from the epoch, as when btime is absent
                }
            }
        }
        return 0;
    }

    /** Fields 4 to 22 of proc_pid_stat(5) in use here, in the order of {@link #statFields}. */
    static final int PPID = 0, PGRP = 1, SID = 2, TTY = 3, MINFLT = 4, MAJFLT = 5, START = 6;

    /**
     * The numbers read from a thread's stat line, or null when it cannot be parsed. The command
     * name (field 2) is in parentheses and may itself hold parentheses, spaces and newlines: the
     * fields start after the last ')'.
     */
    static long[] statFields(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0 || close + 2 > stat.length()) {
            return null;
        }
        String[] f = stat.substring(close + 2).trim().split(" ");
        // f[0] is field 3 (state); field 22 (starttime) is f[19]
        if (f.length < 20) {
            return null;
        }
        try {
            return new long[]{Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]),
                    Long.parseLong(f[7]), Long.parseLong(f[9]), Long.parseLong(f[19])};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private List<String> cgroupControllers() {
        try {
            String s = Files.readString(Path.of("/sys/fs/cgroup/cgroup.controllers")).trim();
            return s.isEmpty() ? List.of() : List.of(s.split("\\s+"));
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Emits one process's seeds; false when a thread of it was left out because it could not be parsed. */
    private boolean process(long pid, SeedRecords out) throws IOException {
        Path pdir = proc.resolve(Long.toString(pid));
        byte[] cmdline = readBytes(pdir.resolve("cmdline"), MAX_ARGS + 4096);
        byte[] environ = readBytesQuiet(pdir.resolve("environ"), MAX_ENV);
        String exepath = readLinkQuiet(pdir.resolve("exe"));
        String cwd = readLinkQuiet(pdir.resolve("cwd"));
        String root = readLinkQuiet(pdir.resolve("root"));
        long fdlimit = fdLimit(pdir);
        byte[] cgroups = cgroups(pdir);
        long loginuid = readLongQuiet(pdir.resolve("loginuid"), -1);
        long exeIno = 0, exeCtime = 0, exeMtime = 0;
        int exeFlags = 0;
        if (!exepath.isEmpty()) {
            if (exepath.startsWith("/memfd:")) {
                exeFlags |= PPM_EXE_FROM_MEMFD;
            }
            try {
                Map<String, Object> a = Files.readAttributes(pdir.resolve("exe"), "unix:ino,ctime,lastModifiedTime");
                exeIno = ((Number) a.get("ino")).longValue();
                exeCtime = nanos((FileTime) a.get("ctime"));
                exeMtime = nanos((FileTime) a.get("lastModifiedTime"));
            } catch (IOException | UnsupportedOperationException e) {
                // unreadable image (kernel thread, or gone): the parameters stay 0
            }
        }
        int split = indexOf(cmdline, (byte) 0);
        int exeLen = split < 0 ? cmdline.length : split;
        int argsFrom = split < 0 ? cmdline.length : split + 1;
        int argsLen = Math.min(cmdline.length - argsFrom, MAX_ARGS);

        List<Long> tids = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(pdir.resolve("task"))) {
            for (Path t : ds) {
                String n = t.getFileName().toString();
                if (isNumber(n)) {
                    tids.add(Long.parseLong(n));
                }
            }
        }
        tids.sort(null);
        boolean whole = true;
        for (long tid : tids) {
            Path tdir = pdir.resolve("task").resolve(Long.toString(tid));
            String stat;
            Map<String, String> status;
            String comm;
            try {
                // Bytes, not strict UTF-8: a command name may be any bytes, and a decoding error
                // would pass for an exited thread.
                stat = text(tdir.resolve("stat"));
                status = status(tdir.resolve("status"));
                comm = text(tdir.resolve("comm")).strip();
            } catch (IOException e) {
                continue; // the thread exited
            }
            long[] st = statFields(stat);
            long[] uid, gid, nsPid, nsTgid, nsPgid;
            long vmSize, vmRss, vmSwap, capInh, capPrm, capEff;
            try {
                uid = ids(status.get("Uid"));
                gid = ids(status.get("Gid"));
                nsPid = ids(status.get("NSpid"));
                nsTgid = ids(status.get("NStgid"));
                nsPgid = ids(status.get("NSpgid"));
                vmSize = kb(status.get("VmSize"));
                vmRss = kb(status.get("VmRSS"));
                vmSwap = kb(status.get("VmSwap"));
                capInh = hex(status.get("CapInh"));
                capPrm = hex(status.get("CapPrm"));
                capEff = hex(status.get("CapEff"));
            } catch (NumberFormatException e) {
                st = null;
                uid = gid = nsPid = nsTgid = nsPgid = null;
                vmSize = vmRss = vmSwap = capInh = capPrm = capEff = 0;
            }
            if (st == null) {
                whole = false; // parsed before anything is written, so no half record
                continue;
            }
            long ppid = st[PPID], pgrp = st[PGRP], sid = st[SID], ttyNr = st[TTY];
            long minflt = st[MINFLT], majflt = st[MAJFLT], startTicks = st[START];

            b.begin(ts, tid, EventCodes.PEREGRINE_SEED_THREAD_E, SEED_THREAD_PARAMS);
            b.addI64(tid).addI64(pid).addI64(ppid).addI64(sid);
            b.addI64(nsPgid.length > 0 ? nsPgid[nsPgid.length - 1] : pgrp).addI64(pgrp);
            b.addString(comm);
            b.addString(new String(cmdline, 0, exeLen, StandardCharsets.UTF_8));
            b.addString(exepath);
            b.addBytes(cmdline, argsFrom, argsLen);
            b.addBytes(environ);
            b.addString(cwd);
            b.addI64(fdlimit);
            b.addU32(tid == pid ? 0 : THREAD_FLAGS);
            b.addU32(uid.length > 0 ? uid[0] : 0).addU32(gid.length > 0 ? gid[0] : 0);
            b.addU32(uid.length > 1 ? uid[1] : 0).addU32(gid.length > 1 ? gid[1] : 0);
            b.addU32(loginuid);
            b.addU32(ttyNr);
            b.addI64(nsPid.length > 0 ? nsPid[nsPid.length - 1] : tid);
            b.addI64(nsTgid.length > 0 ? nsTgid[nsTgid.length - 1] : pid);
            b.addU32(vmSize).addU32(vmRss).addU32(vmSwap);
            b.addI64(majflt).addI64(minflt);
            b.addBytes(cgroups);
            b.addString(root);
            b.addI64(bootTimeNs + startTicks * (1_000_000_000L / TICKS_PER_SECOND));
            b.addI64(0); // pidns_init_start_ts: not available from /proc
            b.addI64(capInh).addI64(capPrm).addI64(capEff);
            b.addU32(exeFlags);
            b.addI64(exeIno).addI64(exeCtime).addI64(exeMtime);
            b.finish();
            out.add(b);
        }
        fds(pid, pdir, out);
        return whole;
    }

    private void fds(long pid, Path pdir, SeedRecords out) {
        List<Long> fds = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(pdir.resolve("fd"))) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (isNumber(n)) {
                    fds.add(Long.parseLong(n));
                }
            }
        } catch (IOException e) {
            return; // exited, or its fd table is not readable
        }
        fds.sort(null);
        for (long fd : fds) {
            Path link = pdir.resolve("fd").resolve(Long.toString(fd));
            String target = readLinkQuiet(link);
            if (target.isEmpty()) {
                continue; // closed meanwhile
            }
            long flags = 0, mntId = 0;
            try {
                for (String l : Files.readAllLines(pdir.resolve("fdinfo").resolve(Long.toString(fd)))) {
                    if (l.startsWith("flags:")) {
                        flags = Long.parseLong(l.substring(6).trim(), 8);
                    } else if (l.startsWith("mnt_id:")) {
                        mntId = Long.parseLong(l.substring(7).trim());
                    }
                }
            } catch (IOException | NumberFormatException e) {
                continue;
            }
            b.begin(ts, pid, EventCodes.PEREGRINE_SEED_FD_E, SEED_FD_PARAMS);
            b.addI64(pid).addI64(fd);
            if (target.startsWith("socket:[")) {
                long ino = Long.parseLong(target.substring(8, target.length() - 1));
                socket(ino, flags, mntId);
            } else {
                int type = fdType(target, link);
                long ino = 0, dev = 0;
                if (type == FdTypes.FILE || type == FdTypes.DIRECTORY || type == FdTypes.MEMFD || type == FdTypes.FIFO) {
                    try {
                        Map<String, Object> a = Files.readAttributes(link, "unix:ino,dev");
                        ino = ((Number) a.get("ino")).longValue();
                        dev = ((Number) a.get("dev")).longValue();
                    } catch (IOException | UnsupportedOperationException e) {
                        // an fd whose target cannot be stat'ed keeps ino and dev 0
                    }
                }
                b.addU8(type).addI64(ino).addU32(OpenFlags.toPpm(flags)).addString(target);
                b.addU32(mntId).addU32(dev).addU8(0);
                b.addEmpty().addU16(0).addEmpty().addU16(0).addI64(0).addI64(0);
            }
            b.finish();
            out.add(b);
        }
    }

    private void socket(long ino, long flags, long mntId) {
        SocketTable.Entry e = sockets.get(ino);
        if (e == null) {
            b.addU8(FdTypes.UNSUPPORTED).addI64(ino).addU32(OpenFlags.toPpm(flags)).addString("");
            b.addU32(mntId).addU32(0).addU8(0);
            b.addEmpty().addU16(0).addEmpty().addU16(0).addI64(0).addI64(0);
            return;
        }
        if (e.unix()) {
            b.addU8(FdTypes.UNIX_SOCK).addI64(ino).addU32(OpenFlags.toPpm(flags)).addString(e.path());
            b.addU32(mntId).addU32(0).addU8(0);
            b.addEmpty().addU16(0).addEmpty().addU16(0).addI64(e.kernelAddress()).addI64(0);
            return;
        }
        int type = e.listening() ? (e.ipv6() ? FdTypes.IPV6_SERVSOCK : FdTypes.IPV4_SERVSOCK)
                : (e.ipv6() ? FdTypes.IPV6_SOCK : FdTypes.IPV4_SOCK);
        b.addU8(type).addI64(ino).addU32(OpenFlags.toPpm(flags)).addString("");
        b.addU32(mntId).addU32(0).addU8(e.l4proto());
        b.addBytes(e.sip()).addU16(e.sport());
        if (e.listening()) {
            b.addEmpty().addU16(0);
        } else {
            b.addBytes(e.dip()).addU16(e.dport());
        }
        b.addI64(0).addI64(0);
    }

    static int fdType(String target, Path link) {
        if (target.startsWith("pipe:[")) {
            return FdTypes.FIFO;
        }
        if (target.startsWith("/memfd:")) {
            return FdTypes.MEMFD;
        }
        if (target.startsWith("anon_inode:")) {
            String k = target.substring(11);
            if (k.contains("eventfd")) return FdTypes.EVENT;
            if (k.contains("signalfd")) return FdTypes.SIGNALFD;
            if (k.contains("eventpoll")) return FdTypes.EVENTPOLL;
            if (k.contains("inotify")) return FdTypes.INOTIFY;
            if (k.contains("timerfd")) return FdTypes.TIMERFD;
            if (k.startsWith("bpf")) return FdTypes.BPF;
            if (k.contains("userfaultfd")) return FdTypes.USERFAULTFD;
            if (k.contains("io_uring")) return FdTypes.IOURING;
            if (k.contains("pidfd")) return FdTypes.PIDFD;
            return FdTypes.UNSUPPORTED;
        }
        if (target.startsWith("/")) {
            return Files.isDirectory(link) ? FdTypes.DIRECTORY : FdTypes.FILE;
        }
        return FdTypes.UNSUPPORTED;
    }

    private void users(SeedRecords out) {
        for (String l : linesQuiet(etc.resolve("passwd"))) {
            String[] f = l.split(":", -1);
            if (f.length < 7 || l.startsWith("#")) {
                continue;
            }
            try {
                b.begin(ts, 0, EventCodes.PEREGRINE_SEED_USER_E, 6);
                b.addU32(Long.parseLong(f[2])).addU32(Long.parseLong(f[3]));
                b.addString(f[0]).addString(f[5]).addString(f[6]).addString("");
                b.finish();
                out.add(b);
            } catch (NumberFormatException e) {
                // a malformed line describes no user
            }
        }
    }

    private void groups(SeedRecords out) {
        for (String l : linesQuiet(etc.resolve("group"))) {
            String[] f = l.split(":", -1);
            if (f.length < 3 || l.startsWith("#")) {
                continue;
            }
            try {
                b.begin(ts, 0, EventCodes.PEREGRINE_SEED_GROUP_E, 3);
                b.addU32(Long.parseLong(f[2])).addString(f[0]).addString("");
                b.finish();
                out.add(b);
            } catch (NumberFormatException e) {
                // a malformed line describes no group
            }
        }
    }

    private byte[] cgroups(Path pdir) {
        StringBuilder sb = new StringBuilder();
        for (String l : linesQuiet(pdir.resolve("cgroup"))) {
            String[] f = l.split(":", 3);
            if (f.length < 3) {
                continue;
            }
            if (f[1].isEmpty()) { // cgroup v2: every enabled controller sees the unified path
                for (String c : controllers) {
                    sb.append(c).append('=').append(f[2]).append('\0');
                }
            } else {
                for (String c : f[1].split(",")) {
                    sb.append(c).append('=').append(f[2]).append('\0');
                }
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static long fdLimit(Path pdir) {
        for (String l : linesQuiet(pdir.resolve("limits"))) {
            if (l.startsWith("Max open files")) {
                String[] f = l.substring(14).trim().split("\\s+");
                try {
                    return f[0].equals("unlimited") ? -1 : Long.parseLong(f[0]);
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    private static Map<String, String> status(Path p) throws IOException {
        Map<String, String> m = new HashMap<>();
        for (String l : text(p).split("\n")) {
            int c = l.indexOf(':');
            if (c > 0) {
                m.put(l.substring(0, c), l.substring(c + 1).trim());
            }
        }
        return m;
    }

    private static long[] ids(String s) {
        if (s == null || s.isEmpty()) {
            return new long[0];
        }
        String[] f = s.split("\\s+");
        long[] r = new long[f.length];
        for (int i = 0; i < f.length; i++) {
            r[i] = Long.parseLong(f[i]);
        }
        return r;
    }

    private static long kb(String s) {
        if (s == null) {
            return 0;
        }
        return Long.parseLong(s.split("\\s+")[0]);
    }

    private static long hex(String s) {
        return s == null ? 0 : Long.parseUnsignedLong(s, 16);
    }

    private static long nanos(FileTime t) {
        java.time.Instant i = t.toInstant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    private static int indexOf(byte[] a, byte v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }

    private static String text(Path p) throws IOException {
        return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(Path p, int max) throws IOException {
        byte[] a = Files.readAllBytes(p);
        return a.length <= max ? a : java.util.Arrays.copyOf(a, max);
    }

    private static byte[] readBytesQuiet(Path p, int max) {
        try {
            return readBytes(p, max);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static String readLinkQuiet(Path p) {
        try {
            return Files.readSymbolicLink(p).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }

    private static long readLongQuiet(Path p, long dflt) {
        try {
            return Long.parseLong(Files.readString(p).trim());
        } catch (IOException | NumberFormatException e) {
            return dflt;
        }
    }

    private static List<String> linesQuiet(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException e) {
            return List.of();
        }
    }

    static boolean exists(Path p) {
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    }
}
