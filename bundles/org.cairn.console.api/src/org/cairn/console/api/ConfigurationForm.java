package org.cairn.console.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A configuration step the host lays out from fields: radio buttons and text fields, some of them only enabled
 * when another field has a given value. The settings produced are the fields' keys and values (disabled fields
 * left out), passed to {@link SnapIn#createRoot(Map)}.
 */
public interface ConfigurationForm extends SnapInConfiguration {

    /** @return the fields, top to bottom */
    List<Field> fields();

    /**
     * Checks the values before the host lets the user finish.
     *
     * @param settings the values of the enabled fields
     * @return what is wrong, in the user's words; empty when the values are acceptable
     */
    default Optional<String> validate(Map<String, String> settings) {
        return Optional.empty();
    }

    /**
     * @param title       the page title
     * @param description the line under the title
     * @param fields      the fields, top to bottom
     * @return a form without validation beyond the fields themselves
     */
    static ConfigurationForm of(String title, String description, List<Field> fields) {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        List<Field> fixed = List.copyOf(fields);
        return new ConfigurationForm() {
            @Override
            public String title() {
                return title;
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public List<Field> fields() {
                return fixed;
            }
        };
    }

    /** A field of a form. */
    sealed interface Field {

        /** @return the settings key */
        String key();

        /** @return the field's label */
        String label();

        /** @return the condition that enables it; empty for always */
        Optional<Condition> enabledWhen();
    }

    /**
     * A field enabled only while another field has a value.
     *
     * @param key   the other field's key
     * @param value the value it must have
     */
    record Condition(String key, String value) {
        /** @throws NullPointerException if an argument is {@code null} */
        public Condition {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * An option of a {@link Choice}.
     *
     * @param value the value stored in the settings
     * @param label what the user reads
     */
    record Option(String value, String label) {
        /** @throws NullPointerException if an argument is {@code null} */
        public Option {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(label, "label");
        }
    }

    /**
     * A choice among options, shown as radio buttons.
     *
     * @param key          the settings key
     * @param label        the question above the buttons
     * @param options      the options, at least one
     * @param initialValue the value selected at first
     * @param enabledWhen  when the field is enabled
     */
    record Choice(String key, String label, List<Option> options, String initialValue,
            Optional<Condition> enabledWhen) implements Field {
        /** @throws IllegalArgumentException if there is no option or the initial value is not one of them */
        public Choice {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(enabledWhen, "enabledWhen");
            options = List.copyOf(options);
            String initial = initialValue;
            if (options.stream().noneMatch(option -> option.value().equals(initial))) {
                throw new IllegalArgumentException("The initial value of " + key + " is not one of its options");
            }
        }
    }

    /**
     * A line of text.
     *
     * @param key          the settings key
     * @param label        the label before the field
     * @param initialValue the text it starts with
     * @param enabledWhen  when the field is enabled
     */
    record Text(String key, String label, String initialValue, Optional<Condition> enabledWhen) implements Field {
        /** @throws NullPointerException if an argument is {@code null} */
        public Text {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(initialValue, "initialValue");
            Objects.requireNonNull(enabledWhen, "enabledWhen");
        }
    }
}
