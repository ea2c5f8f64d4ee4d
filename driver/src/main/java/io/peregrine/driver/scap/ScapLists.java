package io.peregrine.driver.scap;

import io.peregrine.driver.source.CaptureFormatException;
import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.protocol.event.EventRecord;
import io.peregrine.protocol.event.EventRecordBuilder;
import io.peregrine.protocol.scap.FdTypes;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Parses the list blocks of a .scap file (processes, fds, interfaces, users and groups) into seed
 * events. Entry layouts follow libscap's block versions; entries of newer files that carry a
 * length are skipped past their known fields.
 */
final class ScapLists {
    private final ScapReader reader;
    private final MemorySegment seg;
    private final byte[] arr;
    private final int end;
    private final long blockOffset;
    private int p;

    ScapLists(ScapReader reader, MemorySegment seg, int body, int bodyLen, long blockOffset) {
        this.reader = reader;
        this.seg = seg;
        this.arr = reader.array();
        this.p = body;
        this.end = body + bodyLen;
        this.blockOffset = blockOffset;
    }

    private CaptureFormatException corrupt(String what) {
        return new CaptureFormatException(blockOffset, "corrupt .scap file: " + what);
    }

    private void need(int n, String what) throws CaptureFormatException {
        if (n < 0 || p + n > end) {
            throw corrupt(what + " overruns its block");
        }
    }

    private long u64(String what) throws CaptureFormatException {
        need(8, what);
        long v = seg.get(EventRecord.I64, p);
        p += 8;
        return v;
    }

    private long u32(String what) throws CaptureFormatException {
        need(4, what);
        long v = Integer.toUnsignedLong(seg.get(EventRecord.I32, p));
        p += 4;
        return v;
    }

    private int u16(String what) throws CaptureFormatException {
        need(2, what);
        int v = Short.toUnsignedInt(seg.get(EventRecord.I16, p));
        p += 2;
        return v;
    }

    private int u8(String what) throws CaptureFormatException {
        need(1, what);
        return Byte.toUnsignedInt(seg.get(ValueLayout.JAVA_BYTE, p++));
    }

    /** A u16-length-prefixed string; returns its start index and leaves its length in {@link #strLen}. */
    private int strLen;

    private int str(String what) throws CaptureFormatException {
        int n = u16(what + " length");
        need(n, what);
        int at = p;
        // Some writers store the terminating NUL, some do not: keep the bytes before any NUL.
        int k = 0;
        while (k < n && arr[at + k] != 0) {
            k++;
        }
        strLen = k;
        p += n;
        return at;
    }

