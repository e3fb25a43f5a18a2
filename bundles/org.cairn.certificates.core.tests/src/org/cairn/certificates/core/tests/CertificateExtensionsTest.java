package org.cairn.certificates.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.PolicyQualifierInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateExtensions;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.core.EntryAttributes;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The extension decoder: each extension Windows decodes reads as Windows writes it, an unknown one as hex; the
 * certificate template is read into the entry and kept in the store's listing index.
 */
class CertificateExtensionsTest {

    private static final String TEMPLATE_OID = "1.3.6.1.4.1.311.21.8.1234.5678.1.2";

    @TempDir
    Path base;

    /** A CA-issued server certificate carrying every extension the decoder knows, and one it does not. */
    private static X509Certificate richCertificate(boolean templateName) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair issuer = generator.generateKeyPair();
        KeyPair subject = generator.generateKeyPair();
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name("CN=Fabrikam Issuing CA"),
                BigInteger.valueOf(0x1234), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(30))), new X500Name("CN=www.fabrikam.com,O=Fabrikam"),
                subject.getPublic());
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "www.fabrikam.com"), new GeneralName(GeneralName.iPAddress, "10.0.0.7"),
            new GeneralName(GeneralName.rfc822Name, "admin@fabrikam.com")}));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subject.getPublic()));
        builder.addExtension(Extension.authorityKeyIdentifier, false,
                utils.createAuthorityKeyIdentifier(issuer.getPublic()));
        GeneralNames crl = new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier,
                "http://crl.fabrikam.com/issuing.crl"));
        builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
            new DistributionPoint(new DistributionPointName(crl), null, null)}));
        builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(new AccessDescription[] {
            new AccessDescription(AccessDescription.id_ad_caIssuers,
                    new GeneralName(GeneralName.uniformResourceIdentifier, "http://pki.fabrikam.com/issuing.crt")),
            new AccessDescription(AccessDescription.id_ad_ocsp,
                    new GeneralName(GeneralName.uniformResourceIdentifier, "http://ocsp.fabrikam.com"))}));
        builder.addExtension(Extension.certificatePolicies, false, new CertificatePolicies(new PolicyInformation(
                new ASN1ObjectIdentifier("2.23.140.1.2.2"), new DERSequence(new PolicyQualifierInfo(
                        "https://pki.fabrikam.com/cps")))));
        if (templateName) {
            builder.addExtension(new ASN1ObjectIdentifier(CertificateExtensions.TEMPLATE_NAME), false,
                    new DERBMPString("WebServer"));
        } else {
            builder.addExtension(new ASN1ObjectIdentifier(CertificateExtensions.TEMPLATE_INFORMATION), false,
                    new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {new ASN1ObjectIdentifier(TEMPLATE_OID),
                        new ASN1Integer(100), new ASN1Integer(4)}));
        }
        builder.addExtension(new ASN1ObjectIdentifier("1.2.3.4.5"), false, new DERIA5String("x"));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
    }

    private static Map<String, CertificateExtensions.Extension> byName(X509Certificate certificate) {
        return CertificateExtensions.of(certificate).stream()
                .collect(Collectors.toMap(CertificateExtensions.Extension::name, e -> e));
    }

    @Test
    void extensionsReadAsWindowsShowsThem() throws Exception {
        X509Certificate certificate = richCertificate(false);
        Map<String, CertificateExtensions.Extension> extensions = byName(certificate);

        assertEquals("Digital Signature, Key Encipherment (a0)", extensions.get("Key Usage").text());
        assertTrue(extensions.get("Key Usage").critical());
        assertEquals("Server Authentication (1.3.6.1.5.5.7.3.1)\nClient Authentication (1.3.6.1.5.5.7.3.2)",
                extensions.get("Enhanced Key Usage").text());
        assertFalse(extensions.get("Enhanced Key Usage").critical());
        assertEquals("DNS Name=www.fabrikam.com\nIP Address=10.0.0.7\nRFC822 Name=admin@fabrikam.com",
                extensions.get("Subject Alternative Name").text());
        assertEquals("Subject Type=End Entity\nPath Length Constraint=None", extensions.get("Basic Constraints").text());
        assertTrue(extensions.get("Subject Key Identifier").text().matches("[0-9a-f]{40}"),
                extensions.get("Subject Key Identifier").text());
        assertTrue(extensions.get("Authority Key Identifier").text().matches("KeyID=[0-9a-f]{40}"),
                extensions.get("Authority Key Identifier").text());
        assertEquals("""
                [1]CRL Distribution Point
                     Distribution Point Name:
                          Full Name:
                               URL=http://crl.fabrikam.com/issuing.crl""", extensions.get("CRL Distribution Points").text());
        assertEquals("""
                [1]Authority Info Access
                     Access Method=Certification Authority Issuer (1.3.6.1.5.5.7.48.2)
                     Alternative Name:
                          URL=http://pki.fabrikam.com/issuing.crt
                [2]Authority Info Access
                     Access Method=On-line Certificate Status Protocol (1.3.6.1.5.5.7.48.1)
                     Alternative Name:
                          URL=http://ocsp.fabrikam.com""", extensions.get("Authority Information Access").text());
        assertEquals("""
                [1]Certificate Policy:
                     Policy Identifier=2.23.140.1.2.2
                     [1,1]Policy Qualifier Info:
                          Policy Qualifier Id=CPS
                          Qualifier:
                               https://pki.fabrikam.com/cps""", extensions.get("Certificate Policies").text());
        assertEquals("Template=" + TEMPLATE_OID + "\nMajor Version Number=100\nMinor Version Number=4",
                extensions.get("Certificate Template Information").text());
        // not decoded: the DER value as hex (IA5String "x")
        assertEquals("16 01 78", extensions.get("1.2.3.4.5").text());
        assertEquals(List.of("1.2.3.4.5"), CertificateExtensions.of(certificate).stream()
                .map(CertificateExtensions.Extension::oid).filter(oid -> oid.startsWith("1.2.3")).toList());
    }

    @Test
    void aMalformedExtensionIsShownAsHex() {
        // a Key Usage whose value is an INTEGER, not a BIT STRING
        byte[] octets = {0x04, 0x03, 0x02, 0x01, 0x05};
        assertEquals("02 01 05", CertificateExtensions.text("2.5.29.15", octets));
        assertEquals("", CertificateExtensions.text("2.5.29.15", null));
    }

    @Test
    void theTemplateIsTheNameOrTheOid() throws Exception {
        assertEquals(Optional.of("WebServer"), CertificateExtensions.template(richCertificate(true)));
        assertEquals("WebServer", byName(richCertificate(true)).get("Certificate Template Name").text());
        assertEquals(Optional.of(TEMPLATE_OID), CertificateExtensions.template(richCertificate(false)));
        assertEquals(Optional.empty(), CertificateExtensions.template(Fixtures.selfSigned("No template").certificate()));
    }

    @Test
    void theTemplateIsListedFromTheIndex() throws Exception {
        CertificateStoreService service = Fixtures.service(base, Fixtures.owner());
        CertificateStore store = service.open(Scope.currentUser());
        CertificateEntry added = store.add(LogicalStore.PERSONAL, richCertificate(true), Optional.empty(),
                EntryAttributes.defaults());
        assertEquals("WebServer", added.template());
        store.add(LogicalStore.PERSONAL, Fixtures.selfSigned("Plain").certificate(), Optional.empty(),
                EntryAttributes.defaults());
        store.list(LogicalStore.PERSONAL); // builds the index
        Path index = base.resolve("user/My/.cairn/index");
        assertTrue(Files.readString(index).startsWith("cairn-store-index 3 "));
        assertTrue(Files.readString(index).contains("\tWebServer\n"), Files.readString(index));

        // a fresh service reads the listing from the index alone
        CertificateStore again = Fixtures.service(base, Fixtures.owner()).open(Scope.currentUser());
        List<CertificateEntry> entries = again.list(LogicalStore.PERSONAL).entries();
        assertEquals(Map.of("www.fabrikam.com", "WebServer", "Plain", ""), entries.stream()
                .collect(Collectors.toMap(CertificateEntry::issuedTo, CertificateEntry::template)));
    }
}
