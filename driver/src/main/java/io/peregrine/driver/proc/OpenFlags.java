package io.peregrine.driver.proc;

/** Linux open(2) flags to scap PPM_O_* flags, as the probe converts them. */
final class OpenFlags {
    private OpenFlags() {
    }

    static long toPpm(long f) {
        long r = switch ((int) (f & 3)) {
            case 0 -> 1;
            case 1 -> 2;
            case 2 -> 3;
            default -> 0;
        };
        if ((f & 0100) != 0) r |= 1 << 2;
        if ((f & 02000) != 0) r |= 1 << 3;
        if ((f & 010000) != 0) r |= 1 << 4;
        if ((f & 0200) != 0) r |= 1 << 5;
        if ((f & 04000) != 0) r |= 1 << 6;
        if ((f & 04010000) == 04010000) r |= 1 << 7;
        if ((f & 01000) != 0) r |= 1 << 8;
        if ((f & 040000) != 0) r |= 1 << 9;
        if ((f & 0200000) != 0) r |= 1 << 10;
        if ((f & 0100000) != 0) r |= 1 << 11;
        if ((f & 02000000) != 0) r |= 1 << 12;
        if ((f & 020200000) == 020200000) r |= 1 << 13;
        return r;
    }
}
