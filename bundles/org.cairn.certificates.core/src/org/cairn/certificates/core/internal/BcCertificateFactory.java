package org.cairn.certificates.core.internal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateFactoryService;
import org.cairn.certificates.core.CertificateRequest;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.DemoChain;
import org.cairn.certificates.core.EntryAttributes;
import org.cairn.certificates.core.GeneratedCertificate;
import org.cairn.certificates.core.KeyAlgorithm;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Purpose;
import org.osgi.service.component.annotations.Component;

/**
 * Creates certificates with Bouncy Castle's certificate builder; keys and signatures come from the Java runtime's
 * own providers (RSA, EC, Ed25519), so no JVM-global provider is installed.
 */
@Component(service = CertificateFactoryService.class)
public final class BcCertificateFactory implements CertificateFactoryService {

    private final SecureRandom random = new SecureRandom();

    @Override
    public GeneratedCertificate createSelfSigned(CertificateRequest request) throws CertificateStoreException {
        KeyPair pair = generate(request.algorithm());
        X509Certificate certificate = build(request, pair.getPublic(), new X500Principal(request.subject()),
                pair, null, false);
        return new GeneratedCertificate(certificate, pair.getPrivate(), request.attributes());
    }

    @Override
    public GeneratedCertificate createIssued(CertificateRequest request, GeneratedCertificate issuer, boolean ca)
            throws CertificateStoreException {
        KeyPair pair = generate(request.algorithm());
        KeyPair issuerPair = new KeyPair(issuer.certificate().getPublicKey(), issuer.privateKey());
        X509Certificate certificate = build(request, pair.getPublic(), issuer.certificate().getSubjectX500Principal(),
                issuerPair, issuer.certificate(), ca);
        return new GeneratedCertificate(certificate, pair.getPrivate(), request.attributes());
    }

