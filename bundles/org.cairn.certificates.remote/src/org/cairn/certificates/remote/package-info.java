/**
 * Another computer's certificates over SSH: {@link org.cairn.certificates.remote.RemoteCairn} connects with the
 * user's OpenSSH files and runs that computer's own {@code cairn cert} command line. No SWT.
 */
package org.cairn.certificates.remote;
