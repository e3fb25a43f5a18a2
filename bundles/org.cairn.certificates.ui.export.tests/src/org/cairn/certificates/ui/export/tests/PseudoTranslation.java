package org.cairn.certificates.ui.export.tests;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

import org.cairn.certificates.ui.export.internal.Messages;

/**
 * A pseudo-translation of the wizard's texts for layout tests: each text 40 % longer (as German or Finnish texts
 * often are), in accented words appended after it, so that {@code {0}} patterns and mnemonics stay intact.
 */
final class PseudoTranslation {

    private static final String[] WORDS = {"Ŀöŕèm", "ïpśüm", "ďôłòŕ", "śìț", "àmèț", "çöñśèçțèțüŕ"};

    private PseudoTranslation() {
    }

    /** @return a copy of {@code english} with every text 40 % longer */
    static Messages longer(Messages english) {
        Messages longer = new Messages();
        for (Field field : Messages.class.getFields()) {
            if (field.getType() != String.class || Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            try {
                String text = (String) field.get(english);
                field.set(longer, text == null ? null : longer(text));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return longer;
    }

    static String longer(String text) {
        int wanted = text.length() + (int) Math.ceil(text.length() * 0.4);
        StringBuilder longer = new StringBuilder(text);
        for (int i = 0; longer.length() < wanted; i++) {
            longer.append(' ').append(WORDS[i % WORDS.length]);
        }
        return longer.toString();
    }
}
