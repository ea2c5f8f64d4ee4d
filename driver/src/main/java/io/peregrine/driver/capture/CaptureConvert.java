package io.peregrine.driver.capture;

import io.peregrine.driver.scap.MachineInfo;
import io.peregrine.driver.scap.ScapReader;
import io.peregrine.driver.scap.ScapWriter;
import io.peregrine.driver.source.EventSource;
import io.peregrine.protocol.event.EventRecord;
import io.peregrine.protocol.event.EventTable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Converts between Peregrine capture files and .scap files, in both directions, record for record
 * (seed events become the .scap list blocks and back).
 *
 * <pre>java -cp ... io.peregrine.driver.capture.CaptureConvert IN OUT</pre>
 * The direction follows the names: an input ending in ".scap" or ".scap.gz" is read as .scap and
 * written as a Peregrine capture file, anything else is read as a capture file and written as .scap.
 */
public final class CaptureConvert {
    private CaptureConvert() {
    }

    public interface RecordSink {
        void write(EventRecord r) throws IOException;
    }

    /** Writes a Peregrine capture file as .scap; returns the number of records written. */
    public static long toScap(Path capture, Path scap) throws IOException {
        try (CaptureFileReader in = CaptureFileReader.open(capture)) {
            CaptureHeader h = in.header();
            MachineInfo mi = new MachineInfo(Runtime.getRuntime().availableProcessors(), 0, 0, h.nodeName(), 0, 0);
            try (ScapWriter out = ScapWriter.create(scap, mi)) {
                return copy(in, out::write);
            }
        }
    }

    /**
     * Writes a .scap file as a Peregrine capture file; returns the number of records written. The
     * header's start time is the first event's time (seed events, which come first, are held until
     * then).
     */
    public static long fromScap(Path scap, Path capture, UUID bootId, String nodeName) throws IOException {
        try (ScapReader in = ScapReader.open(scap)) {
            List<byte[]> seeds = new ArrayList<>();
            CaptureFileWriter[] out = {null};
            EventRecord held = new EventRecord();
            try {
                long n = copy(in, r -> {
                    if (out[0] == null) {
                        if (EventTable.isSynthetic(r.type())) {
                            byte[] b = new byte[r.len()];
                            MemorySegment.copy(r.segment(), ValueLayout.JAVA_BYTE, r.offset(), b, 0, b.length);
                            seeds.add(b);
                            return;
                        }
                        out[0] = open(capture, bootId, r.ts(), nodeName, in);
                        for (byte[] s : seeds) {
                            out[0].write(held.wrap(MemorySegment.ofArray(s), 0));
                        }
                    }
                    out[0].write(r);
                });
                if (out[0] == null) {
                    out[0] = open(capture, bootId, 0, nodeName, in);
                    for (byte[] s : seeds) {
                        out[0].write(held.wrap(MemorySegment.ofArray(s), 0));
                    }
                }
                return n;
            } finally {
                if (out[0] != null) {
                    out[0].close();
                }
            }
        }
    }

    private static CaptureFileWriter open(Path capture, UUID bootId, long start, String nodeName, ScapReader in)
            throws IOException {
        String node = nodeName != null ? nodeName : in.machineInfo() != null ? in.machineInfo().hostname() : "";
        return CaptureFileWriter.create(capture, CaptureHeader.of(bootId, start, node));
    }

    private static long copy(EventSource in, RecordSink sink) throws IOException {
        try {
            return in.drain(r -> {
                try {
                    sink.write(r);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: CaptureConvert IN OUT  (IN *.scap[.gz] -> capture file, else capture file -> .scap)");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        String name = in.getFileName().toString();
        long n = name.endsWith(".scap") || name.endsWith(".scap.gz")
                ? fromScap(in, out, new UUID(0, 0), null)
                : toScap(in, out);
        System.out.println(n + " records written to " + out);
    }
}