    // Process list: one seed_thread per entry.
    void processes(int version) throws CaptureFormatException {
        while (end - p >= 4) {
            int entryStart = p;
            long subLen = 0;
            if (version >= 9) {
                subLen = u32("process entry length");
            }
            long tid = u64("tid");
            long pid = u64("pid");
            long ptid = u64("ptid");
            long sid = -1;
            long vpgid = -1;
            if (version >= 6) {
                sid = u64("sid");
            }
            if (version >= 8) {
                vpgid = u64("vpgid");
            }
            int comm = str("comm");
            int commLen = strLen;
            int exe = str("exe");
            int exeLen = strLen;
            int exepath = -1;
            int exepathLen = 0;
            if (version >= 7) {
                exepath = str("exepath");
                exepathLen = strLen;
            }
            int argsLenRaw = u16("args length");
            need(argsLenRaw, "args");
            int args = p;
            p += argsLenRaw;
            int cwd = str("cwd");
            int cwdLen = strLen;
            long fdlimit = u64("fdlimit");
            long flags = u32("flags");
            long uid = u32("uid");
            long gid = u32("gid");
            long vmsize = 0;
            long vmrss = 0;
            long vmswap = 0;
            long pfmajor = 0;
            long pfminor = 0;
            int env = -1;
            int envLen = 0;
            long vtid = -1;
            long vpid = -1;
            int cgroups = -1;
            int cgroupsLen = 0;
            int root = -1;
            int rootLen = 0;
            if (version >= 2) {
                vmsize = u32("vmsize");
                vmrss = u32("vmrss");
                vmswap = u32("vmswap");
                pfmajor = u64("pfmajor");
                pfminor = u64("pfminor");
                if (version >= 3) {
                    envLen = u16("env length");
                    need(envLen, "env");
                    env = p;
                    p += envLen;
                }
                if (version >= 4) {
                    vtid = u64("vtid");
                    vpid = u64("vpid");
                    cgroupsLen = u16("cgroups length");
                    need(cgroupsLen, "cgroups");
                    cgroups = p;
                    p += cgroupsLen;
                    if (version >= 5) {
                        root = str("root");
                        rootLen = strLen;
                    }
                }
            }
            long pidnsStart = 0;
            long tty = 0;
            long loginuid = 0xFFFFFFFFL;
            int exeFlags = 0;
            long capInh = 0;
            long capPerm = 0;
            long capEff = 0;
            long exeIno = 0;
            long exeCtime = 0;
            long exeMtime = 0;
            long pgid = -1;
            if (subLen > 0) {
                long read = p - entryStart;
                // libs 0.10 inserted two fields before loginuid; older writers stop within 29 bytes.
                boolean pre010 = subLen - read <= 29;
                if (!pre010) {
                    if (fits(entryStart, subLen, 8)) {
                        pidnsStart = u64("pidns_init_start_ts");
                    }
                    if (fits(entryStart, subLen, 4)) {
                        tty = u32("tty");
                    }
                }
                if (fits(entryStart, subLen, 4)) {
                    loginuid = u32("loginuid");
                }
                if (fits(entryStart, subLen, 1) && u8("exe_writable") != 0) {
                    exeFlags |= ScapSeeds.EXE_WRITABLE;
                }
                if (fits(entryStart, subLen, 8)) {
                    capInh = u64("cap_inheritable");
                }
                if (fits(entryStart, subLen, 8)) {
                    capPerm = u64("cap_permitted");
                }
                if (fits(entryStart, subLen, 8)) {
                    capEff = u64("cap_effective");
                }
                if (fits(entryStart, subLen, 1) && u8("exe_upper_layer") != 0) {
                    exeFlags |= ScapSeeds.EXE_UPPER_LAYER;
                }
                if (fits(entryStart, subLen, 8)) {
                    exeIno = u64("exe_ino");
                }
                if (fits(entryStart, subLen, 8)) {
                    exeCtime = u64("exe_ino_ctime");
                }
                if (fits(entryStart, subLen, 8)) {
                    exeMtime = u64("exe_ino_mtime");
                }
                if (fits(entryStart, subLen, 1) && u8("exe_from_memfd") != 0) {
                    exeFlags |= ScapSeeds.EXE_FROM_MEMFD;
                }
                if (fits(entryStart, subLen, 1) && u8("exe_lower_layer") != 0) {
                    exeFlags |= ScapSeeds.EXE_LOWER_LAYER;
                }
                if (fits(entryStart, subLen, 8)) {
                    pgid = u64("pgid");
                }
                long consumed = p - entryStart;
                if (consumed > subLen) {
                    throw corrupt("process entry of tid " + tid + " is longer than its length " + subLen);
                }
                need((int) (subLen - consumed), "process entry");
                p = entryStart + (int) subLen;
            }
            EventRecordBuilder b = reader.seed(tid, EventCodes.PEREGRINE_SEED_THREAD_E);
            b.addI64(tid).addI64(pid).addI64(ptid).addI64(sid).addI64(vpgid).addI64(pgid);
            ScapSeeds.string(b, arr, comm, commLen);
            ScapSeeds.string(b, arr, exe, exeLen);
            ScapSeeds.string(b, arr, exepath, exepathLen);
            b.addBytes(arr, args, argsLenRaw);
            b.addBytes(arr, env < 0 ? 0 : env, envLen);
            ScapSeeds.string(b, arr, cwd, cwdLen);
            b.addI64(fdlimit).addU32(flags).addU32(uid).addU32(gid).addU32(uid).addU32(gid)
                    .addU32(loginuid).addU32(tty).addI64(vtid).addI64(vpid)
                    .addU32(vmsize).addU32(vmrss).addU32(vmswap).addI64(pfmajor).addI64(pfminor);
            b.addBytes(arr, cgroups < 0 ? 0 : cgroups, cgroupsLen);
            ScapSeeds.string(b, arr, root, rootLen);
            b.addI64(0).addI64(pidnsStart).addI64(capInh).addI64(capPerm).addI64(capEff)
                    .addU32(exeFlags).addI64(exeIno).addI64(exeCtime).addI64(exeMtime);
            reader.queueSeed();
        }
    }

