package io.peregrine.state.fds;

/**
 * Resolves the paths of file system calls as the kernel sees them: relative paths against the
 * process cwd or the directory of a dirfd, then normalised ("." and ".." segments and repeated
 * slashes removed). Works on UTF-8 bytes into a reusable scratch buffer.
 */
public final class PathResolver {
    private byte[] scratch = new byte[1024];
    private int[] segStarts = new int[128];

    /**
     * Joins {@code dir} (absolute, may end with '/') and {@code path} (absolute or relative) and
     * returns the normalised absolute path as a new array.
     */
    public byte[] resolve(byte[] dir, byte[] path, int pathLen) {
        int n = 0;
        boolean absolute = pathLen > 0 && path[0] == '/';
        int need = (absolute || dir == null ? 0 : dir.length) + pathLen + 2;
        if (scratch.length < need) {
            scratch = new byte[need * 2];
        }
        if (!absolute && dir != null) {
            System.arraycopy(dir, 0, scratch, 0, dir.length);
            n = dir.length;
            scratch[n++] = '/';
        }
        System.arraycopy(path, 0, scratch, n, pathLen);
        n += pathLen;
        return normalise(scratch, n);
    }

    private byte[] normalise(byte[] in, int len) {
        // Output is never longer than input: write in place, tracking segment starts for "..".
        int out = 0;
        int depth = 0;
        int i = 0;
        byte[] o = in;
        o[out++] = '/';
        while (i < len) {
            while (i < len && in[i] == '/') {
                i++;
            }
            int start = i;
            while (i < len && in[i] != '/') {
                i++;
            }
            int sl = i - start;
            if (sl == 0 || (sl == 1 && in[start] == '.')) {
                continue;
            }
            if (sl == 2 && in[start] == '.' && in[start + 1] == '.') {
                if (depth > 0) {
                    out = segStarts[--depth];
                }
                continue;
            }
            if (depth == segStarts.length) {
                segStarts = java.util.Arrays.copyOf(segStarts, depth * 2);
            }
            segStarts[depth++] = out;
            if (out > 1) {
                o[out++] = '/';
            }
            System.arraycopy(in, start, o, out, sl);
            out += sl;
        }
        byte[] r = new byte[out];
        System.arraycopy(o, 0, r, 0, out);
        return r;
    }
}
