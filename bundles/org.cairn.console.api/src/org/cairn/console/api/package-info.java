/**
 * The Cairn console's snap-in SPI, version 1: what a third party compiles against to add a snap-in (a
 * {@link org.cairn.console.api.SnapIn} OSGi service and its {@link org.cairn.console.api.ConsoleNode}s) or to
 * extend another snap-in's nodes (model fragments on the ids of {@link org.cairn.console.api.ConsoleIds}).
 * <p>
 * No UI toolkit appears here; the optional package {@code org.cairn.console.api.swt} holds the two places where a
 * snap-in may draw with SWT itself. See the bundle's README.md for a walk-through.
 */
package org.cairn.console.api;
