package org.cairn.testing.ui;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Supplies one {@link DisplayThread} for the whole test run (SWT allows one display at a time); the
 * root store closes it at the end.
 */
final class SharedDisplay implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DisplayThread.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(SharedDisplay.class))
                .getOrComputeIfAbsent(DisplayThread.class, key -> DisplayThread.start(), DisplayThread.class);
    }
}
