package org.cairn.certificates.cli;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cairn.certificates.core.AccessDenial;
import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateExtensions;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.TrustEverywhere;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code cairn cert show}. */
@Command(name = "show", header = "show certificates in detail (fields, chain, private key, status)", description = {"Show each certificate: its fields, intended purposes, certificate template, "
        + "friendly name and properties, its extensions as Windows' Details tab shows them, whether you have its private "
        + "key and whether it is exportable (and why not), its certification path and its status: the verdict of PKIX "
        + "validation up to Trusted Root Certification Authorities, in the words of the certificate dialog (--json: "
        + "\"status\": {\"code\", \"message\", \"failedAt\", \"detail\"}, \"chain\": the path from the leaf up, each "
        + "with thumbprint, subject, store, status and \"der\" (base64); codes: ok, not-time-valid, issuer-not-found, "
        + "untrusted-root, not-trusted, invalid-ca, distrusted, revoked, bad-signature, not-valid, cannot-check). "
        + "Revocation is not checked.",
    "\"Held in\" (--json: \"heldIn\") lists every physical store of the current user and the computer that holds it: "
        + "Cairn's own, the system's anchors and bundle, Java's cacerts, NSS databases, service files.",
    "Thumbprints may contain spaces or colons. Exit status 1 when one is not found."})
final class ShowCommand implements Subcommand {

    @Mixin
    Options.Help help;
    @Parameters(paramLabel = "THUMBPRINT", arity = "1..*", description = "The certificates' SHA-1 thumbprints.")
    List<String> thumbprints;
    @Mixin
    Options.ScopeStore where;
    @Mixin
    Options.DbPassword db;
    @Mixin
    Options.Json json;
    @Mixin
    Options.Remote remote;

    private final Session session;

    ShowCommand(Session session) {
        this.session = session;
    }

