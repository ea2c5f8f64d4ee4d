package io.peregrine.driver.scap;

import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.protocol.event.EventDirection;
import io.peregrine.protocol.event.EventRecord;
import io.peregrine.protocol.event.EventRecordBuilder;
import io.peregrine.protocol.event.EventTable;
import io.peregrine.protocol.event.EventType;
import io.peregrine.protocol.event.ParamInfo;
import io.peregrine.protocol.scap.SysdigFormatter;
import io.peregrine.protocol.scap.SysdigLegacyParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Events in the current scap layouts (what the live probe emits) for every syscall the probe
 * covers, written by {@link ScapWriter} with a seed thread and fd: sysdig 0.29.3 opens the file and
 * prints the same types, threads and arguments (up to the parameters its older table knows).
 */
class CurrentLayoutEventsInSysdigTest {
    static final String[] SYSCALLS = {"clone", "clone3", "fork", "vfork", "execve", "execveat", "open",
            "openat", "openat2", "creat", "close", "dup", "dup2", "dup3", "fcntl", "rename", "renameat", "renameat2",
            "unlink", "unlinkat", "mkdir", "mkdirat", "rmdir", "link", "linkat", "symlink", "symlinkat", "chmod",
            "fchmod", "fchmodat", "chown", "lchown", "fchown", "fchownat", "truncate", "socket", "connect", "accept",
            "accept4", "bind", "listen", "sendto", "sendmsg", "recvfrom", "recvmsg", "shutdown", "setuid", "setgid",
            "setreuid", "setregid", "setresuid", "setresgid", "capset", "ptrace", "mount", "umount2", "unshare",
            "setns", "memfd_create", "bpf", "init_module", "finit_module", "kill", "tkill", "tgkill", "prctl", "chdir",
            "fchdir", "chroot", "pipe", "pipe2", "socketpair", "userfaultfd", "mprotect", "mmap", "read", "write",
            // last: the thread's exit removes it (and its fds) from sysdig's state
            "procexit"};

    @TempDir
    Path tmp;

    @Test
    void probeTypesOpenInSysdig() throws Exception {
        Path file = tmp.resolve("current.scap");
        EventRecordBuilder b = new EventRecordBuilder();
        EventRecord rec = new EventRecord();
        List<Decoded> written = new ArrayList<>();
        List<String> notInSysdig = new ArrayList<>();
        SysdigFormatter f = new SysdigFormatter();
        long tid = 4242;
        try (ScapWriter w = ScapWriter.create(file, null)) {
            seedThread(b, tid);
            w.write(rec.wrap(b.segment(), 0));
            b.begin(1, tid, EventCodes.PEREGRINE_SEED_FD_E, 15).addI64(tid).addI64(3).addU8(1).addI64(99).addU32(1)
                    .addString("/etc/hosts").addU32(0).addU32(0).addU8(1).addEmpty().addU16(0).addEmpty().addU16(0)
                    .addI64(0).addI64(0).finish();
            w.write(rec.wrap(b.segment(), 0));
            long ts = 1_700_000_000_000_000_000L;
            long num = 0;
            // first, an event that names the seeded fd
            b.begin(ts++, tid, EventCodes.PPME_SYSCALL_READ_E, 2).addI64(3).addU32(10).finish();
            w.write(rec.wrap(b.segment(), 0));
            written.add(Decoded.of(++num, rec, f));
            for (String sc : SYSCALLS) {
                for (EventDirection dir : EventDirection.values()) {
                    EventType et = EventTable.byName(sc, dir);
                    if (et == null) {
                        notInSysdig.add(sc + " " + dir + " (no table entry)");
                        continue;
                    }
                    if (et.code() > SysdigLegacyParams.MAX_CODE) {
                        notInSysdig.add(et.constant());
                        continue;
                    }
                    build(b, ts++, tid, et);
                    rec.wrap(b.segment(), 0);
                    w.write(rec);
                    written.add(Decoded.of(++num, rec, f));
                }
            }
        }
        assertTrue(written.size() > 100, "events written: " + written.size());
        // sysdig prints no more parameters than its table has for the type
        List<Decoded> expected = new ArrayList<>();
        for (Decoded d : written) {
            int n = SysdigLegacyParams.nparams(d.type(), d.args().size());
            expected.add(new Decoded(d.num(), d.type(), d.name(), d.dir(), d.tid(), d.ts(), d.args().subList(0, n), d.raw()));
        }
        List<SysdigReference.Line> sysdig = SysdigReference.read(file);
        List<String> diffs = SysdigComparison.compare(expected, sysdig, true);
        assertTrue(diffs.isEmpty(), String.join("\n", diffs) + "\n(newer than sysdig 0.29: " + notInSysdig + ")");
        // sysdig resolves the fd from the fd seed, which the writer turned into the fd list
        assertEquals("fd=3(<f>/etc/hosts) size=10 ", sysdig.get(0).args(), "fd resolved from the seed");
        assertEquals(written.size(), sysdig.size());
    }

