package org.cairn.certificates.importing;

import java.util.List;
import java.util.Objects;

/**
 * What a file holds, read and checked completely (passwords, integrity, keys matched to certificates) without
 * changing any store.
 *
 * @param format  the kind of file
 * @param entries its certificates, in file order, without duplicates
 * @param notes   things the import leaves out and why (a CRL, a secret bag, ...), for the summary
 */
public record FileContents(FileFormat format, List<FileEntry> entries, List<String> notes) {

    public FileContents {
        Objects.requireNonNull(format, "format");
        entries = List.copyOf(entries);
        notes = List.copyOf(notes);
    }

    /** @return how many of the certificates come with their private key */
    public long keyCount() {
        return entries.stream().filter(FileEntry::hasPrivateKey).count();
    }
}
