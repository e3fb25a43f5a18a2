package org.cairn.certificates.ui.tests;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate as an enterprise CA issues it from a template: the Certificate Template Name extension, a Subject
 * Alternative Name and a CRL Distribution Point (the core's factory makes no such certificates).
 */
final class TemplateCertificates {

    private TemplateCertificates() {
    }

    static X509Certificate webServer(String commonName, String template) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair issuer = generator.generateKeyPair();
        KeyPair subject = generator.generateKeyPair();
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name("CN=Fabrikam Issuing CA"),
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(365))), new X500Name("CN=" + commonName + ",O=Fabrikam"),
                subject.getPublic());
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, commonName), new GeneralName(GeneralName.iPAddress, "10.0.0.7")}));
        builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
            new DistributionPoint(new DistributionPointName(new GeneralNames(new GeneralName(
                    GeneralName.uniformResourceIdentifier, "http://crl.fabrikam.com/issuing.crl"))), null, null)}));
        builder.addExtension(new ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2"), false, new DERBMPString(template));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
    }
}
