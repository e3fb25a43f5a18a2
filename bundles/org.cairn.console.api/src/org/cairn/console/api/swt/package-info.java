/**
 * The SWT side of the snap-in SPI, version 1: a details pane a snap-in draws itself
 * ({@link org.cairn.console.api.swt.CustomView}) and a configuration step it draws itself
 * ({@link org.cairn.console.api.swt.ConfigurationPage}); since 1.1, {@link org.cairn.console.api.swt.AccessibleNames},
 * which names a snap-in's fields for screen readers as the console names its own. Kept apart so that the main API package needs no SWT;
 * this package imports SWT optionally, so only bundles that use it need SWT.
 */
package org.cairn.console.api.swt;