    private boolean fits(int entryStart, long subLen, int n) {
        return (p - entryStart) + n <= subLen;
    }

    // Fd list: the owning tid, then one seed_fd per entry.
    void fds(boolean v2) throws CaptureFormatException {
        long tid = u64("fd list tid");
        while (end - p >= 4) {
            int entryStart = p;
            long subLen = 0;
            if (v2) {
                subLen = u32("fd entry length");
            }
            long fd = u64("fd");
            long ino = u64("ino");
            int type = u8("fd type");
            long flags = 0;
            int name = -1;
            int nameLen = 0;
            long dev = 0;
            int l4 = 0;
            int sipAt = -1;
            int dipAt = -1;
            int ipLen = 0;
            int sport = 0;
            int dport = 0;
            long source = 0;
            long dest = 0;
            switch (type) {
                case FdTypes.IPV4_SOCK -> {
                    need(13, "ipv4 socket");
                    sipAt = p;
                    dipAt = p + 4;
                    ipLen = 4;
                    p += 8;
                    sport = u16("sport");
                    dport = u16("dport");
                    l4 = u8("l4proto");
                }
                case FdTypes.IPV4_SERVSOCK -> {
                    need(7, "ipv4 server socket");
                    sipAt = p;
                    ipLen = 4;
                    p += 4;
                    sport = u16("port");
                    l4 = u8("l4proto");
                }
                case FdTypes.IPV6_SOCK -> {
                    need(37, "ipv6 socket");
                    sipAt = p;
                    dipAt = p + 16;
                    ipLen = 16;
                    p += 32;
                    sport = u16("sport");
                    dport = u16("dport");
                    l4 = u8("l4proto");
                }
                case FdTypes.IPV6_SERVSOCK -> {
                    need(19, "ipv6 server socket");
                    sipAt = p;
                    ipLen = 16;
                    p += 16;
                    sport = u16("port");
                    l4 = u8("l4proto");
                }
                case FdTypes.UNIX_SOCK -> {
                    source = u64("unix source");
                    dest = u64("unix destination");
                    name = str("unix path");
                    nameLen = strLen;
                }
                case FdTypes.FILE_V2 -> {
                    flags = u32("open flags");
                    name = str("file name");
                    nameLen = strLen;
                    if (subLen > 0 && fits(entryStart, subLen, 4)) {
                        dev = u32("dev");
                    }
                }
                case 0 -> {
                    // unknown fd: no further fields
                }
                default -> {
                    if (type >= FdTypes.FILE && type <= FdTypes.PIDFD) {
                        name = str("fd name");
                        nameLen = strLen;
                    } else {
                        type = FdTypes.UNSUPPORTED;
                    }
                }
            }
            if (subLen > 0) {
                long consumed = p - entryStart;
                if (consumed > subLen) {
                    throw corrupt("fd entry " + fd + " of tid " + tid + " is longer than its length " + subLen);
                }
                need((int) (subLen - consumed), "fd entry");
                p = entryStart + (int) subLen;
            }
            EventRecordBuilder b = reader.seed(tid, EventCodes.PEREGRINE_SEED_FD_E);
            b.addI64(tid).addI64(fd).addU8(type).addI64(ino).addU32(flags);
            ScapSeeds.string(b, arr, name, nameLen);
            b.addU32(0).addU32(dev).addU8(l4);
            if (sipAt >= 0) {
                b.addBytes(arr, sipAt, ipLen);
            } else {
                b.addEmpty();
            }
            b.addU16(sport);
            if (dipAt >= 0) {
                b.addBytes(arr, dipAt, ipLen);
            } else {
                b.addEmpty();
            }
            b.addU16(dport).addI64(source).addI64(dest);
            reader.queueSeed();
        }
    }

