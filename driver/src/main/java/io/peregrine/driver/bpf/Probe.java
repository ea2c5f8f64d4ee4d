package io.peregrine.driver.bpf;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.peregrine.driver.ffm.libbpf.LibBpf;
import io.peregrine.driver.ffm.libc.Libc;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The loaded and attached probe: the embedded object opened and loaded through libbpf, its maps,
 * and the links of its attached programs. Closing detaches everything.
 */
public final class Probe implements AutoCloseable {
    /** Resource path of the compiled probe inside the driver jar. */
    public static final String OBJECT_RESOURCE = "/io/peregrine/driver/bpf/probe.bpf.o";
    /** Programs attached to their hooks; the per-syscall handlers are reached by tail calls. */
    static final List<String> ATTACHED = List.of("sys_enter", "sys_exit", "sched_fork", "sched_exec", "sched_exit");
    static final int MAX_SYSCALLS = 512;
    private static final int CLOCK_BOOTTIME = 7;
    /** Bytes of an I/O call's buffer kept by default, as Falco's default snaplen. */
    public static final int DEFAULT_SNAPLEN = 80;
    /** Largest snaplen (PG_SNAPLEN_MAX in peregrine.h): one data parameter always fits a record. */
    public static final int MAX_SNAPLEN = 8192;

    private final Arena arena;
    private final MemorySegment object;
    private final List<MemorySegment> links = new ArrayList<>();
    private final int selectionFd;
    private final int enterSelectionFd;
    private final int settingsFd;
    private final int excludedTgidsFd;
    private final int excludedCgroupsFd;
    private final int cgroupExclusionFd;
    private final int countersFd;
    private final int ringFd;
    private final int ringSize;
    private final int cpus;
    private long bootTime;
    private int snaplen;
    private boolean closed;

    private Probe(Arena arena, MemorySegment object) throws DriverUnavailableException {
        this.arena = arena;
        this.object = object;
        this.selectionFd = mapFd("selection");
        this.enterSelectionFd = mapFd("enter_selection");
        this.settingsFd = mapFd("settings");
        this.excludedTgidsFd = mapFd("excluded_tgids");
        this.excludedCgroupsFd = mapFd("excluded_cgroups");
        this.cgroupExclusionFd = mapFd("cgroup_exclusion");
        this.countersFd = mapFd("counters");
        this.ringFd = mapFd("events");
        this.ringSize = LibBpf.bpf_map__max_entries(findMap("events"));
        this.cpus = LibBpf.libbpf_num_possible_cpus();
    }

    /**
     * Loads the probe with a ring buffer of {@code ringBytes} (a power of two, at least a page),
     * excludes {@code excludeTgid} (0 for nobody), selects {@code selected}, then attaches it.
     */
    public static Probe load(int ringBytes, long excludeTgid, Set<Syscall> selected) throws DriverUnavailableException {
        return load(ringBytes, Exclusion.of(excludeTgid), selected, Set.of(), DEFAULT_SNAPLEN);
    }

    /**
     * As {@link #load(int, long, Set)}, with {@code enterSelected} producing enter events as well;
     * each must have an enter handler ({@link Syscall#hasEnterEvent()}).
     */
    public static Probe load(int ringBytes, long excludeTgid, Set<Syscall> selected, Set<Syscall> enterSelected)
            throws DriverUnavailableException {
        return load(ringBytes, Exclusion.of(excludeTgid), selected, enterSelected, DEFAULT_SNAPLEN);
    }

    /**
     * As {@link #load(int, long, Set, Set)}, keeping the first {@code snaplen} bytes (0 to
     * {@link #MAX_SNAPLEN}) of the buffers of read, write, sendto, recvfrom, sendmsg and recvmsg in
     * their {@code data} parameter.
     */
    public static Probe load(int ringBytes, long excludeTgid, Set<Syscall> selected, Set<Syscall> enterSelected,
                             int snaplen) throws DriverUnavailableException {
        return load(ringBytes, Exclusion.of(excludeTgid), selected, enterSelected, snaplen);
    }

