package io.peregrine.state.extract;

import io.peregrine.protocol.projection.ProjectionEncoder;

/** The NUL-separated lists threads carry (arguments, environment, cgroups), read as fields read them. */
final class NulSeparated {

    private NulSeparated() {
    }

    /** Writes {@code head} (if any) and the items, space separated, as one value. */
    static void join(ProjectionEncoder out, byte[] head, byte[] items) {
        int at = out.beginBytes();
        boolean first = true;
        if (head != null) {
            out.append(head, 0, head.length);
            first = false;
        }
        int start = 0;
        for (int i = 0; i <= items.length; i++) {
            if (i == items.length || items[i] == 0) {
                if (i > start || (i < items.length)) {
                    if (!(i == items.length && i == start)) {
                        if (!first) {
                            out.append((byte) ' ');
                        }
                        out.append(items, start, i - start);
                        first = false;
                    }
                }
                start = i + 1;
            }
        }
        out.endBytes(at);
    }

    static int count(byte[] items) {
        int n = 0;
        for (int i = 0; i < items.length; i++) {
            if (items[i] == 0) {
                n++;
            }
        }
        if (items.length > 0 && items[items.length - 1] != 0) {
            n++;
        }
        return n;
    }

    /** Length of the items without their separators. */
    static int textLength(byte[] items) {
        int n = 0;
        for (byte b : items) {
            if (b != 0) {
                n++;
            }
        }
        return n;
    }

    /** Writes the value of the {@code key=value} item with this key; absent when none (or no key). */
    static void value(ProjectionEncoder out, byte[] items, byte[] key) {
        int start = 0;
        for (int i = 0; i <= items.length; i++) {
            if (i == items.length || items[i] == 0) {
                int len = i - start;
                if (key != null && len > key.length && items[start + key.length] == '='
                        && regionEquals(items, start, key)) {
                    out.bytes(items, start + key.length + 1, len - key.length - 1);
                    return;
                }
                start = i + 1;
            }
        }
        out.absent();
    }

    private static boolean regionEquals(byte[] b, int off, byte[] k) {
        for (int i = 0; i < k.length; i++) {
            if (b[off + i] != k[i]) {
                return false;
            }
        }
        return true;
    }
}
