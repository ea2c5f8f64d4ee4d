package io.peregrine.driver.bpf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every struct the probe shares with Java has, in the BTF of the compiled probe, the size, member
 * names, order and offsets of its Java layout (the model is Tetragon's alignchecker).
 */
class ProbeLayoutTest {
    record Member(String name, long offset, long size) {
    }

    static final Pattern STRUCT = Pattern.compile("^\\[(\\d+)] STRUCT '([^']+)' size=(\\d+) vlen=(\\d+)$");
    static final Pattern MEMBER = Pattern.compile("^\\s+'([^']+)' type_id=(\\d+) bits_offset=(\\d+)$");
    static final Pattern TYPE = Pattern.compile("^\\[(\\d+)] (\\w+) '([^']*)'(.*)$");

    static Map<String, Long> structSizes = new LinkedHashMap<>();
    static Map<String, List<Member>> structs = new LinkedHashMap<>();

    @BeforeAll
    static void readBtf() throws Exception {
        Path obj = Files.createTempFile("probe", ".bpf.o");
        try {
            Files.write(obj, Probe.objectBytes());
            Process p = new ProcessBuilder("bpftool", "btf", "dump", "file", obj.toString()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), "bpftool failed: " + err);
            parse(out);
        } finally {
            Files.deleteIfExists(obj);
        }
    }

    /** Parses bpftool's raw BTF dump: structs with members, and the sizes of the member types. */
    static void parse(String dump) throws IOException {
        Map<Long, String> typeLines = new LinkedHashMap<>();
        List<String> lines = dump.lines().toList();
        Map<String, List<long[]>> raw = new LinkedHashMap<>();
        Map<String, List<String>> names = new LinkedHashMap<>();
        String current = null;
        for (String l : lines) {
            Matcher t = TYPE.matcher(l);
            if (t.matches()) {
                typeLines.put(Long.parseLong(t.group(1)), l);
                current = null;
            }
            Matcher s = STRUCT.matcher(l);
            if (s.matches()) {
                current = s.group(2);
                structSizes.put(current, Long.parseLong(s.group(3)));
                raw.put(current, new ArrayList<>());
                names.put(current, new ArrayList<>());
                continue;
            }
            Matcher m = MEMBER.matcher(l);
            if (m.matches() && current != null) {
                raw.get(current).add(new long[] {Long.parseLong(m.group(2)), Long.parseLong(m.group(3))});
                names.get(current).add(m.group(1));
            }
        }
        for (var e : raw.entrySet()) {
            List<Member> ms = new ArrayList<>();
            for (int i = 0; i < e.getValue().size(); i++) {
                long[] v = e.getValue().get(i);
                ms.add(new Member(names.get(e.getKey()).get(i), v[1] / 8, sizeOf(v[0], typeLines)));
            }
            structs.put(e.getKey(), ms);
        }
    }

    /** Size of a BTF type, following typedefs and qualifiers to an INT or STRUCT. */
    static long sizeOf(long id, Map<Long, String> types) {
        for (int depth = 0; depth < 16; depth++) {
            String l = types.get(id);
            if (l == null) {
                return -1;
            }
            Matcher size = Pattern.compile("size=(\\d+)").matcher(l);
            if ((l.contains("] INT ") || l.contains("] STRUCT ")) && size.find()) {
                return Long.parseLong(size.group(1));
            }
            Matcher next = Pattern.compile("type_id=(\\d+)").matcher(l);
            if (!next.find()) {
                return -1;
            }
            id = Long.parseLong(next.group(1));
        }
        return -1;
    }

    static void check(String cName, StructLayout java) {
        List<Member> c = structs.get(cName);
        assertNotNull(c, "struct " + cName + " not in the probe's BTF");
        assertEquals(structSizes.get(cName), java.byteSize(), cName + " size");
        List<Member> j = new ArrayList<>();
        for (MemoryLayout m : java.memberLayouts()) {
            if (m.name().isPresent()) {
                j.add(new Member(m.name().get(), java.byteOffset(MemoryLayout.PathElement.groupElement(m.name().get())),
                        m.byteSize()));
            }
        }
        assertEquals(c, j, cName + " members (name, offset, size)");
    }

    @Test
    void settingsMatch() {
        check("pg_settings", ProbeLayouts.SETTINGS);
    }

    @Test
    void countersMatch() {
        check("pg_counters", ProbeLayouts.COUNTERS);
    }

    /**
     * Record structs are written by the probe, not held in maps, so they are not in its BTF: a small
     * C program compiled against the same header reports their layout instead.
     */
    @Test
    void genericRecordMatchesTheHeaderAndTheRecordFormat(@TempDir Path dir) throws Exception {
        Path header = dir.resolve("peregrine.h");
        try (InputStream in = Files.newInputStream(Path.of("src/main/bpf/peregrine.h"))) {
            Files.write(header, in.readAllBytes());
        }
        Path c = dir.resolve("layout.c");
        Files.writeString(c, """
                #include <stdio.h>
                #include <stddef.h>
                #include <linux/types.h>
                #include "peregrine.h"
                #define F(s, f) printf("%s %zu %zu\\n", #f, offsetof(struct s, f), sizeof(((struct s *)0)->f))
                int main(void) {
                    printf("len %d\\n", PG_GENERIC_LEN);
                    F(generic_rec, ts); F(generic_rec, tid); F(generic_rec, len); F(generic_rec, type);
                    F(generic_rec, nparams); F(generic_rec, lens); F(generic_rec, id); F(generic_rec, native_id);
                    return 0;
                }
                """);
        Path exe = dir.resolve("layout");
        Process cc = new ProcessBuilder("cc", "-o", exe.toString(), c.toString()).redirectErrorStream(true).start();
        String ccOut = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, cc.waitFor(), ccOut);
        Process run = new ProcessBuilder(exe.toString()).start();
        List<String> lines = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertEquals(0, run.waitFor());
        assertEquals("len " + ProbeLayouts.GENERIC_RECORD.byteSize(), lines.get(0));
        List<Member> cMembers = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(" ");
            cMembers.add(new Member(f[0], Long.parseLong(f[1]), Long.parseLong(f[2])));
        }
        List<Member> j = new ArrayList<>();
        for (MemoryLayout m : ProbeLayouts.GENERIC_RECORD.memberLayouts()) {
            j.add(new Member(m.name().orElseThrow(),
                    ProbeLayouts.GENERIC_RECORD.byteOffset(MemoryLayout.PathElement.groupElement(m.name().get())), m.byteSize()));
        }
        assertEquals(cMembers, j);
        // and the header is the record format's
        assertEquals(io.peregrine.protocol.event.EventRecord.HEADER_SIZE,
                ProbeLayouts.GENERIC_RECORD.byteOffset(MemoryLayout.PathElement.groupElement("lens")));
    }

    @Test
    void aMismatchIsDetected() {
        StructLayout wrong = MemoryLayout.structLayout(
                java.lang.foreign.ValueLayout.JAVA_INT.withName("boot_time_ns"),
                java.lang.foreign.ValueLayout.JAVA_INT.withName("exclude_tgid"),
                java.lang.foreign.ValueLayout.JAVA_LONG.withName("flags"));
        org.junit.jupiter.api.Assertions.assertThrows(org.opentest4j.AssertionFailedError.class,
                () -> check("pg_settings", wrong));
    }
}
