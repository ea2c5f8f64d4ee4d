package io.peregrine.rules.trial;

import io.peregrine.driver.capture.CaptureFileReader;
import io.peregrine.driver.scap.ScapReader;
import io.peregrine.driver.source.CaptureFormatException;
import io.peregrine.driver.source.EventSource;
import io.peregrine.driver.source.StreamWindow;
import io.peregrine.protocol.alert.Alert;
import io.peregrine.protocol.alert.Priority;
import io.peregrine.protocol.event.EventTable;
import io.peregrine.protocol.projection.ProjectionEncoder;
import io.peregrine.rules.engine.compile.CompiledRuleset;
import io.peregrine.rules.runtime.alerts.RuleThrottle;
import io.peregrine.rules.runtime.events.Evaluator;
import io.peregrine.rules.runtime.events.LossAlerts;
import io.peregrine.rules.runtime.live.InterestOfRuleset;
import io.peregrine.state.projection.NodeState;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPInputStream;

/**
 * Replays a capture file (.scap or Peregrine, plain or gzip) through a fresh node state and
 * projection, with the interest of the ruleset under test, and evaluates every projected event the
 * way rules-svc does live (same projection, same evaluator, no throttling). The format is told by
 * the first bytes, not by a name or media type.
 */
public final class CaptureReplay {

    /** What the first bytes say the body is. */
    public enum Format { SCAP, PEREGRINE }

    /** The body is not a capture file at all: nothing was replayed. */
    public static final class NotACapture extends RuntimeException {
        NotACapture(String message) {
            super(message);
        }
    }

    /** The body (or what it decompresses to) is larger than allowed. */
    public static final class TooLarge extends IOException {
        TooLarge(String message) {
            super(message);
        }
    }

    /** One rule matching one event of the capture. */
    public record Match(long event, String time, String rule, String priority, List<String> tags, String output,
                        Map<String, Object> outputFields) {
    }

    /** Where the file stopped being readable, after the matches found before it. */
    public record ReadError(long offset, String message) {
    }

