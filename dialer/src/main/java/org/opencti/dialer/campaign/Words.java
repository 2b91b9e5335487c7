package org.opencti.dialer.campaign;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The lower-case words the dialer's enums are stored and spoken as. */
public final class Words {
    private Words() {
    }

    /** The constant named by {@code word} (any case); an IllegalArgumentException naming the field otherwise. */
    public static <E extends Enum<E>> E parse(Class<E> type, String field, String word) {
        if (word != null) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(word.trim())) {
                    return constant;
                }
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(", "));
        throw new IllegalArgumentException(field + " must be one of " + allowed + ", not \"" + word + "\"");
    }
}
