/**
 * The certificate store model: scopes, logical and physical stores, entries, purposes, rights, chains and
 * certificate creation. No UI; the Certificates snap-in, the export service and the command line use it.
 */
package org.cairn.certificates.core;
