package io.peregrine.rules.engine.eval;

import java.util.Arrays;
import java.util.Collection;

/**
 * Falco's {@code pmatch}: a path matches when one of the set's paths is the path itself or one
 * of its parent directories ({@code /etc} matches {@code /etc} and {@code /etc/passwd}, not
 * {@code /etcd}). A character trie walked once along the value, so the cost does not grow with
 * the number of prefixes.
 */
public final class PathPrefixSet {

    private static final class Node {
        char[] keys = new char[0];
        Node[] kids = new Node[0];
        boolean terminal;

        Node child(char c) {
            int i = Arrays.binarySearch(keys, c);
            return i >= 0 ? kids[i] : null;
        }

        Node add(char c) {
            int i = Arrays.binarySearch(keys, c);
            if (i >= 0) {
                return kids[i];
            }
            int at = -i - 1;
            char[] k = new char[keys.length + 1];
            Node[] n = new Node[kids.length + 1];
            System.arraycopy(keys, 0, k, 0, at);
            System.arraycopy(kids, 0, n, 0, at);
            k[at] = c;
            n[at] = new Node();
            System.arraycopy(keys, at, k, at + 1, keys.length - at);
            System.arraycopy(kids, at, n, at + 1, kids.length - at);
            keys = k;
            kids = n;
            return n[at];
        }
    }

    private final Node root = new Node();

    public PathPrefixSet(Collection<String> prefixes) {
        for (String p : prefixes) {
            String q = p;
            while (q.length() > 1 && q.endsWith("/")) {
                q = q.substring(0, q.length() - 1);
            }
            Node n = root;
            for (int i = 0; i < q.length(); i++) {
                n = n.add(q.charAt(i));
            }
            n.terminal = true;
        }
    }

    public boolean matches(CharSequence path) {
        Node n = root;
        int len = path.length();
        for (int i = 0; i < len; i++) {
            n = n.child(path.charAt(i));
            if (n == null) {
                return false;
            }
            if (n.terminal && (i + 1 == len || path.charAt(i + 1) == '/' || path.charAt(i) == '/')) {
                return true;
            }
        }
        return false;
    }
}