    @Override
    public DemoChain createDemoChain(String name, KeyAlgorithm algorithm) throws CertificateStoreException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        CertificateRequest root = new CertificateRequest("CN=" + name + " Root CA,O=Cairn Demo", algorithm,
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)), List.of(),
                EntryAttributes.defaults().withFriendlyName(name + " Root CA"));
        GeneratedCertificate rootCert = selfSignedCa(root);
        CertificateRequest intermediate = new CertificateRequest("CN=" + name + " Intermediate CA,O=Cairn Demo", algorithm,
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1825)), List.of(),
                EntryAttributes.defaults().withFriendlyName(name + " Intermediate CA"));
        GeneratedCertificate intermediateCert = createIssued(intermediate, rootCert, true);
        CertificateRequest leaf = new CertificateRequest("CN=" + name + ",O=Cairn Demo", algorithm, now,
                now.plus(Duration.ofDays(365)), List.of(Purpose.SERVER_AUTHENTICATION, Purpose.CLIENT_AUTHENTICATION),
                EntryAttributes.defaults().withFriendlyName(name));
        return new DemoChain(rootCert, intermediateCert, createIssued(leaf, intermediateCert, false));
    }

    private GeneratedCertificate selfSignedCa(CertificateRequest request) throws CertificateStoreException {
        KeyPair pair = generate(request.algorithm());
        X509Certificate certificate = build(request, pair.getPublic(), new X500Principal(request.subject()), pair, null, true);
        return new GeneratedCertificate(certificate, pair.getPrivate(), request.attributes());
    }

    @Override
    public CertificateEntry createSelfSignedIn(CertificateStore store, LogicalStore target, CertificateRequest request)
            throws CertificateStoreException {
        GeneratedCertificate generated = createSelfSigned(request);
        return store.add(target, generated.certificate(), Optional.of(generated.privateKey()), generated.attributes());
    }

    @Override
    public CertificateEntry install(CertificateStore store, DemoChain chain) throws CertificateStoreException {
        addIfAbsent(store, LogicalStore.TRUSTED_ROOT, chain.root());
        addIfAbsent(store, LogicalStore.INTERMEDIATE, chain.intermediate());
        return store.add(LogicalStore.PERSONAL, chain.leaf().certificate(), Optional.of(chain.leaf().privateKey()),
                chain.leaf().attributes());
    }

    private static void addIfAbsent(CertificateStore store, LogicalStore target, GeneratedCertificate ca)
            throws CertificateStoreException {
        String thumbprint = CertificateEntry.builder(ca.certificate()).scope(store.scope()).logicalStore(target)
                .physicalStore("-").build().thumbprint();
        if (store.find(target, thumbprint).isEmpty()) {
            store.add(target, ca.certificate(), Optional.empty(), ca.attributes());
        }
    }

    private KeyPair generate(KeyAlgorithm algorithm) throws CertificateStoreException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm.jcaName());
            switch (algorithm) {
                case RSA_2048, RSA_3072, RSA_4096 -> generator.initialize(algorithm.bits(), random);
                case EC_P256 -> generator.initialize(new ECGenParameterSpec("secp256r1"), random);
                case EC_P384 -> generator.initialize(new ECGenParameterSpec("secp384r1"), random);
                case ED25519 -> {
                    // Ed25519 has one fixed size; the generator needs no parameters
                }
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new CertificateStoreException("The Java runtime cannot create a " + algorithm.displayName() + " key ("
                    + e.getMessage() + "); choose another key type.", e);
        }
    }

    private X509Certificate build(CertificateRequest request, PublicKey subjectKey, X500Principal issuerName,
            KeyPair signer, X509Certificate issuerCertificate, boolean ca) throws CertificateStoreException {
        try {
            // the JDK's encoding of the name keeps RFC 2253 order; BC's string parser would reverse it
            X500Name subject = X500Name.getInstance(new X500Principal(request.subject()).getEncoded());
            X500Name issuer = X500Name.getInstance(issuerName.getEncoded());
            byte[] serial = new byte[16];
            random.nextBytes(serial);
            serial[0] &= 0x7f;
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(1, serial).max(BigInteger.ONE),
                    Date.from(request.notBefore()), Date.from(request.notAfter()), subject, subjectKey);
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, ca ? new BasicConstraints(ca ? 1 : 0) : new BasicConstraints(false));
            int usage = KeyUsage.digitalSignature;
            if (ca) {
                usage |= KeyUsage.keyCertSign | KeyUsage.cRLSign;
            } else if (request.algorithm().jcaName().equals("RSA")) {
                usage |= KeyUsage.keyEncipherment;
            }
            if (issuerCertificate == null && !ca) {
                // a self-signed end-entity certificate signs itself
                usage |= KeyUsage.keyCertSign;
            }
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false, issuerCertificate == null
                    ? utils.createAuthorityKeyIdentifier(subjectKey) : utils.createAuthorityKeyIdentifier(issuerCertificate));
            if (!request.purposes().isEmpty()) {
                KeyPurposeId[] ids = request.purposes().stream()
                        .map(p -> KeyPurposeId.getInstance(new ASN1ObjectIdentifier(p.oid()))).toArray(KeyPurposeId[]::new);
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(ids));
            }
            String signatureAlgorithm = signatureAlgorithm(signer.getPrivate().getAlgorithm(), request.algorithm());
            var contentSigner = new JcaContentSignerBuilder(signatureAlgorithm).build(signer.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
        } catch (CertIOException | OperatorCreationException | GeneralSecurityException | IllegalArgumentException e) {
            throw new CertificateStoreException("Cannot create the certificate " + request.subject() + ": " + e.getMessage(), e);
        }
    }

    /** The issuer's key decides how the certificate is signed, not the new key's type. */
    private static String signatureAlgorithm(String issuerKeyAlgorithm, KeyAlgorithm requested) {
        return switch (issuerKeyAlgorithm) {
            case "RSA" -> requested == KeyAlgorithm.RSA_4096 ? "SHA384withRSA" : "SHA256withRSA";
            case "EC" -> requested == KeyAlgorithm.EC_P384 ? "SHA384withECDSA" : "SHA256withECDSA";
            case "EdDSA", "Ed25519" -> "Ed25519";
            default -> requested.signatureAlgorithm();
        };
    }
}
