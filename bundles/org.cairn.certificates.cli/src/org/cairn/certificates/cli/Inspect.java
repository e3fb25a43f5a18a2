package org.cairn.certificates.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cairn.certificates.importing.Pkcs12Report;

/** Renders a {@link Pkcs12Report} for people and as JSON. */
final class Inspect {

    private Inspect() {
    }

    static Map<String, Object> toMap(Pkcs12Report r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", r.version());
        m.put("mac", r.mac().map(mac -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("algorithm", mac.algorithm());
            x.put("iterations", mac.iterations());
            x.put("saltLength", mac.saltLength());
            x.put("verified", mac.verified());
            return x;
        }));
        m.put("password", r.password());
        List<Object> safes = new ArrayList<>();
        for (Pkcs12Report.Safe s : r.safes()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("index", s.index());
            x.put("protection", s.protection());
            x.put("algorithm", s.algorithm());
            x.put("iterations", s.iterations());
            x.put("opened", s.opened());
            safes.add(x);
        }
        m.put("safes", safes);
        List<Object> bags = new ArrayList<>();
        for (Pkcs12Report.Bag b : r.bags()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("safe", b.safe());
            x.put("type", b.type());
            x.put("summary", b.summary());
            x.put("algorithm", b.algorithm());
            x.put("iterations", b.iterations());
            List<Object> attributes = new ArrayList<>();
            for (Pkcs12Report.Attribute a : b.attributes()) {
                Map<String, Object> y = new LinkedHashMap<>();
                y.put("oid", a.oid());
                y.put("name", a.name());
                y.put("value", a.value());
                attributes.add(y);
            }
            x.put("attributes", attributes);
            bags.add(x);
        }
        m.put("bags", bags);
        m.put("problem", r.problem());
        List<Object> readers = new ArrayList<>();
        for (Pkcs12Report.ReaderSupport s : r.readers()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("reader", s.reader());
            x.put("opens", s.opens());
            x.put("note", s.why());
            readers.add(x);
        }
        m.put("readers", readers);
        return m;
    }

    static String toText(Path file, Pkcs12Report r) {
        StringBuilder out = new StringBuilder();
        out.append(file).append(": PKCS #12 version ").append(r.version()).append('\n');
        out.append("MAC: ").append(r.mac().map(mac -> mac.algorithm() + ", " + mac.iterations() + " iterations, "
                + mac.saltLength() + "-byte salt, " + (mac.verified() ? "verified" : "NOT verified")).orElse("none")).append('\n');
        r.password().ifPresent(p -> out.append("Password: ").append(p).append('\n'));
        for (Pkcs12Report.Safe s : r.safes()) {
            out.append("Safe ").append(s.index()).append(": ").append(s.protection())
                    .append(s.algorithm().map(a -> ", " + a + (s.iterations() > 0 ? " x" + s.iterations() : "")).orElse(""))
                    .append(s.opened() ? "" : " (not opened)").append('\n');
        }
        for (Pkcs12Report.Bag b : r.bags()) {
            out.append("  [safe ").append(b.safe()).append("] ").append(b.type()).append(": ").append(b.summary())
                    .append(b.algorithm().map(a -> " (" + a + (b.iterations() > 0 ? " x" + b.iterations() : "") + ")").orElse(""))
                    .append('\n');
            for (Pkcs12Report.Attribute a : b.attributes()) {
                out.append("      ").append(a.name()).append(" = ").append(a.value().replace("\0", "\\0")).append('\n');
            }
        }
        r.problem().ifPresent(p -> out.append("Problem: ").append(p).append('\n'));
        out.append("Readers:\n");
        for (Pkcs12Report.ReaderSupport s : r.readers()) {
            out.append(String.format("  %-40s %s%s%n", s.reader(), s.opens() ? "opens it" : "cannot open it",
                    s.why().isEmpty() ? "" : " (" + s.why() + ")"));
        }
        return out.toString();
    }
}