    static void seedThread(EventRecordBuilder b, long tid) {
        b.begin(1, tid, EventCodes.PEREGRINE_SEED_THREAD_E, 38);
        b.addI64(tid).addI64(tid).addI64(1).addI64(tid).addI64(tid).addI64(tid).addString("probe-test")
                .addString("/usr/bin/probe-test").addString("/usr/bin/probe-test").addBytes("--flag\0".getBytes())
                .addBytes("HOME=/root\0".getBytes()).addString("/root").addI64(1024).addU32(0).addU32(0).addU32(0)
                .addU32(0).addU32(0).addU32(-1).addU32(0).addI64(tid).addI64(tid).addU32(100).addU32(50).addU32(0)
                .addI64(0).addI64(0).addBytes("cpu=/\0".getBytes()).addString("/").addI64(0).addI64(0).addI64(0)
                .addI64(0).addI64(0).addU32(0).addI64(0).addI64(0).addI64(0).finish();
    }

    /** Fills every parameter of a type with a plausible value of its declared type. */
    static void build(EventRecordBuilder b, long ts, long tid, EventType et) {
        b.begin(ts, tid, et.code(), et.nparams());
        for (int i = 0; i < et.nparams(); i++) {
            ParamInfo p = et.param(i);
            switch (p.type()) {
                case INT8, UINT8, SIGTYPE, L4PROTO, SOCKFAMILY, FLAGS8, ENUMFLAGS8 -> b.addU8(p.type().name().contains("FLAGS") ? 1 : 9);
                case INT16, UINT16, PORT, SYSCALLID, FLAGS16, ENUMFLAGS16 -> b.addU16(1);
                case INT32, UINT32, FLAGS32, ENUMFLAGS32, BOOL, SIGSET, IPV4ADDR, FD32, PID32 -> b.addU32(i == 0 ? 0 : 2);
                case UID, GID -> b.addU32(0);
                case MODE -> b.addU32(0644);
                case INT64, UINT64, RELTIME, ABSTIME, DOUBLE -> b.addI64(i + 1);
                case ERRNO -> b.addI64(i == 0 ? -2 : 0);
                case FD -> b.addI64(3);
                case PID -> b.addI64(tid);
                case CHARBUF -> b.addString("text" + i);
                case FSPATH, FSRELPATH -> b.addString("/tmp/peregrine/p" + i);
                case BYTEBUF -> b.addBytes(("buf" + i + "\0more").getBytes(StandardCharsets.ISO_8859_1));
                case SOCKADDR -> b.addBytes(ByteBuffer.allocate(7).order(ByteOrder.LITTLE_ENDIAN)
                        .put((byte) 2).put(new byte[] {127, 0, 0, 1}).putShort((short) 8080).array());
                case SOCKTUPLE -> b.addBytes(ByteBuffer.allocate(13).order(ByteOrder.LITTLE_ENDIAN)
                        .put((byte) 2).put(new byte[] {10, 0, 0, 1}).putShort((short) 40000)
                        .put(new byte[] {127, 0, 0, 1}).putShort((short) 8080).array());
                case FDLIST -> b.addBytes(ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN)
                        .putShort((short) 1).putLong(3).putShort((short) 1).array());
                case DYN -> b.addBytes(new byte[] {0, 5, 0, 0, 0, 0, 0, 0, 0});
                case IPV6ADDR -> b.addBytes(new byte[16]);
                default -> b.addEmpty();
            }
        }
        b.finish();
    }
}
