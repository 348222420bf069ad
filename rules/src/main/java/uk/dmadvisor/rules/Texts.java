package uk.dmadvisor.rules;

import java.util.Collection;
import java.util.stream.Collectors;

/** Wording helpers for rule messages. */
public final class Texts {

    private static final int SHOWN = 10;

    private Texts() {
    }

    /** A sorted, readable list that stays short for large networks: "A, B, C and 197 more". */
    public static String list(Collection<?> items) {
        String shown = items.stream().map(String::valueOf).sorted().limit(SHOWN).collect(Collectors.joining(", "));
        return items.size() > SHOWN ? shown + " and " + (items.size() - SHOWN) + " more" : shown;
    }
}
