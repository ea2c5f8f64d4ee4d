package io.peregrine.rules.trial;

import io.peregrine.rules.management.api.CaptureTrialTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.peregrine.driver.bpf.Syscall;
import io.peregrine.driver.live.LiveOptions;
import io.peregrine.driver.live.LiveSource;
import io.peregrine.driver.scap.ScapWriter;
import io.peregrine.protocol.event.EventRecord;
import io.peregrine.protocol.event.EventTable;
import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.rules.engine.compile.CompiledRuleset;
import io.peregrine.rules.engine.compile.RuleCompiler;
import io.peregrine.rules.language.ruleset.RulesetBuilder;
import java.io.ByteArrayInputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class file fetched over the network, end to end on the real kernel: a python process serves
 * bytes starting with the class-file magic over loopback TCP and reads them back with read(2);
 * the live capture (driver, default snaplen) written as .scap and replayed through state-core and
 * the rule engine (the capture trial's replay) matches a rule written as the upstream "Java Process
 * Class File Download" (evt.buffer bcontains cafebabe on a network read), and the same bytes through
 * evt.rawarg.data, evt.arg.data and bstartswith; a buffer the program never sent matches nothing.
 */
class LiveBufferRuleTest {
    static final String PROGRAM = """
            import os, socket
            srv = socket.socket(); srv.bind(("127.0.0.1", 0)); srv.listen(1)
            c = socket.create_connection(srv.getsockname()); a, _ = srv.accept()
            os.write(a.fileno(), bytes.fromhex("cafebabe00000041") + b"Payload.class body")
            os.read(c.fileno(), 4096)
            os.write(a.fileno(), b"no magic here")
            os.read(c.fileno(), 4096)
            """;

    @Test
    void aLiveNetworkReadOfAClassFileMatches(@TempDir Path tmp) throws Exception {
        EnumSet<Syscall> selected = EnumSet.copyOf(Syscall.defaults());
        selected.addAll(EnumSet.of(Syscall.READ, Syscall.WRITE));
        List<byte[]> seeds = new ArrayList<>();
        List<byte[]> events = new ArrayList<>();
        long pid;
        try (LiveSource src = LiveSource.open(LiveOptions.defaults().withSyscalls(selected))) {
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", PROGRAM).redirectErrorStream(true).start();
            pid = p.pid();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), out);
            boolean[] exited = {false};
            long deadline = System.nanoTime() + 30_000_000_000L; // a hang bound, not a speed check
            while (!exited[0]) {
                src.poll(r -> {
                    if (EventTable.isSynthetic(r.type())) {
                        seeds.add(copy(r));
                    } else if (r.tid() == pid) {
                        events.add(copy(r));
                        exited[0] |= r.type() == EventCodes.PPME_PROCEXIT_1_E;
                    }
                }, 4096);
                assertTrue(System.nanoTime() < deadline, "the program's exit never arrived");
            }
        }
        Path file = tmp.resolve("class-download.scap");
        EventRecord rec = new EventRecord();
        try (ScapWriter w = ScapWriter.create(file, null)) {
            for (byte[] s : seeds) {
                w.write(rec.wrap(MemorySegment.ofArray(s), 0));
            }
            for (byte[] e : events) {
                w.write(rec.wrap(MemorySegment.ofArray(e), 0));
            }
        }
        String network = "evt.type = read and evt.dir = < and fd.type in (ipv4, ipv6) and proc.pid = " + pid;
        String rules = CaptureTrialTest.rule("class download", network + " and evt.buffer bcontains cafebabe",
                "%proc.name read a class file from %fd.name")
                + CaptureTrialTest.rule("class magic first", network + " and evt.buffer bstartswith cafebabe00", "%evt.num")
                + CaptureTrialTest.rule("raw data", network + " and evt.rawarg.data bcontains 2e636c617373", "%evt.num")
                + CaptureTrialTest.rule("data text", network + " and evt.arg.data contains \"Payload.class\"", "%evt.num")
                + CaptureTrialTest.rule("never sent", "proc.pid = " + pid + " and evt.buffer bcontains deadbeef", "%evt.num");
        CompiledRuleset compiled = RuleCompiler.compile(new RulesetBuilder().add("t.yaml", rules).build());
        byte[] body = Files.readAllBytes(file);
        CaptureReplay.Result r = CaptureReplay.run(new ByteArrayInputStream(body), Long.MAX_VALUE, compiled, 100);
        assertNull(r.error());
        Map<String, List<Long>> byRule = new TreeMap<>();
        for (CaptureReplay.Match m : r.matches()) {
            byRule.computeIfAbsent(m.rule(), k -> new ArrayList<>()).add(m.event());
        }
        assertEquals(List.of("class download", "class magic first", "data text", "raw data"),
                List.copyOf(byRule.keySet()), "matches: " + r.matches());
        // one network read carries the class file; every rule names that same event
        long event = byRule.get("class download").getFirst();
        for (List<Long> ev : byRule.values()) {
            assertEquals(List.of(event), ev);
        }
        CaptureReplay.Match m = r.matches().stream().filter(x -> x.rule().equals("class download")).findFirst().orElseThrow();
        assertTrue(m.output().contains("python3 read a class file from 127.0.0.1:"), m.output());
    }

    private static byte[] copy(EventRecord r) {
        byte[] b = new byte[r.len()];
        MemorySegment.copy(r.segment(), ValueLayout.JAVA_BYTE, r.offset(), b, 0, b.length);
        return b;
    }
}