    /**
     * As {@link #load(int, long, Set, Set, int)}, leaving out what {@code exclusion} names; it is in
     * the kernel's maps before the programs are attached, so not one event of it is recorded.
     */
    public static Probe load(int ringBytes, Exclusion exclusion, Set<Syscall> selected, Set<Syscall> enterSelected,
                             int snaplen) throws DriverUnavailableException {
        checkSnaplen(snaplen);
        for (Syscall s : enterSelected) {
            requireEnterHandler(s);
        }
        if (Integer.bitCount(ringBytes) != 1 || ringBytes < 4096) {
            throw new IllegalArgumentException("ring size must be a power of two of at least 4096 bytes: " + ringBytes);
        }
        Requirements.check();
        byte[] bytes = objectBytes();
        Arena arena = Arena.ofShared();
        Probe probe = null;
        try {
            MemorySegment image = arena.allocate(bytes.length, 8);
            MemorySegment.copy(bytes, 0, image, JAVA_BYTE, 0, bytes.length);
            MemorySegment obj = LibBpf.bpf_object__open_mem(image, bytes.length, MemorySegment.NULL);
            if (obj.address() == 0 || obj.address() > -4096L && obj.address() < 0) {
                throw new DriverUnavailableException("libbpf could not open the probe object");
            }
            MemorySegment events = LibBpf.bpf_object__find_map_by_name(obj, arena.allocateFrom("events"));
            int err = LibBpf.bpf_map__set_max_entries(events, ringBytes);
            if (err != 0) {
                LibBpf.bpf_object__close(obj);
                throw new DriverUnavailableException("cannot size the ring buffer: " + strerror(err));
            }
            err = LibBpf.bpf_object__load(obj);
            if (err != 0) {
                LibBpf.bpf_object__close(obj);
                throw new DriverUnavailableException("the kernel refused the probe: " + strerror(err)
                        + " (libbpf printed the details on standard error)");
            }
            probe = new Probe(arena, obj);
            probe.bootTime = bootTimeNanos();
            probe.snaplen = snaplen;
            probe.writeSettings();
            for (long t : exclusion.tgids()) {
                probe.excludeProcess(t, false);
            }
            for (long t : exclusion.withDescendants()) {
                probe.excludeProcess(t, true);
            }
            for (long c : exclusion.cgroupIds()) {
                probe.excludeCgroup(c);
            }
            for (Syscall s : Syscall.values()) {
                probe.select(s, selected.contains(s));
            }
            for (Syscall s : enterSelected) {
                probe.selectEnter(s, true);
            }
            for (String name : ATTACHED) {
                probe.attach(name);
            }
            return probe;
        } catch (DriverUnavailableException | RuntimeException e) {
            if (probe != null) {
                probe.close();
            } else {
                arena.close();
            }
            throw e;
        }
    }

    static byte[] objectBytes() throws DriverUnavailableException {
        try (InputStream in = Probe.class.getResourceAsStream(OBJECT_RESOURCE)) {
            if (in == null) {
                throw new DriverUnavailableException("the probe object " + OBJECT_RESOURCE + " is not in the driver jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new DriverUnavailableException("cannot read the probe object", e);
        }
    }

    private MemorySegment findMap(String name) throws DriverUnavailableException {
        MemorySegment m = LibBpf.bpf_object__find_map_by_name(object, arena.allocateFrom(name));
        if (m.address() == 0) {
            throw new DriverUnavailableException("probe map " + name + " not found");
        }
        return m;
    }

    private int mapFd(String name) throws DriverUnavailableException {
        int fd = LibBpf.bpf_map__fd(findMap(name));
        if (fd < 0) {
            throw new DriverUnavailableException("probe map " + name + " has no fd: " + strerror(fd));
        }
        return fd;
    }

    private void attach(String program) throws DriverUnavailableException {
        MemorySegment prog = LibBpf.bpf_object__find_program_by_name(object, arena.allocateFrom(program));
        if (prog.address() == 0) {
            throw new DriverUnavailableException("probe program " + program + " not found");
        }
        MemorySegment link = LibBpf.bpf_program__attach(prog);
        long a = link.address();
        if (a == 0 || (a < 0 && a > -4096L)) {
            throw new DriverUnavailableException("cannot attach " + program
                    + (a < 0 ? ": " + strerror((int) a) : ""));
        }
        links.add(link);
    }

    /** Changes the snaplen while capturing; calls completing from now on use it. */
    public void snaplen(int bytes) throws DriverUnavailableException {
        checkSnaplen(bytes);
        snaplen = bytes;
        writeSettings();
    }

    public int snaplen() {
        return snaplen;
    }

    private static void checkSnaplen(int bytes) {
        if (bytes < 0 || bytes > MAX_SNAPLEN) {
            throw new IllegalArgumentException("snaplen must be between 0 and " + MAX_SNAPLEN + " bytes: " + bytes);
        }
    }

    /** Writes the whole settings entry (one map update, so the probe never sees a mix). */
    private void writeSettings() throws DriverUnavailableException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment key = a.allocateFrom(JAVA_INT, 0);
            MemorySegment v = a.allocate(ProbeLayouts.SETTINGS);
            ProbeLayouts.SETTINGS_BOOT_TIME.set(v, 0L, bootTime);
            ProbeLayouts.SETTINGS_EXCLUDE_TGID.set(v, 0L, 0); // unused: exclusion has its own maps
            ProbeLayouts.SETTINGS_FLAGS.set(v, 0L, 0);
            ProbeLayouts.SETTINGS_SNAPLEN.set(v, 0L, snaplen);
            check(LibBpf.bpf_map_update_elem(settingsFd, key, v, 0), "settings");
        }
    }

