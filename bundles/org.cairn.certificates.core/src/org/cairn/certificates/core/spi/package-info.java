/**
 * Store-provider SPI: physical certificate stores contributed as OSGi services and merged into the logical
 * stores of a scope. Versioned; third parties compile against it.
 */
package org.cairn.certificates.core.spi;
