package io.peregrine.rules.engine.eval;

import io.peregrine.rules.language.condition.Transformer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * A view of an event where {@link #SLOT} holds a field's values after transformers
 * ({@code tolower(proc.name)}). Transformers build new strings, so a rule that uses them allocates
 * per evaluation; plain fields never do.
 */
final class TransformedValues implements FieldValues {

    static final int SLOT = Integer.MAX_VALUE;

    private final FieldValues base;
    private final int count;
    private final CharSequence[] texts;
    private final long[] numbers;

    TransformedValues(FieldValues base, int source, Transformer[] ts) {
        this.base = base;
        int n = base.count(source);
        this.count = n;
        this.texts = new CharSequence[n];
        this.numbers = new long[n];
        for (int i = 0; i < n; i++) {
            String s = base.text(source, i).toString();
            long num = 0;
            for (Transformer t : ts) {
                switch (t) {
                    case TOLOWER -> s = s.toLowerCase(Locale.ROOT);
                    case TOUPPER -> s = s.toUpperCase(Locale.ROOT);
                    case BASENAME -> {
                        int slash = s.lastIndexOf('/');
                        s = slash < 0 ? s : s.substring(slash + 1);
                    }
                    case B64 -> {
                        try {
                            s = new String(Base64.getDecoder().decode(s.trim()), StandardCharsets.ISO_8859_1);
                        } catch (IllegalArgumentException e) {
                            s = "";    // not base64: nothing decodes, so nothing matches but exists
                        }
                    }
                    case LEN -> num = s.length();
                }
            }
            texts[i] = s;
            numbers[i] = num;
        }
    }

    static Matcher wrap(int source, Transformer[] ts, Matcher inner) {
        return new Matcher() {
            @Override
            public boolean matches(FieldValues v) {
                return inner.matches(new TransformedValues(v, source, ts));
            }
        };
    }

    @Override
    public int eventType() {
        return base.eventType();
    }

    @Override
    public long timeNanos() {
        return base.timeNanos();
    }

    @Override
    public int count(int slot) {
        return slot == SLOT ? count : base.count(slot);
    }

    @Override
    public long number(int slot, int index) {
        return slot == SLOT ? numbers[index] : base.number(slot, index);
    }

    @Override
    public CharSequence text(int slot, int index) {
        return slot == SLOT ? texts[index] : base.text(slot, index);
    }
}
