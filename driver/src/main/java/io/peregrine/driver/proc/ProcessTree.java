package io.peregrine.driver.proc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Processes and their parents as /proc shows them: for excluding a process with what it started. */
public final class ProcessTree {
    private ProcessTree() {
    }

    /**
     * The processes of {@code roots} that exist, with all their descendants, from one reading of
     * {@code proc}. A process whose parent exited was re-parented and is no longer found.
     */
    public static Set<Long> withDescendants(Path proc, Set<Long> roots) throws IOException {
        Map<Long, List<Long>> children = new HashMap<>();
        Set<Long> exist = new TreeSet<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(proc)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (name.isEmpty() || !Character.isDigit(name.charAt(0))) {
                    continue;
                }
                long ppid = parent(p);
                if (ppid < 0) {
                    continue; // exited meanwhile
                }
                long pid = Long.parseLong(name);
                exist.add(pid);
                children.computeIfAbsent(ppid, k -> new ArrayList<>()).add(pid);
            }
        }
        Set<Long> out = new TreeSet<>();
        ArrayDeque<Long> todo = new ArrayDeque<>();
        for (long r : roots) {
            if (exist.contains(r)) {
                todo.add(r);
            }
        }
        while (!todo.isEmpty()) {
            long p = todo.poll();
            if (out.add(p)) {
                todo.addAll(children.getOrDefault(p, List.of()));
            }
        }
        return out;
    }

    /** Whether process {@code pid} exists in {@code proc}. */
    public static boolean exists(Path proc, long pid) {
        return parent(proc.resolve(Long.toString(pid))) >= 0;
    }

    /** The ppid field of /proc/PID/stat (after the parenthesised comm, which may hold anything); -1 if gone. */
    static long parent(Path pidDir) {
        String stat;
        try {
            stat = Files.readString(pidDir.resolve("stat"), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return -1;
        }
        int close = stat.lastIndexOf(')');
        if (close < 0 || close + 4 >= stat.length()) {
            return -1;
        }
        // ") S PPID ..."
        int start = stat.indexOf(' ', close + 2) + 1;
        int end = stat.indexOf(' ', start);
        try {
            return Long.parseLong(stat, start, end < 0 ? stat.length() : end, 10);
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return -1;
        }
    }
}
