package org.cairn.certificates.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cairn.certificates.core.CertificateEntry;

/**
 * The snap-in's help: the stores, the columns, backing up a certificate with its private key (Export...) and restoring
 * it (Import...), and rights, from {@code bundle.properties} so that it is translated with the rest. Its order follows
 * what is selected: a certificate starts with the backup, a store with the stores.
 */
public final class CertificatesHelp {

    /** The topics, each a title and a text in the properties (help.TOPIC.title, help.TOPIC). */
    public enum Topic {
        /** What the snap-in shows. */
        OVERVIEW("overview"),
        /** The logical stores and the view options. */
        STORES("stores"),
        /** The details pane's columns, sorting, customizing, Export List. */
        COLUMNS("columns"),
        /** Export... with the private key to a PKCS #12 file. */
        BACKUP("backup"),
        /** Import... of a backup. */
        RESTORE("restore"),
        /** What an account may do. */
        RIGHTS("rights");

        private final String key;

        Topic(String key) {
            this.key = key;
        }

        /** @return the topic's heading */
        public String title() {
            return Messages.get("help." + key + ".title");
        }

        /** @return the topic's text */
        public String text() {
            return Messages.get("help." + key);
        }
    }

    private final String heading;
    private final List<Topic> topics;

    private CertificatesHelp(String heading, List<Topic> topics) {
        this.heading = heading;
        this.topics = List.copyOf(topics);
    }

    /**
     * @param certificate the certificate selected in the details pane, if any
     * @param store       the name of the selected store (or purpose), if any
     * @return the help for that selection
     */
    public static CertificatesHelp forSelection(Optional<CertificateEntry> certificate, Optional<String> store) {
        if (certificate.isPresent()) {
            CertificateEntry entry = certificate.get();
            return new CertificatesHelp(Messages.format("help.heading.certificate", entry.issuedTo()),
                    List.of(Topic.BACKUP, Topic.RESTORE, Topic.COLUMNS, Topic.OVERVIEW, Topic.STORES, Topic.RIGHTS));
        }
        if (store.isPresent()) {
            return new CertificatesHelp(Messages.format("help.heading.store", store.get()),
                    List.of(Topic.STORES, Topic.COLUMNS, Topic.BACKUP, Topic.RESTORE, Topic.OVERVIEW, Topic.RIGHTS));
        }
        return new CertificatesHelp("", List.of(Topic.values()));
    }

    /** @return the topics, in the order shown */
    public List<Topic> topics() {
        return topics;
    }

    /** @return the whole help as plain text: an optional heading, then each topic's title and text */
    public String text() {
        List<String> parts = new ArrayList<>();
        if (!heading.isEmpty()) {
            parts.add(heading);
        }
        for (Topic topic : topics) {
            parts.add(topic.title() + "\n" + topic.text());
        }
        return String.join("\n\n", parts);
    }
}
