package io.peregrine.driver.scap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real sysdig on a capture and parses one line per printed event. */
final class SysdigReference {
    static final String SYSDIG = "/usr/bin/sysdig";
    // U+241E encoded as UTF-8, read back as ISO-8859-1: never produced by sysdig's argument rendering.
    private static final String SEP = new String("\u241e".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    private static final String FORMAT = "%evt.num\u241e%evt.type\u241e%evt.dir\u241e%thread.tid\u241e%evt.args\u241e\u241e";

    record Line(long num, String type, String dir, long tid, String args) {
    }

    private SysdigReference() {
    }

    /** Runs sysdig with the given fields (e.g. "%proc.name") and returns their values per printed event. */
    static List<String[]> fields(Path capture, String... fields) throws IOException, InterruptedException {
        return fields(capture, List.of(), fields);
    }

    /** As {@link #fields(Path, String...)} with more command-line arguments (options, a filter). */
    static List<String[]> fields(Path capture, List<String> args, String... fields) throws IOException, InterruptedException {
        String format = String.join("\u241e", fields) + "\u241e\u241e";
        String text = run(capture, format, args);
        List<String[]> rows = new ArrayList<>();
        String end = SEP + SEP + "\n";
        int pos = 0;
        while (pos < text.length()) {
            int e = text.indexOf(end, pos);
            if (e < 0) {
                throw new IOException("unterminated sysdig line at char " + pos);
            }
            rows.add(text.substring(pos, e).split(SEP, -1));
            pos = e + end.length();
        }
        return rows;
    }

    static List<Line> read(Path capture, String... filter) throws IOException, InterruptedException {
        String text = run(capture, FORMAT, List.of(filter));
        List<Line> lines = new ArrayList<>();
        String end = SEP + SEP + "\n";
        int pos = 0;
        while (pos < text.length()) {
            int e = text.indexOf(end, pos);
            if (e < 0) {
                throw new IOException("unterminated sysdig line at char " + pos + ": " + text.substring(pos));
            }
            String[] f = text.substring(pos, e).split(SEP, -1);
            if (f.length != 5) {
                throw new IOException("unexpected sysdig line: " + text.substring(pos, e));
            }
            lines.add(new Line(Long.parseLong(f[0]), f[1], f[2], Long.parseLong(f[3]), f[4]));
            pos = e + end.length();
        }
        return lines;
    }

    private static String run(Path capture, String format, List<String> filter) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(SYSDIG, "-r", capture.toString(), "-p", format));
        cmd.addAll(filter);
        java.io.File err = java.io.File.createTempFile("sysdig", ".err");
        err.deleteOnExit();
        Process p = new ProcessBuilder(cmd).redirectError(err).start();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("sysdig did not finish on " + capture);
        }
        if (p.exitValue() != 0) {
            throw new IOException("sysdig exited with " + p.exitValue() + " on " + capture + ": "
                    + java.nio.file.Files.readString(err.toPath(), StandardCharsets.ISO_8859_1).strip());
        }
        return new String(out, StandardCharsets.ISO_8859_1);
    }
}