    /** The outcome of one replay. */
    public record Result(String format, boolean gzip, String hostname, long events, long seeds, long skipped,
                         long projected, long matchCount, boolean truncated, List<Match> matches,
                         List<String> unsupportedFields, ReadError error) {

        /** As the API returns it. */
        public Map<String, Object> view() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("format", format);
            m.put("gzip", gzip);
            m.put("hostname", hostname);
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("events", events);
            counts.put("seeds", seeds);
            counts.put("skipped", skipped);
            counts.put("projected", projected);
            counts.put("matches", matchCount);
            m.put("counts", counts);
            m.put("truncated", truncated);
            m.put("matches", matches);
            m.put("unsupportedFields", unsupportedFields);
            if (error != null) {
                m.put("error", error);
            }
            return m;
        }
    }

    static final byte[] SCAP_SHB = {0x0a, 0x0d, 0x0d, 0x0a};
    static final byte[] PEREGRINE_MAGIC = {'P', 'R', 'G', 'N', 'C', 'A', 'P', 0x1a};
    // A gzip body may expand this many times its size limit, no more (a small bomb must not fill memory or time).
    static final int MAX_EXPANSION = 8;
    /** Largest .scap block or Peregrine record a replay reads whole unless told otherwise. */
    public static final int DEFAULT_MAX_BLOCK = 32 << 20;

    private CaptureReplay() {
    }

    /**
     * Replays {@code body}, at most {@code maxBytes} of it, and returns at most {@code maxMatches}
     * matches (all are counted). A file that breaks off is reported in {@link Result#error()}.
     *
     * @throws NotACapture when the first bytes are neither gzip, a .scap section header block nor a
     *                     Peregrine capture header
     * @throws TooLarge    when the body, or its decompressed form, exceeds the limit
     */
    public static Result run(InputStream body, long maxBytes, CompiledRuleset rules, int maxMatches) throws IOException {
        return run(body, maxBytes, DEFAULT_MAX_BLOCK, rules, maxMatches);
    }

    /**
     * As {@link #run(InputStream, long, CompiledRuleset, int)}, with no block or record read whole
     * past {@code maxBlock} bytes.
     */
    public static Result run(InputStream body, long maxBytes, int maxBlock, CompiledRuleset rules, int maxMatches)
            throws IOException {
        Limited raw = new Limited(body, maxBytes, "the capture is larger than " + maxBytes + " bytes");
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        byte[] head = peek(in, 8);
        if (head.length == 0) {
            throw new NotACapture("the body is empty: send a .scap or Peregrine capture file");
        }
        boolean gzip = head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
        InputStream events = in;
        if (gzip) {
            InputStream unzipped;
            try {
                unzipped = new GZIPInputStream(in, 1 << 16);
            } catch (java.util.zip.ZipException e) {
                throw new NotACapture("the body starts like gzip but is not: " + e.getMessage());
            }
            long expanded = maxBytes > Long.MAX_VALUE / MAX_EXPANSION ? Long.MAX_VALUE : maxBytes * MAX_EXPANSION;
            // Not buffered: a buffered read that meets the cut of a broken stream drops what it had read.
            PushbackInputStream p = new PushbackInputStream(new Limited(unzipped, expanded,
                    "the capture decompresses to more than " + expanded + " bytes"), 8);
            head = unread(p, 8);
            events = p;
        }
        Format format = format(head);
        if (format == null) {
            throw new NotACapture("not a capture file: the " + (gzip ? "decompressed body" : "body") + " starts with "
                    + HexFormat.ofDelimiter(" ").formatHex(head) + "; expected a .scap section header block "
                    + "(0a 0d 0d 0a) or a Peregrine capture header (\"PRGNCAP\"), plain or gzip");
        }
        // A small window to start with: it grows as bytes arrive, up to maxBlock, whatever a length field claims.
        StreamWindow window = new StreamWindow(events, 1 << 16, maxBlock);
        return format == Format.SCAP ? replayScap(new ScapReader(window), gzip, rules, maxMatches)
                : replayPeregrine(window, gzip, rules, maxMatches);
    }

    static Format format(byte[] head) {
        if (startsWith(head, SCAP_SHB)) {
            return Format.SCAP;
        }
        if (startsWith(head, PEREGRINE_MAGIC)) {
            return Format.PEREGRINE;
        }
        return null;
    }

    private static Result replayScap(ScapReader reader, boolean gzip, CompiledRuleset rules, int maxMatches)
            throws IOException {
        // The machine info block (with the hostname) comes right after the section header, before any event.
        Replay r = new Replay(rules, maxMatches);
        try (reader) {
            ReadError error = r.drain(reader, reader::eventNumber, () -> reader.machineInfo() == null ? null
                    : reader.machineInfo().hostname());
            if (error != null && reader.majorVersion() != 1) {
                // Not even the section header could be read: nothing was replayed.
                throw new NotACapture("not a readable .scap file: " + error.message());
            }
            return r.result("scap", gzip, reader.eventsSkipped(), error);
        }
    }

    private static Result replayPeregrine(StreamWindow window, boolean gzip, CompiledRuleset rules, int maxMatches)
            throws IOException {
        CaptureFileReader reader;
        try {
            reader = new CaptureFileReader(window);
        } catch (CaptureFormatException e) {
            // A header that breaks off or is corrupt: nothing to replay.
            throw new NotACapture("not a readable Peregrine capture file: " + e.getMessage());
        }
        Replay r = new Replay(rules, maxMatches);
        String node = reader.header().nodeName();
        try (reader) {
            ReadError error = r.drain(reader, null, () -> node);
            return r.result("peregrine", gzip, reader.eventsSkipped(), error);
        }
    }

    /** One pass: state, projection and evaluation, event by event, so each match has its event's number. */
    private static final class Replay {
        private final CompiledRuleset rules;
        private final int maxMatches;
        private final List<Match> matches = new ArrayList<>();
        private final List<Alert> alerts = new ArrayList<>();
        private final ProjectionEncoder enc = new ProjectionEncoder(1 << 16);
        private NodeState state;
        private Evaluator evaluator;
        private List<String> unsupported = List.of();
        private String hostname;
        private long events;
        private long seeds;
        private long ownNumber;
        private long matchCount;

        Replay(CompiledRuleset rules, int maxMatches) {
            this.rules = rules;
            this.maxMatches = maxMatches;
        }

        private void start(String host) {
            hostname = host == null || host.isBlank() ? "capture" : host;
            state = new NodeState(hostname);
            state.projector().interest(InterestOfRuleset.of(rules.interest()));
            unsupported = List.copyOf(state.projector().rejected());
            evaluator = new Evaluator(() -> rules, a -> {
                alerts.add(a);
                return CompletableFuture.completedFuture(null);
            }, new LossAlerts(Priority.ERROR), new RuleThrottle(0, 1), false);
        }

        ReadError drain(EventSource reader, java.util.function.LongSupplier number,
                        java.util.function.Supplier<String> host) throws IOException {
            UUID boot = UUID.randomUUID();
            try {
                reader.drain(rec -> {
                    if (state == null) {
                        start(host.get());
                    }
                    long num;
                    if (EventTable.isSynthetic(rec.type())) {
                        seeds++;
                        num = 0;
                    } else {
                        events++;
                        ownNumber++;
                        num = number == null ? ownNumber : number.getAsLong();
                    }
                    enc.clear();
                    if (!state.process(rec.segment(), rec.offset(), num, enc)) {
                        return;
                    }
                    alerts.clear();
                    evaluator.onEvent(hostname, boot, enc.segment(), 0, enc.size());
                    for (Alert a : alerts) {
                        if (a.rule().equals(LossAlerts.RULE) && "internal".equals(a.source())) {
                            continue;
                        }
                        matchCount++;
                        if (matches.size() < maxMatches) {
                            matches.add(new Match(num, a.time().toString(), a.rule(), a.priority().falcoName(),
                                    a.tags(), a.output(), a.outputFields()));
                        }
                    }
                });
            } catch (TooLarge e) {
                throw e;
            } catch (CaptureFormatException e) {
                return new ReadError(e.offset(), e.getMessage());
            } catch (IOException e) {
                // A gzip stream that breaks off or is corrupt: no byte offset inside the events is known.
                return new ReadError(-1, "unreadable " + (e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage()));
            }
            return null;
        }

        Result result(String format, boolean gzip, long skipped, ReadError error) {
            if (state == null) {
                start(null);
            }
            return new Result(format, gzip, hostname, events, seeds, skipped, state.projected(), matchCount,
                    matchCount > matches.size(), List.copyOf(matches), unsupported, error);
        }
    }

    private static byte[] peek(InputStream in, int n) throws IOException {
        in.mark(n);
        byte[] b = in.readNBytes(n);
        in.reset();
        return b;
    }

    private static byte[] unread(PushbackInputStream in, int n) throws IOException {
        byte[] b = new byte[n];
        int got = 0;
        int r;
        while (got < n && (r = in.read(b, got, n - got)) > 0) {
            got += r;
        }
        in.unread(b, 0, got);
        return java.util.Arrays.copyOf(b, got);
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Counts what is read and refuses to go past the limit. */
    private static final class Limited extends FilterInputStream {
        private final long max;
        private final String message;
        private long read;

        Limited(InputStream in, long max, String message) {
            super(in);
            this.max = max;
            this.message = message;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count(s);
            return s;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void count(long n) throws TooLarge {
            read += n;
            if (read > max) {
                throw new TooLarge(message);
            }
        }
    }
}
