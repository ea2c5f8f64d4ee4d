package io.peregrine.driver.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** cgroup v2 directories as the probe knows them: by id, which is the directory's inode number. */
public final class Cgroups {
    /** The root cgroup's id: excluding it would exclude every task. */
    static final long ROOT_ID = 1;

    private Cgroups() {
    }

    /**
     * The cgroup v2 id of directory {@code dir}. Refused: a directory not on a cgroup2 file system
     * (a cgroup v1 hierarchy has other ids, which the probe never compares), and the root cgroup.
     */
    public static long id(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("not a cgroup directory: " + dir);
        }
        String type = Files.getFileStore(dir).type();
        if (!"cgroup2".equals(type)) {
            throw new IOException(dir + " is on a " + type + " file system, not cgroup2: only cgroup v2 cgroups can be excluded");
        }
        long id = ((Number) Files.getAttribute(dir, "unix:ino")).longValue();
        if (id == ROOT_ID) {
            throw new IOException(dir + " is the root cgroup: excluding it would exclude every process");
        }
        return id;
    }
}
