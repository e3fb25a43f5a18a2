/**
 * The certificate import service: reads PKCS #12, X.509 (DER, Base-64), PKCS #7 and PEM files and adds their
 * certificates and keys to the certificate stores, all or nothing. Used by the Certificate Import Wizard and the
 * command line; no SWT.
 */
package org.cairn.certificates.importing;