    // Interface list: one seed_ifaddr per address.
    void interfaces(boolean v2) throws CaptureFormatException {
        while (end - p >= 4) {
            int entryStart = p;
            long entrySize = 0;
            if (v2) {
                entrySize = u32("interface entry length");
                entryStart = p;
            }
            int type = u16("interface type");
            int nameLen = u16("interface name length");
            boolean v6 = type == ScapBlocks.II_IPV6 || type == ScapBlocks.II_IPV6_NOLINKSPEED;
            boolean speed = type == ScapBlocks.II_IPV4 || type == ScapBlocks.II_IPV6;
            if (type < ScapBlocks.II_IPV4 || type > ScapBlocks.II_IPV6_NOLINKSPEED) {
                throw corrupt("unknown interface type " + type);
            }
            int alen = v6 ? 16 : 4;
            need(alen * 3, "interface addresses");
            int addr = p;
            p += alen * 3;
            long linkspeed = speed ? u64("linkspeed") : 0;
            need(nameLen, "interface name");
            int name = p;
            p += nameLen;
            int k = 0;
            while (k < nameLen && arr[name + k] != 0) {
                k++;
            }
            if (entrySize > 0) {
                long consumed = p - entryStart;
                if (consumed > entrySize) {
                    throw corrupt("interface entry is longer than its length " + entrySize);
                }
                need((int) (entrySize - consumed), "interface entry");
                p = entryStart + (int) entrySize;
            }
            EventRecordBuilder b = reader.seed(0, EventCodes.PEREGRINE_SEED_IFADDR_E);
            ScapSeeds.string(b, arr, name, k);
            b.addBytes(arr, addr, alen).addBytes(arr, addr + alen, alen).addBytes(arr, addr + 2 * alen, alen)
                    .addI64(linkspeed);
            reader.queueSeed();
        }
    }

    // User list: seed_user and seed_group entries.
    void users(boolean v2) throws CaptureFormatException {
        while (end - p >= 4) {
            int entryStart = p;
            long subLen = 0;
            if (v2) {
                subLen = u32("user entry length");
            }
            int type = u8("user entry type");
            EventRecordBuilder b;
            if (type == 0) {
                long uid = u32("uid");
                long gid = u32("gid");
                int name = str("user name");
                int nameLen = strLen;
                int home = str("home");
                int homeLen = strLen;
                int shell = str("shell");
                int shellLen = strLen;
                b = reader.seed(0, EventCodes.PEREGRINE_SEED_USER_E);
                b.addU32(uid).addU32(gid);
                ScapSeeds.string(b, arr, name, nameLen);
                ScapSeeds.string(b, arr, home, homeLen);
                ScapSeeds.string(b, arr, shell, shellLen);
                ScapSeeds.string(b, arr, -1, 0);
            } else {
                long gid = u32("gid");
                int name = str("group name");
                int nameLen = strLen;
                b = reader.seed(0, EventCodes.PEREGRINE_SEED_GROUP_E);
                b.addU32(gid);
                ScapSeeds.string(b, arr, name, nameLen);
                ScapSeeds.string(b, arr, -1, 0);
            }
            if (subLen > 0) {
                long consumed = p - entryStart;
                if (consumed > subLen) {
                    throw corrupt("user entry is longer than its length " + subLen);
                }
                need((int) (subLen - consumed), "user entry");
                p = entryStart + (int) subLen;
            }
            reader.queueSeed();
        }
    }
}
