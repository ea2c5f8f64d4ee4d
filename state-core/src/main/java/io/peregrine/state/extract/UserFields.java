package io.peregrine.state.extract;

import io.peregrine.protocol.projection.ProjectionEncoder;
import io.peregrine.state.threads.ThreadInfo;
import io.peregrine.state.users.UserTable;

import java.util.List;

/** The {@code user.*} and {@code group.*} fields (libsinsp's user and group filterchecks). */
final class UserFields {

    enum User implements ExtractedField {
        UID("user.uid"), NAME("user.name"), HOMEDIR("user.homedir"), SHELL("user.shell"),
        LOGINUID("user.loginuid"), LOGINNAME("user.loginname"), GID("group.gid"), GROUP_NAME("group.name");

        private final List<String> names;

        User(String... names) {
            this.names = List.of(names);
        }

        @Override
        public FieldFamily family() {
            return FieldFamily.USER;
        }

        @Override
        public List<String> names() {
            return names;
        }
    }

    private final UserTable users;

    UserFields(UserTable users) {
        this.users = users;
    }

    void extract(CompiledField f, ThreadInfo t, ProjectionEncoder out) {
        if (t == null) {
            out.absent();
            return;
        }
        switch ((User) f.field) {
            case UID -> out.uint64(Integer.toUnsignedLong(t.euid));
            case LOGINUID -> out.int64(t.loginuid);
            case GID -> out.uint64(Integer.toUnsignedLong(t.egid));
            case GROUP_NAME -> orAbsent(users.groupName(t.egid), out);
            case NAME, HOMEDIR, SHELL -> account(users.user(t.euid), (User) f.field, out);
            case LOGINNAME -> account(users.user(t.loginuid), User.NAME, out);
        }
    }

    private static void account(UserTable.User u, User field, ProjectionEncoder out) {
        if (u == null) {
            out.absent();
        } else {
            out.bytes(field == User.HOMEDIR ? u.home() : field == User.SHELL ? u.shell() : u.name());
        }
    }

    private static void orAbsent(byte[] v, ProjectionEncoder out) {
        if (v == null) {
            out.absent();
        } else {
            out.bytes(v);
        }
    }
}
