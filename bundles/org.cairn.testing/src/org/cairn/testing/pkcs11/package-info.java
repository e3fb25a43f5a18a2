/** Test support: SoftHSM2 tokens in the test JVM's own configuration, filled and read by independent tools. */
package org.cairn.testing.pkcs11;