    @Override
    public int run() throws UsageException, CommandException {
        Io io = session.io();
        Scope scope = where.scope();
        Optional<LogicalStore> logical = where.store();
        CertificateStore store = session.open(scope, db);
        List<Object> shown = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String given : thumbprints) {
            String thumbprint = Entries.thumbprint(given);
            List<CertificateEntry> entries = Entries.find(store, logical, thumbprint);
            if (entries.isEmpty()) {
                missing.add(thumbprint);
            }
            for (CertificateEntry entry : entries) {
                Map<String, Object> details = details(store, entry);
                details.put("heldIn", heldIn(thumbprint));
                if (json.json) {
                    shown.add(details);
                } else {
                    printDetails(io, details);
                }
            }
        }
        if (json.json) {
            io.out().println(Json.write(shown));
        }
        if (!missing.isEmpty()) {
            throw new CommandException("no certificate with thumbprint " + String.join(", ", missing) + " in "
                    + logical.map(LogicalStore::displayName).orElse("any store") + " of " + scope.displayName()
                    + ". List them with cairn cert list" + (scope instanceof Scope.CurrentUser ? "" : " --scope " + scope.token()) + ".");
        }
        return CertCommand.DONE;
    }

    /** Where is this certificate held: every physical store of the current user's and the computer's scope. */
    private List<String> heldIn(String thumbprint) throws CommandException {
        try {
            return new TrustEverywhere(session.services().stores()).holders(thumbprint).stream()
                    .map(TrustEverywhere.Place::line).toList();
        } catch (CertificateStoreException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    private static Map<String, Object> details(CertificateStore store, CertificateEntry entry) throws CommandException {
        Map<String, Object> m = Entries.summary(entry);
        X509Certificate certificate;
        try {
            certificate = entry.certificate();
        } catch (CertificateStoreException e) {
            throw new CommandException(e.getMessage(), e);
        }
        m.put("version", "V" + certificate.getVersion());
        m.put("signatureAlgorithm", certificate.getSigAlgName());
        m.put("publicKey", publicKey(certificate));
        m.put("sha256", entry.sha256());
        m.put("properties", entry.properties());
        m.put("physicalStores", entry.physicalStores());
        m.put("exportableWhyNot", store.whyKeyNotExportable(entry).map(AccessDenial::message).orElse(null));
        m.put("template", entry.template());
        List<Object> extensions = new ArrayList<>();
        for (CertificateExtensions.Extension e : CertificateExtensions.of(certificate)) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("oid", e.oid());
            x.put("name", e.name());
            x.put("critical", e.critical());
            x.put("value", e.text());
            extensions.add(x);
        }
        m.put("extensions", extensions);
        // the verdict the certificate dialog and the list show: one computation in the core
        try {
            Verdicts.put(m, store.validate(entry));
        } catch (CertificateStoreException e) {
            Verdicts.putFailure(m, e);
        }
        return m;
    }

    private static String publicKey(X509Certificate certificate) {
        java.security.PublicKey key = certificate.getPublicKey();
        if (key instanceof java.security.interfaces.RSAKey rsa) {
            return "RSA (" + rsa.getModulus().bitLength() + " bits)";
        }
        if (key instanceof java.security.interfaces.ECKey ec) {
            return "ECC (" + ec.getParams().getCurve().getField().getFieldSize() + " bits)";
        }
        if (key instanceof java.security.interfaces.DSAKey dsa) {
            return "DSA (" + dsa.getParams().getP().bitLength() + " bits)";
        }
        return key.getAlgorithm();
    }

    private void printDetails(Io io, Map<String, Object> d) {
        StringBuilder out = new StringBuilder();
        String[][] fields = {
            {"Thumbprint", "thumbprint"}, {"Subject", "subject"}, {"Issuer", "issuer"}, {"Version", "version"},
            {"Serial number", "serialNumber"}, {"Valid from", "notBefore"}, {"Valid to", "notAfter"},
            {"Signature algorithm", "signatureAlgorithm"}, {"Public key", "publicKey"}, {"SHA-256", "sha256"},
            {"Intended purposes", d.containsKey("validPurposes") ? "validPurposes" : "purposes"},
            {"Certificate template", "template"},
            {"Friendly name", "friendlyName"}, {"Description", "description"},
            {"Extended properties", "properties"}, {"Store", "storeName"}, {"Physical store", "physicalStore"}};
        for (String[] f : fields) {
            out.append(String.format("%-20s %s%n", f[0] + ":", text(d.get(f[1]))));
        }
        if (d.get("heldIn") instanceof List<?> held && !held.isEmpty()) {
            out.append("Held in:\n");
            held.forEach(h -> out.append("  ").append(h).append('\n'));
        }
        boolean key = Boolean.TRUE.equals(d.get("hasPrivateKey"));
        out.append(String.format("%-20s %s%n", "Private key:", key ? "yes, you have a private key that corresponds to this certificate" : "no"));
        out.append(String.format("%-20s %s%n", "Exportable:", d.get("exportableWhyNot") == null ? "yes" : "no (" + d.get("exportableWhyNot") + ")"));
        if (d.get("extensions") instanceof List<?> extensions && !extensions.isEmpty()) {
            out.append("Extensions:\n");
            for (Object o : extensions) {
                Map<?, ?> x = (Map<?, ?>) o;
                out.append("  ").append(x.get("name")).append(Boolean.TRUE.equals(x.get("critical")) ? " (critical)" : "")
                        .append(":\n");
                for (String line : String.valueOf(x.get("value")).split("\\R")) {
                    out.append("    ").append(line).append('\n');
                }
            }
        }
        Map<?, ?> status = (Map<?, ?>) d.get("status");
        out.append(String.format("%-20s %s%n", "Certificate status:", status.get("message")));
        out.append("Certification path (" + d.get("chainStatus") + "):\n");
        Object chain = d.get("chain");
        if (chain instanceof List<?> links) {
            int depth = 0;
            for (int i = links.size() - 1; i >= 0; i--) {
                Map<?, ?> link = (Map<?, ?>) links.get(i);
                out.append("  ").append("  ".repeat(depth++)).append(link.get("subject")).append("  [")
                        .append(link.get("store")).append(' ').append(link.get("thumbprint")).append("]\n");
            }
        }
        if (d.get("missingIssuer") != null) {
            out.append("  issuer not found: ").append(d.get("missingIssuer")).append('\n');
        }
        out.append('\n');
        io.out().print(out);
    }

    private static String text(Object value) {
        if (value instanceof List<?> list) {
            return String.join(", ", list.stream().map(String::valueOf).toList());
        }
        if (value instanceof Map<?, ?> map) {
            return map.isEmpty() ? "" : map.toString();
        }
        return value == null ? "" : value.toString();
    }
}
