package com.example.keystores;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;

import org.cairn.console.api.Icon;
import org.cairn.console.api.ResultItem;
import org.cairn.console.api.RowStyle;

/**
 * An entry of a keystore, a row of the details pane. The subject and expiry are empty when the keystore keeps its
 * certificates encrypted (read without its password); such rows are drawn grey.
 */
record EntryItem(String alias, String type, Optional<String> subject, Optional<Instant> expires,
        Optional<Instant> created) implements ResultItem {

    static final String ITEM_TYPE = "com.example.keystores.item.entry";
    static final String ALIAS = "alias";
    static final String TYPE_COLUMN = "type";
    static final String SUBJECT = "subject";
    static final String EXPIRES = "expires";
    static final String CREATED = "created";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());

    @Override
    public String itemTypeId() {
        return ITEM_TYPE;
    }

    @Override
    public String text(String columnId) {
        return switch (columnId) {
            case ALIAS -> alias;
            case TYPE_COLUMN -> type;
            case SUBJECT -> subject.orElse("");
            case EXPIRES -> expires.map(DATE::format).orElse("");
            case CREATED -> created.map(DATE::format).orElse("");
            default -> "";
        };
    }

    @Override
    public Comparable<?> sortKey(String columnId) {
        return switch (columnId) {
            case EXPIRES -> expires.orElse(Instant.MIN);
            case CREATED -> created.orElse(Instant.MIN);
            default -> text(columnId);
        };
    }

    @Override
    public Optional<Icon> icon() {
        return Optional.of(Icon.of(type.startsWith("Private") || type.startsWith("Secret") ? Icon.Kind.KEY
                : Icon.Kind.CERTIFICATE));
    }

    @Override
    public RowStyle style() {
        return subject.isEmpty() && !type.equals("Secret key") ? RowStyle.DIMMED : RowStyle.NORMAL;
    }
}
