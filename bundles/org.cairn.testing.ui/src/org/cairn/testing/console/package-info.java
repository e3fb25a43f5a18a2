/**
 * Test support: the console's main window as a person drives it (File → New, File → Add/Remove Snap-in..., the
 * Certificates snap-in for an account or another computer, the details pane), shared by the UI test bundles.
 */
package org.cairn.testing.console;
