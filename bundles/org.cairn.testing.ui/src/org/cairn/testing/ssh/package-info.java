/** Test support: another computer over SSH on 127.0.0.1 (sshd and Cairn's command line), for the UI tests. */
package org.cairn.testing.ssh;
