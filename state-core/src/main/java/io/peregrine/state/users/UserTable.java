package io.peregrine.state.users;

import java.util.HashMap;
import java.util.Map;

/**
 * Names of users and groups of the host, from the seed events (the /proc scan or the lists of a
 * .scap file). Looked up by id on the event path; maps are keyed by boxed ints only when filled.
 */
public final class UserTable {

    /** One user entry; text as UTF-8 bytes. */
    public record User(int uid, int gid, byte[] name, byte[] home, byte[] shell) {
    }

    private static final int SMALL = 65536;
    private final User[] smallUsers = new User[SMALL];
    private final byte[][] smallGroups = new byte[SMALL][];
    private final Map<Integer, User> users = new HashMap<>();
    private final Map<Integer, byte[]> groups = new HashMap<>();
    private int userCount;
    private int groupCount;

    public void putUser(User u) {
        int uid = u.uid();
        if (uid >= 0 && uid < SMALL) {
            if (smallUsers[uid] == null) {
                userCount++;
            }
            smallUsers[uid] = u;
        } else if (users.put(uid, u) == null) {
            userCount++;
        }
    }

    public void putGroup(int gid, byte[] name) {
        if (gid >= 0 && gid < SMALL) {
            if (smallGroups[gid] == null) {
                groupCount++;
            }
            smallGroups[gid] = name;
        } else if (groups.put(gid, name) == null) {
            groupCount++;
        }
    }

    public User user(int uid) {
        return uid >= 0 && uid < SMALL ? smallUsers[uid] : users.get(uid);
    }

    public byte[] groupName(int gid) {
        return gid >= 0 && gid < SMALL ? smallGroups[gid] : groups.get(gid);
    }

    public int users() {
        return userCount;
    }

    public int groups() {
        return groupCount;
    }
}
