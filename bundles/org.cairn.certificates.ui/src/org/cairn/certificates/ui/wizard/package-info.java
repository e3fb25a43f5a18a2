/**
 * Pages the certificate wizards share (the Certificate Export Wizard and the Certificate Import Wizard, in
 * their own bundles): the welcome page and the summary page, laid out as Windows' wizards are.
 */
package org.cairn.certificates.ui.wizard;
