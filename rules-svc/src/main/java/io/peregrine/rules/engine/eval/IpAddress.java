package io.peregrine.rules.engine.eval;

/**
 * IP addresses as two longs (IPv4 mapped into IPv6 as ::ffff:a.b.c.d), parsed from text
 * without allocating, and networks in CIDR form.
 */
public final class IpAddress {

    public static final long INVALID = Long.MIN_VALUE;

    private IpAddress() {
    }

    /** High 64 bits of the address, or {@link #INVALID}. */
    public static long high(CharSequence s) {
        return parse(s, true);
    }

    /** Low 64 bits of the address; meaningful only when {@link #high} is valid. */
    public static long low(CharSequence s) {
        return parse(s, false);
    }

    /** A dotted IPv4 address as its 32-bit value, or -1 when the text is not one. */
    public static long v4(CharSequence s) {
        return v4(s, 0);
    }

    /** As {@link #v4(CharSequence)} for the text from {@code from} to the end. */
    private static long v4(CharSequence s, int from) {
        int n = s.length();
        long v4 = 0;
        int parts = 0;
        int i = from;
        while (i < n) {
            int start = i;
            long part = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9' && i - start < 3) {
                part = part * 10 + (s.charAt(i) - '0');
                i++;
            }
            if (i == start || part > 255) {
                return -1;
            }
            v4 = (v4 << 8) | part;
            parts++;
            if (i < n) {
                if (s.charAt(i) != '.' || parts == 4) {
                    return -1;
                }
                i++;
                if (i == n) {
                    return -1;
                }
            }
        }
        return parts == 4 ? v4 : -1;
    }

    /** True when the text is an address (the high half reports errors). */
    public static boolean valid(CharSequence s) {
        return high(s) != INVALID;
    }

    private static long parse(CharSequence s, boolean high) {
        int n = s.length();
        boolean v6 = false;
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) == ':') {
                v6 = true;
                break;
            }
        }
        if (!v6) {
            long v4 = v4(s);
            if (v4 < 0) {
                return INVALID;
            }
            return high ? 0 : (0xFFFFL << 32) | v4;
        }
        // IPv6: up to 8 groups, one "::" run of zeros, optionally ending in a dotted IPv4 address
        // (::ffff:127.0.0.1, the form inet_ntop and libsinsp print for IPv4-mapped addresses).
        int groupsBefore = 0;
        int groupsAfter = 0;
        long hiB = 0;
        long loB = 0;
        long aHi = 0;     // groups after "::", accumulated as a 128-bit value
        long aLo = 0;
        boolean gap = false;
        int i = 0;
        if (n >= 2 && s.charAt(0) == ':' && s.charAt(1) == ':') {
            gap = true;
            i = 2;
        } else if (n >= 1 && s.charAt(0) == ':') {
            return INVALID;
        }
        while (i < n) {
            int start = i;
            long g = 0;
            while (i < n && Character.digit(s.charAt(i), 16) >= 0 && i - start < 4) {
                g = (g << 4) | Character.digit(s.charAt(i), 16);
                i++;
            }
            if (i == start) {
                return INVALID;
            }
            if (i < n && s.charAt(i) == '.') {
                long v4 = v4(s, start);
                if (v4 < 0) {
                    return INVALID;
                }
                if (!gap) {
                    if (groupsBefore != 6) {
                        return INVALID;
                    }
                    loB |= v4;
                    groupsBefore += 2;
                } else {
                    aHi = (aHi << 32) | (aLo >>> 32);
                    aLo = (aLo << 32) | v4;
                    groupsAfter += 2;
                }
                break;
            }
            if (!gap) {
                if (groupsBefore >= 8) {
                    return INVALID;
                }
                if (groupsBefore < 4) {
                    hiB |= g << (16 * (3 - groupsBefore));
                } else {
                    loB |= g << (16 * (7 - groupsBefore));
                }
                groupsBefore++;
            } else {
                // shift the after-gap value left by 16 bits and add g
                aHi = (aHi << 16) | (aLo >>> 48);
                aLo = (aLo << 16) | g;
                groupsAfter++;
            }
            if (i < n) {
                if (s.charAt(i) != ':') {
                    return INVALID;
                }
                i++;
                if (i < n && s.charAt(i) == ':') {
                    if (gap) {
                        return INVALID;
                    }
                    gap = true;
                    i++;
                } else if (i == n) {
                    return INVALID;
                }
            }
        }
        if (groupsBefore + groupsAfter > (gap ? 7 : 8) || (!gap && groupsBefore != 8)) {
            return INVALID;
        }
        long hi = hiB | aHi;
        long lo = loB | aLo;
        return high ? hi : lo;
    }

    /** A network: address halves and prefix length in bits (IPv4 prefixes count from bit 96). */
    public record Network(long high, long low, int bits) {

        public boolean contains(long h, long l) {
            if (bits <= 0) {
                return true;
            }
            if (bits <= 64) {
                long m = bits == 64 ? -1L : ~(-1L >>> bits);
                return (h & m) == (high & m);
            }
            if (h != high) {
                return false;
            }
            int b = bits - 64;
            long m = b == 64 ? -1L : ~(-1L >>> b);
            return (l & m) == (low & m);
        }

        /** Parses {@code 10.0.0.0/8}, {@code fe80::/10} or a single address; null when malformed. */
        public static Network parse(String text) {
            int slash = text.indexOf('/');
            String a = slash < 0 ? text : text.substring(0, slash);
            long h = IpAddress.high(a);
            if (h == INVALID) {
                return null;
            }
            long l = IpAddress.low(a);
            boolean v4 = a.indexOf(':') < 0;
            int bits = 128;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    return null;
                }
                if (bits < 0 || bits > (v4 ? 32 : 128)) {
                    return null;
                }
                if (v4) {
                    bits += 96;
                }
            }
            return new Network(h, l, bits);
        }
    }
}
