package io.peregrine.driver.scap;

import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.protocol.event.EventRecord;
import io.peregrine.protocol.event.EventTable;
import io.peregrine.protocol.scap.FdTypes;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Writes events as a .scap file that sysdig and Falco open. Seed events given before the first
 * event become the machine's process, fd, interface and user/group list blocks; events become V2
 * event blocks holding the record bytes unchanged, except accept4 and bpf records, which are
 * written in the older versions that sysdig 0.29 also knows (see {@link #copyRecord}).
 *
 * <p>Process entries are written with the field set libscap wrote before 0.10 (through the
 * capabilities), which both old readers (sysdig 0.29) and current ones read; tty, pgid,
 * pidns start time and executable inode fields are therefore not carried by the file.
 */
public final class ScapWriter implements AutoCloseable {
    private static final int SEED_THREAD = EventCodes.PEREGRINE_SEED_THREAD_E;
    private static final int SEED_FD = EventCodes.PEREGRINE_SEED_FD_E;
    private static final int SEED_USER = EventCodes.PEREGRINE_SEED_USER_E;
    private static final int SEED_GROUP = EventCodes.PEREGRINE_SEED_GROUP_E;
    private static final int SEED_IFADDR = EventCodes.PEREGRINE_SEED_IFADDR_E;
    private static final int NON_LARGE_LIMIT = 65536;
    private static final int HEADER = 26;

    private final OutputStream out;
    private final MachineInfo machine;
    private final List<byte[]> threads = new ArrayList<>();
    private final Map<Long, List<byte[]>> fds = new LinkedHashMap<>();
    private final List<byte[]> users = new ArrayList<>();
    private final List<byte[]> ifaddrs = new ArrayList<>();
    private final EventRecord seed = new EventRecord();
    private boolean headerWritten;
    private byte[] block = new byte[1 << 16];
    private MemorySegment blockSeg = MemorySegment.ofArray(block);
    private long eventsWritten;
    private long seedsWritten;

    public ScapWriter(OutputStream out, MachineInfo machine) {
        this.out = out;
        this.machine = machine;
    }

    /** Creates a .scap file, gzip-compressed when the name ends in ".gz". */
    public static ScapWriter create(Path file, MachineInfo machine) throws IOException {
        OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        if (file.getFileName().toString().endsWith(".gz")) {
            os = new GZIPOutputStream(os, 1 << 16);
        }
        return new ScapWriter(os, machine);
    }

    /**
     * Writes one record. Seed records must come before the first event (scap keeps state in the
     * list blocks that precede the events).
     */
    public void write(EventRecord r) throws IOException {
        write(r, 0);
    }

    public void write(EventRecord r, int cpu) throws IOException {
        int type = r.type();
        if (EventTable.isSynthetic(type)) {
            if (headerWritten) {
                throw new IllegalStateException("seed event after the first event: .scap keeps state only before events");
            }
            byte[] copy = new byte[r.len()];
            MemorySegment.copy(r.segment(), ValueLayout.JAVA_BYTE, r.offset(), copy, 0, copy.length);
            if (type == SEED_THREAD) {
                threads.add(copy);
            } else if (type == SEED_FD) {
                fds.computeIfAbsent(r.i64(0), k -> new ArrayList<>()).add(copy);
            } else if (type == SEED_USER || type == SEED_GROUP) {
                users.add(copy);
            } else if (type == SEED_IFADDR) {
                ifaddrs.add(copy);
            }
            seedsWritten++;
            return;
        }
        if (!headerWritten) {
            writeHeader();
        }
        int len = r.len();
        ensure(8 + pad(2 + len) + 4);
        len = copyRecord(r, type);
        int body = 2 + len;
        int total = 8 + pad(body) + 4;
        blockSeg.set(EventRecord.I32, 0, total > NON_LARGE_LIMIT ? ScapBlocks.EV_V2_LARGE : ScapBlocks.EV_V2);
        blockSeg.set(EventRecord.I32, 4, total);
        blockSeg.set(EventRecord.I16, 8, (short) cpu);
        for (int i = 8 + body; i < total - 4; i++) {
            block[i] = 0;
        }
        blockSeg.set(EventRecord.I32, total - 4, total);
        out.write(block, 0, total);
        eventsWritten++;
    }

    /**
     * Copies the record into the block at offset 10 and returns its length there. Where scap has
     * an older version of a type that sysdig 0.29 knows and current readers still read, that
     * version is written instead: sysdig 0.29 skips codes above 335 without a word.
     * accept4's exit loses its flags (also in the enter event); bpf's exit carries its result as
     * the old dynamic res_or_fd parameter; the enter events have the same parameters.
     */
    private int copyRecord(EventRecord r, int type) {
        MemorySegment src = r.segment();
        long off = r.offset();
        int len = r.len();
        MemorySegment.copy(src, off, blockSeg, 10, len);
        switch (type) {
            case EventCodes.PPME_SOCKET_ACCEPT4_6_E -> setType(EventCodes.PPME_SOCKET_ACCEPT4_5_E);
            case EventCodes.PPME_SYSCALL_BPF_2_E -> setType(EventCodes.PPME_SYSCALL_BPF_E);
            case EventCodes.PPME_SOCKET_ACCEPT4_6_X -> {
                if (r.nparams() != 6) {
                    return len;
                }
                // five of the six lengths, then the data of the first five parameters
                int data = 0;
                for (int i = 0; i < 5; i++) {
                    data += r.paramLen(i);
                }
                setType(EventCodes.PPME_SOCKET_ACCEPT4_5_X);
                blockSeg.set(EventRecord.I32, 10 + 22, 5);
                MemorySegment.copy(src, off + HEADER + 12, blockSeg, 10 + HEADER + 10, data);
                len = HEADER + 10 + data;
            }
            case EventCodes.PPME_SYSCALL_BPF_2_X -> {
                if (r.nparams() < 1 || r.paramLen(0) != 8) {
                    return len;
                }
                long fd = r.i64(0);
                setType(EventCodes.PPME_SYSCALL_BPF_X);
                blockSeg.set(EventRecord.I32, 10 + 22, 1);
                blockSeg.set(EventRecord.I16, 10 + HEADER, (short) 9);
                // PPM_BPF_IDX_FD for a result of 0 or more, PPM_BPF_IDX_RES for an error, as scap's
                // drivers wrote it before the exit event had the command
                block[10 + HEADER + 2] = (byte) (fd >= 0 ? 0 : 1);
                blockSeg.set(EventRecord.I64, 10 + HEADER + 3, fd);
                len = HEADER + 2 + 9;
            }
            default -> {
                return len;
            }
        }
        blockSeg.set(EventRecord.I32, 10 + 16, len);
        return len;
    }

    private void setType(int type) {
        blockSeg.set(EventRecord.I16, 10 + 20, (short) type);
    }

    private void ensure(int n) {
        if (n > block.length) {
            block = new byte[Math.max(n, block.length * 2)];
            blockSeg = MemorySegment.ofArray(block);
        }
    }

    private static int pad(int n) {
        return (n + 3) & ~3;
    }

    private void writeHeader() throws IOException {
        headerWritten = true;
        // Section header
        Block b = new Block(ScapBlocks.SHB);
        b.u32(ScapBlocks.SHB_MAGIC).u16(1).u16(2).u64(-1);
        b.writeTo(out);
        // Machine info
        MachineInfo mi = machine != null ? machine
                : new MachineInfo(Runtime.getRuntime().availableProcessors(), 0, 0, "", 0, 0);
        b = new Block(ScapBlocks.MI);
        byte[] host = new byte[128];
        byte[] h = mi.hostname().getBytes(StandardCharsets.UTF_8);
        System.arraycopy(h, 0, host, 0, Math.min(h.length, 127));
        b.u32(mi.numCpus()).u64(mi.memorySizeBytes()).u64(mi.maxPid()).bytes(host).u64(mi.bootTsEpoch())
                .u64(mi.flags()).u64(0).u64(0);
        b.writeTo(out);
        if (!ifaddrs.isEmpty()) {
            b = new Block(ScapBlocks.IL_V2);
            for (byte[] rec : ifaddrs) {
                EventRecord r = wrapSeed(rec);
                byte[] name = str(r, 0);
                int alen = r.paramLen(1);
                boolean v6 = alen == 16;
                Block e = new Block(0);
                e.u16(v6 ? ScapBlocks.II_IPV6 : ScapBlocks.II_IPV4).u16(name.length)
                        .bytes(r.bytes(1)).bytes(fixed(r.bytes(2), alen)).bytes(fixed(r.bytes(3), alen))
                        .u64(r.i64(4)).bytes(name);
                b.u32(e.size()).bytes(e.body());
            }
            b.writeTo(out);
        }
        if (!users.isEmpty()) {
            b = new Block(ScapBlocks.UL_V2);
            for (byte[] rec : users) {
                EventRecord r = wrapSeed(rec);
                Block e = new Block(0);
                if (r.type() == SEED_USER) {
                    e.u8(0).u32((int) r.u32(0)).u32((int) r.u32(1)).lstr(str(r, 2)).lstr(str(r, 3)).lstr(str(r, 4));
                } else {
                    e.u8(1).u32((int) r.u32(0)).lstr(str(r, 1));
                }
                b.u32(e.size() + 4).bytes(e.body());
            }
            b.writeTo(out);
        }
        if (!threads.isEmpty()) {
            b = new Block(ScapBlocks.PL_V9);
            for (byte[] rec : threads) {
                EventRecord r = wrapSeed(rec);
                Block e = new Block(0);
                e.u64(r.i64(0)).u64(r.i64(1)).u64(r.i64(2)).u64(r.i64(3)).u64(r.i64(4))
                        .lstr(str(r, 6)).lstr(str(r, 7)).lstr(str(r, 8)).lstr(r.bytes(9)).lstr(str(r, 11))
                        .u64(r.i64(12)).u32(r.i32(13)).u32(r.i32(16)).u32(r.i32(17))
                        .u32(r.i32(22)).u32(r.i32(23)).u32(r.i32(24)).u64(r.i64(25)).u64(r.i64(26))
                        .lstr(r.bytes(10)).u64(r.i64(20)).u64(r.i64(21)).lstr(r.bytes(27)).lstr(str(r, 28))
                        .u32(r.i32(18)).u8((r.i32(34) & ScapSeeds.EXE_WRITABLE) != 0 ? 1 : 0)
                        .u64(r.i64(31)).u64(r.i64(32)).u64(r.i64(33));
                b.u32(e.size() + 4).bytes(e.body());
            }
            b.writeTo(out);
        }
        for (Map.Entry<Long, List<byte[]>> en : fds.entrySet()) {
            b = new Block(ScapBlocks.FDL_V2);
            b.u64(en.getKey());
            for (byte[] rec : en.getValue()) {
                EventRecord r = wrapSeed(rec);
                int type = r.u8(2);
                if (type == 0 || type > FdTypes.FILE_V2) {
                    // bpf, userfaultfd, io_uring, memfd and pidfd fds are newer than sysdig 0.29's
                    // reader, which rejects the whole file for them: write them as "unsupported"
                    type = FdTypes.UNSUPPORTED;
                }
                Block e = new Block(0);
                e.u64(r.i64(1)).u64(r.i64(3)).u8(type);
                switch (type) {
                    case FdTypes.IPV4_SOCK -> e.bytes(fixed(r.bytes(9), 4)).bytes(fixed(r.bytes(11), 4))
                            .u16(r.u16(10)).u16(r.u16(12)).u8(r.u8(8));
                    case FdTypes.IPV4_SERVSOCK -> e.bytes(fixed(r.bytes(9), 4)).u16(r.u16(10)).u8(r.u8(8));
                    case FdTypes.IPV6_SOCK -> e.bytes(fixed(r.bytes(9), 16)).bytes(fixed(r.bytes(11), 16))
                            .u16(r.u16(10)).u16(r.u16(12)).u8(r.u8(8));
                    case FdTypes.IPV6_SERVSOCK -> e.bytes(fixed(r.bytes(9), 16)).u16(r.u16(10)).u8(r.u8(8));
                    case FdTypes.UNIX_SOCK -> e.u64(r.i64(13)).u64(r.i64(14)).lstr(str(r, 5));
                    case FdTypes.FILE_V2 -> e.u32(r.i32(4)).lstr(str(r, 5)).u32(r.i32(7));
                    default -> e.lstr(str(r, 5));
                }
                b.u32(e.size() + 4).bytes(e.body());
            }
            b.writeTo(out);
        }
    }

    private static byte[] fixed(byte[] b, int n) {
        if (b.length == n) {
            return b;
        }
        byte[] r = new byte[n];
        System.arraycopy(b, 0, r, 0, Math.min(n, b.length));
        return r;
    }

    private EventRecord wrapSeed(byte[] rec) {
        return seed.wrap(MemorySegment.ofArray(rec), 0);
    }

    /** String parameter bytes without the terminating NUL. */
    private static byte[] str(EventRecord r, int i) {
        byte[] b = new byte[r.stringLen(i)];
        MemorySegment.copy(r.segment(), ValueLayout.JAVA_BYTE, r.paramOffset(i), b, 0, b.length);
        return b;
    }

    public long eventsWritten() {
        return eventsWritten;
    }

    public long seedsWritten() {
        return seedsWritten;
    }

    @Override
    public void close() throws IOException {
        try {
            if (!headerWritten) {
                writeHeader();
            }
            out.flush();
        } finally {
            out.close();
        }
    }

    /** A block (or list entry) under construction: little-endian fields, padded to 4 bytes on write. */
    private static final class Block {
        private final int type;
        private ByteBuffer buf = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);

        Block(int type) {
            this.type = type;
        }

        private void room(int n) {
            if (buf.remaining() < n) {
                ByteBuffer nb = ByteBuffer.allocate(Math.max(buf.capacity() * 2, buf.position() + n)).order(ByteOrder.LITTLE_ENDIAN);
                buf.flip();
                nb.put(buf);
                buf = nb;
            }
        }

        Block u8(int v) {
            room(1);
            buf.put((byte) v);
            return this;
        }

        Block u16(int v) {
            room(2);
            buf.putShort((short) v);
            return this;
        }

        Block u32(int v) {
            room(4);
            buf.putInt(v);
            return this;
        }

        Block u64(long v) {
            room(8);
            buf.putLong(v);
            return this;
        }

        Block bytes(byte[] b) {
            room(b.length);
            buf.put(b);
            return this;
        }

        /** u16 length then the bytes. */
        Block lstr(byte[] b) {
            int n = Math.min(b.length, 0xFFFF);
            u16(n);
            room(n);
            buf.put(b, 0, n);
            return this;
        }

        int size() {
            return buf.position();
        }

        byte[] body() {
            byte[] b = new byte[buf.position()];
            buf.get(0, b);
            return b;
        }

        void writeTo(OutputStream out) throws IOException {
            int body = buf.position();
            int total = 8 + pad(body) + 4;
            ByteBuffer h = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(type).putInt(total);
            out.write(h.array());
            out.write(buf.array(), 0, body);
            out.write(new byte[pad(body) - body]);
            out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(total).array());
        }
    }
}
