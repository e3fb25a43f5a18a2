/** Test support without a display: other programs and a second JVM, run as real processes. */
package org.cairn.testing.process;
