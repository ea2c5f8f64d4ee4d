package io.peregrine.state.oracle;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cell counts of the oracle: per capture and per field, how many values equal sysdig's, how many
 * differ by a documented divergence and how many differ unexplained; rendered as a text table.
 */
final class AgreementTable {

    /** Counts of one row (a capture, a field or the total). */
    static final class Counts {
        long cells;
        long equal;
        long explained;
        long unexplained;

        void add(boolean eq, boolean expl) {
            cells++;
            if (eq) {
                equal++;
            } else if (expl) {
                explained++;
            } else {
                unexplained++;
            }
        }

        double percent() {
            return cells == 0 ? 100.0 : 100.0 * equal / cells;
        }
    }

    final Map<String, Counts> byCapture = new LinkedHashMap<>();
    final Map<String, Counts> byField = new LinkedHashMap<>();
    final Map<String, Long> byDivergence = new TreeMap<>();
    final Map<String, String> firstOfDivergence = new TreeMap<>();
    final Counts total = new Counts();
    final Map<String, Long> eventsPerCapture = new LinkedHashMap<>();

    void add(String capture, long num, String field, boolean equal, String divergence) {
        boolean expl = divergence != null;
        byCapture.computeIfAbsent(capture, k -> new Counts()).add(equal, expl);
        byField.computeIfAbsent(field, k -> new Counts()).add(equal, expl);
        total.add(equal, expl);
        if (!equal && expl) {
            byDivergence.merge(divergence, 1L, Long::sum);
            firstOfDivergence.putIfAbsent(divergence, capture + " #" + num + " " + field);
        }
    }

    String render() {
        StringBuilder b = new StringBuilder();
        b.append("Peregrine vs sysdig 0.29.3, cell by cell (events sysdig prints x fields)\n\n");
        header(b, "capture", "events");
        for (var e : byCapture.entrySet()) {
            row(b, e.getKey(), Long.toString(eventsPerCapture.getOrDefault(e.getKey(), 0L)), e.getValue());
        }
        row(b, "TOTAL", Long.toString(eventsPerCapture.values().stream().mapToLong(Long::longValue).sum()), total);
        b.append('\n');
        header(b, "field", "");
        for (var e : byField.entrySet()) {
            row(b, e.getKey(), "", e.getValue());
        }
        b.append("\ndocumented divergences (cells):\n");
        for (var e : byDivergence.entrySet()) {
            b.append(String.format("  %6d  %s (first: %s)%n", e.getValue(), e.getKey(),
                    firstOfDivergence.get(e.getKey())));
        }
        return b.toString();
    }

    private static void header(StringBuilder b, String name, String extra) {
        b.append(String.format("%-38s %7s %8s %8s %9s %11s %8s%n", name, extra, "cells", "equal", "explained",
                "unexplained", "agree%"));
    }

    private static void row(StringBuilder b, String name, String extra, Counts c) {
        b.append(String.format("%-38s %7s %8d %8d %9d %11d %8.3f%n", name, extra, c.cells, c.equal, c.explained,
                c.unexplained, c.percent()));
    }
}
