package org.cairn.certificates.core;

/**
 * Creates certificates with new keys: self-signed ones (what a newcomer uses to have something to back up)
 * and a small CA chain. Available as a DS service, or without OSGi through
 * {@link CertificateStores#certificateFactory()}.
 */
public interface CertificateFactoryService {

    /**
     * @param request subject, key type, validity, EKUs, attributes
     * @return a new self-signed certificate and its key (not stored)
     * @throws CertificateStoreException when the key or the signature cannot be made
     */
    GeneratedCertificate createSelfSigned(CertificateRequest request) throws CertificateStoreException;

    /**
     * @param request subject, key type, validity, EKUs, attributes of the new certificate
     * @param issuer  the CA that signs it (its certificate and key)
     * @param ca      whether the new certificate is itself a CA (basic constraints, keyCertSign)
     * @return a new certificate issued by {@code issuer}, and its key
     * @throws CertificateStoreException when the key or the signature cannot be made
     */
    GeneratedCertificate createIssued(CertificateRequest request, GeneratedCertificate issuer, boolean ca)
            throws CertificateStoreException;

    /**
     * @param name      a base name; the subjects become {@code CN=<name> Root CA}, {@code CN=<name> Intermediate CA}
     *                  and {@code CN=<name>} (each with {@code O=Cairn Demo})
     * @param algorithm the key type of all three
     * @return root, intermediate and leaf
     * @throws CertificateStoreException when a key or signature cannot be made
     */
    DemoChain createDemoChain(String name, KeyAlgorithm algorithm) throws CertificateStoreException;

    /**
     * Creates a self-signed certificate and adds it, with its key, to a logical store (usually Personal).
     *
     * @param store   the scope's stores
     * @param target  the logical store
     * @param request the certificate to create
     * @return the stored entry
     * @throws CertificateStoreException when creating or storing fails
     */
    CertificateEntry createSelfSignedIn(CertificateStore store, LogicalStore target, CertificateRequest request)
            throws CertificateStoreException;

    /**
     * Adds a demo chain to a scope: root to Trusted Root Certification Authorities, intermediate to
     * Intermediate Certification Authorities (both without keys), leaf with its key to Personal.
     *
     * @param store the scope's stores
     * @param chain the chain
     * @return the leaf's entry in Personal
     * @throws CertificateStoreException when storing fails
     */
    CertificateEntry install(CertificateStore store, DemoChain chain) throws CertificateStoreException;
}
