package io.peregrine.state.oracle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real sysdig 0.29.3 on a capture and returns, per event number, the printed field values. */
final class SysdigFields {
    static final String SYSDIG = "/usr/bin/sysdig";
    // U+241E as UTF-8 read back as ISO-8859-1: sysdig never prints it for these fields.
    private static final String SEP = new String("\u241e".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);

    private SysdigFields() {
    }

    static Map<Long, Map<String, String>> read(Path capture, List<String> fields) throws IOException, InterruptedException {
        StringBuilder fmt = new StringBuilder("*%evt.num");
        for (String f : fields) {
            fmt.append('\u241e').append('%').append(f);
        }
        fmt.append("\u241e\u241e");
        Process p = new ProcessBuilder(SYSDIG, "-r", capture.toString(), "-p", fmt.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("sysdig failed on " + capture);
        }
        String text = new String(out, StandardCharsets.ISO_8859_1);
        String end = SEP + SEP + "\n";
        Map<Long, Map<String, String>> result = new LinkedHashMap<>();
        int pos = 0;
        while (pos < text.length()) {
            int e = text.indexOf(end, pos);
            if (e < 0) {
                throw new IOException("unterminated sysdig line at " + pos);
            }
            String[] v = text.substring(pos, e).split(SEP, -1);
            if (v.length != fields.size() + 1) {
                throw new IOException("unexpected sysdig line: " + text.substring(pos, e));
            }
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                m.put(fields.get(i), v[i + 1]);
            }
            result.put(Long.parseLong(v[0]), m);
            pos = e + end.length();
        }
        return result;
    }

    static List<String> list(String... f) {
        return new ArrayList<>(List.of(f));
    }
}
