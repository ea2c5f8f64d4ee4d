package io.peregrine.rules.runtime.names;

import io.peregrine.rules.engine.eval.IpAddress;
import io.peregrine.rules.engine.names.ResolvedNames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Host names answered from a file in /etc/hosts form ({@code address name [alias...]}, {@code #}
 * comments) instead of the system resolver: for tests and closed networks. A name the file lists
 * is answered from it alone; other names go to the resolver.
 */
public final class HostsFile {

    /** Largest file read; a larger one is refused whole. */
    public static final long MAX_BYTES = 1 << 20;

    private final Map<String, long[]> byName;

    private HostsFile(Map<String, long[]> byName) {
        this.byName = byName;
    }

    public static HostsFile empty() {
        return new HostsFile(Map.of());
    }

    /**
     * Reads the file; a line that is not {@code address name...} is skipped and reported in
     * {@code problems} (line number and text), so one typo does not lose the rest.
     */
    public static HostsFile read(Path file, List<String> problems) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new IOException(file + " has " + size + " bytes, more than the " + MAX_BYTES + " read");
        }
        String text;
        try (InputStream in = Files.newInputStream(file)) {
            text = new String(in.readNBytes((int) MAX_BYTES + 1), StandardCharsets.UTF_8);
        }
        return parse(text, problems);
    }

    static HostsFile parse(String text, List<String> problems) {
        Map<String, List<Long>> found = new HashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] words = line.split("\\s+");
            long h = IpAddress.high(words[0]);
            if (words.length < 2 || h == IpAddress.INVALID) {
                if (problems.size() < 20) {
                    problems.add("line " + (i + 1) + ": not 'address name...': " + lines[i].strip());
                }
                continue;
            }
            long l = IpAddress.low(words[0]);
            for (int w = 1; w < words.length; w++) {
                List<Long> a = found.computeIfAbsent(ResolvedNames.normal(words[w]), k -> new ArrayList<>());
                if (a.size() < 2 * ResolvedNames.MAX_ADDRESSES) {
                    a.add(h);
                    a.add(l);
                }
            }
        }
        Map<String, long[]> byName = new HashMap<>();
        found.forEach((n, a) -> byName.put(n, a.stream().mapToLong(Long::longValue).toArray()));
        return new HostsFile(byName);
    }

    /** The addresses of a name as (high, low) pairs, or null when the file does not list it. */
    public long[] lookup(String name) {
        return byName.get(ResolvedNames.normal(name));
    }

    public int size() {
        return byName.size();
    }
}