    /** Wall-clock time of boot in ns since the epoch: added in the probe to CLOCK_BOOTTIME. */
    static long bootTimeNanos() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment ts = a.allocate(16, 8);
            java.time.Instant now = java.time.Instant.now();
            if (Libc.clock_gettime(CLOCK_BOOTTIME, ts) != 0) {
                throw new IllegalStateException("clock_gettime(CLOCK_BOOTTIME) failed");
            }
            long boot = ts.get(java.lang.foreign.ValueLayout.JAVA_LONG, 0) * 1_000_000_000L
                    + ts.get(java.lang.foreign.ValueLayout.JAVA_LONG, 8);
            return now.getEpochSecond() * 1_000_000_000L + now.getNano() - boot;
        }
    }

    /** Values of the excluded_tgids map (PG_EXCL_* in peregrine.h). */
    static final byte EXCL_SELF = 1;
    static final byte EXCL_DESCENDANTS = 2;

    /**
     * Leaves thread group {@code tgid} (a pid of the initial pid namespace) out from now on; with
     * {@code descendants}, also every process it forks from now on, and theirs. Processes it
     * started before are not covered: name them too. The entry goes when the group's last thread
     * exits, so a reused pid is not excluded.
     */
    public void excludeProcess(long tgid, boolean descendants) throws DriverUnavailableException {
        if (tgid <= 0 || tgid > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("not a process id: " + tgid);
        }
        byte v = descendants ? (byte) (EXCL_SELF | EXCL_DESCENDANTS) : EXCL_SELF;
        try (Arena a = Arena.ofConfined()) {
            check(LibBpf.bpf_map_update_elem(excludedTgidsFd, a.allocateFrom(JAVA_INT, (int) tgid),
                    a.allocateFrom(JAVA_BYTE, v), 0), "excluded_tgids");
        }
    }

    /** Whether thread group {@code tgid} is excluded now (named, or forked by one excluded with descendants). */
    public boolean processExcluded(long tgid) {
        try (Arena a = Arena.ofConfined()) {
            return LibBpf.bpf_map_lookup_elem(excludedTgidsFd, a.allocateFrom(JAVA_INT, (int) tgid),
                    a.allocate(JAVA_BYTE)) == 0;
        }
    }

    /** Stops excluding thread group {@code tgid} (e.g. a named process that turned out to be gone). */
    public void forgetProcess(long tgid) {
        try (Arena a = Arena.ofConfined()) {
            LibBpf.bpf_map_delete_elem(excludedTgidsFd, a.allocateFrom(JAVA_INT, (int) tgid));
        }
    }

    /** Leaves out the tasks of cgroup v2 {@code id}, and of the cgroups below it, from now on. */
    public void excludeCgroup(long id) throws DriverUnavailableException {
        try (Arena a = Arena.ofConfined()) {
            check(LibBpf.bpf_map_update_elem(excludedCgroupsFd, a.allocateFrom(JAVA_LONG, id),
                    a.allocateFrom(JAVA_BYTE, (byte) 1), 0), "excluded_cgroups");
            check(LibBpf.bpf_map_update_elem(cgroupExclusionFd, a.allocateFrom(JAVA_INT, 0),
                    a.allocateFrom(JAVA_INT, 1), 0), "cgroup_exclusion");
        }
    }

    /** Turns recording of one syscall on or off; takes effect immediately in the kernel. */
    public void select(Syscall s, boolean on) throws DriverUnavailableException {
        selectNumber(s.number(), on);
    }

    /** Selection by raw syscall number (numbers without a handler are accepted and record nothing). */
    public void selectNumber(int nr, boolean on) throws DriverUnavailableException {
        if (nr < 0 || nr >= MAX_SYSCALLS) {
            throw new IllegalArgumentException("syscall number out of range: " + nr);
        }
        try (Arena a = Arena.ofConfined()) {
            check(LibBpf.bpf_map_update_elem(selectionFd, a.allocateFrom(JAVA_INT, nr),
                    a.allocateFrom(JAVA_BYTE, (byte) (on ? 1 : 0)), 0), "selection");
        }
    }

    /**
     * Turns the enter event of one syscall on or off (the exit selection is separate). A syscall
     * without an enter handler is refused: use {@link #selectEnterNumber} for a generic enter record.
     */
    public void selectEnter(Syscall s, boolean on) throws DriverUnavailableException {
        requireEnterHandler(s);
        selectEnterNumber(s.number(), on);
    }

    /**
     * Enter selection by raw syscall number; a number without an enter handler produces a generic
     * enter record ({@code PPME_GENERIC_E}) carrying the number.
     */
    public void selectEnterNumber(int nr, boolean on) throws DriverUnavailableException {
        if (nr < 0 || nr >= MAX_SYSCALLS) {
            throw new IllegalArgumentException("syscall number out of range: " + nr);
        }
        try (Arena a = Arena.ofConfined()) {
            check(LibBpf.bpf_map_update_elem(enterSelectionFd, a.allocateFrom(JAVA_INT, nr),
                    a.allocateFrom(JAVA_BYTE, (byte) (on ? 1 : 0)), 0), "enter_selection");
        }
    }

    private static void requireEnterHandler(Syscall s) {
        if (!s.hasEnterEvent()) {
            throw new IllegalArgumentException("the probe has no enter event for " + s.syscallName()
                    + "; syscalls with enter events: " + Syscall.withEnterEvents());
        }
    }

    /** Sums the per-CPU counters. */
    public ProbeCounters counters() throws DriverUnavailableException {
        try (Arena a = Arena.ofConfined()) {
            long stride = ProbeLayouts.COUNTERS.byteSize(); // already a multiple of 8
            MemorySegment v = a.allocate(stride * cpus, 8);
            check(LibBpf.bpf_map_lookup_elem(countersFd, a.allocateFrom(JAVA_INT, 0), v), "counters");
            long events = 0, drops = 0, tooLarge = 0;
            for (int c = 0; c < cpus; c++) {
                long off = c * stride;
                events += (long) ProbeLayouts.COUNTERS_EVENTS.get(v, off);
                drops += (long) ProbeLayouts.COUNTERS_DROPS.get(v, off);
                tooLarge += (long) ProbeLayouts.COUNTERS_TOO_LARGE.get(v, off);
            }
            return new ProbeCounters(events, drops, tooLarge);
        }
    }

    public int ringFd() {
        return ringFd;
    }

    public int ringSize() {
        return ringSize;
    }

    private static void check(int err, String what) throws DriverUnavailableException {
        if (err != 0) {
            throw new DriverUnavailableException("probe map " + what + " update failed: " + strerror(err));
        }
    }

    static String strerror(int err) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = a.allocate(256);
            LibBpf.libbpf_strerror(err, buf, 256);
            return buf.getString(0, StandardCharsets.UTF_8) + " (" + err + ")";
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (MemorySegment l : links) {
            LibBpf.bpf_link__destroy(l);
        }
        links.clear();
        LibBpf.bpf_object__close(object);
        arena.close();
    }
}
