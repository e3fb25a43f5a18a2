package org.cairn.certificates.core.spi;

import java.nio.file.Path;
import java.util.Objects;

import org.cairn.certificates.core.Identity;
import org.cairn.certificates.core.Scope;

/**
 * What a {@link StoreProvider} is told when the stores of a scope are opened.
 *
 * @param scope     the scope
 * @param scopeRoot the scope's root directory (from {@link org.cairn.certificates.core.StoreRoots}); a provider
 *                  that keeps files keeps them below it
 * @param identity  whose rights to check
 */
public record StoreContext(Scope scope, Path scopeRoot, Identity identity) {

    public StoreContext {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(scopeRoot, "scopeRoot");
        Objects.requireNonNull(identity, "identity");
    }
}
