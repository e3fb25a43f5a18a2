package org.cairn.certificates.core;

import java.util.List;
import java.util.Objects;

/**
 * A small CA chain for demos and tests: a root CA, an intermediate CA issued by it, and a leaf issued by the
 * intermediate (with Server and Client Authentication EKUs).
 *
 * @param root         the self-signed root CA
 * @param intermediate the intermediate CA
 * @param leaf         the end-entity certificate
 */
public record DemoChain(GeneratedCertificate root, GeneratedCertificate intermediate, GeneratedCertificate leaf) {

    public DemoChain {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(intermediate, "intermediate");
        Objects.requireNonNull(leaf, "leaf");
    }

    /** @return leaf, intermediate, root */
    public List<GeneratedCertificate> leafFirst() {
        return List.of(leaf, intermediate, root);
    }
}
