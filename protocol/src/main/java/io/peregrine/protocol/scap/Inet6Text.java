package io.peregrine.protocol.scap;

/** Formats IPv6 addresses as inet_ntop does (longest zero run compressed to "::"). */
final class Inet6Text {
    private Inet6Text() {
    }

    static String compress(String full) {
        String[] parts = full.split(":");
        if (parts.length != 8) {
            return full;
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (parts[i].equals("0")) {
                int j = i;
                while (j < 8 && parts[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLen) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestLen < 2) {
            return String.join(":", parts);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < bestStart; i++) {
            sb.append(parts[i]).append(i < bestStart - 1 ? ":" : "");
        }
        sb.append("::");
        for (int i = bestStart + bestLen; i < 8; i++) {
            sb.append(parts[i]).append(i < 7 ? ":" : "");
        }
        return sb.toString();
    }
}
