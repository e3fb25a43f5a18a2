package org.cairn.certificates.importing.tests;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Map;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.AuthenticatedSafe;
import org.bouncycastle.asn1.pkcs.CertBag;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.MacData;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Pfx;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.SafeBag;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.crypto.PBEParametersGenerator;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS12ParametersGenerator;
import org.bouncycastle.crypto.macs.HMac;

/**
 * Writes a small PKCS #12 file by hand (plain safe, SHA-256 MAC) with the bag attributes Cairn's export writes for
 * "Export all extended properties", so the import's reading of them is tested without the export service.
 */
final class PfxWriter {

    private PfxWriter() {
    }

    static byte[] write(X509Certificate certificate, PrivateKey key, String friendlyName, String description,
            Map<String, String> properties, char[] password) throws Exception {
        byte[] keyId = java.security.MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded());
        ASN1EncodableVector certAttributes = new ASN1EncodableVector();
        certAttributes.add(new Attribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERSet(new DERBMPString(friendlyName))));
        certAttributes.add(new Attribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, new DERSet(new DEROctetString(keyId))));
        certAttributes.add(new Attribute(new ASN1ObjectIdentifier("1.3.6.1.4.1.311.17.3.13"),
                new DERSet(new DEROctetString((description + '\0').getBytes(StandardCharsets.UTF_16LE)))));
        ASN1EncodableVector pairs = new ASN1EncodableVector();
        for (Map.Entry<String, String> e : properties.entrySet()) {
            pairs.add(new DERSequence(new DERUTF8String[] {new DERUTF8String(e.getKey()), new DERUTF8String(e.getValue())}));
        }
        certAttributes.add(new Attribute(new ASN1ObjectIdentifier("1.3.6.1.4.1.311.17.3." + 0xCA1E),
                new DERSet(new DEROctetString(new DERSequence(pairs).getEncoded(ASN1Encoding.DER)))));
        SafeBag certBag = new SafeBag(PKCSObjectIdentifiers.certBag,
                new CertBag(PKCSObjectIdentifiers.x509Certificate, new DEROctetString(certificate.getEncoded())),
                new DERSet(certAttributes));
        ASN1EncodableVector keyAttributes = new ASN1EncodableVector();
        keyAttributes.add(new Attribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, new DERSet(new DEROctetString(keyId))));
        SafeBag keyBag = new SafeBag(PKCSObjectIdentifiers.keyBag, PrivateKeyInfo.getInstance(key.getEncoded()),
                new DERSet(keyAttributes));
        byte[] safe = new DERSequence(new SafeBag[] {certBag, keyBag}).getEncoded(ASN1Encoding.DER);
        AuthenticatedSafe authSafe = new AuthenticatedSafe(new ContentInfo[] {
            new ContentInfo(PKCSObjectIdentifiers.data, new DEROctetString(safe))});
        byte[] content = authSafe.getEncoded(ASN1Encoding.DER);
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        PKCS12ParametersGenerator generator = new PKCS12ParametersGenerator(new SHA256Digest());
        generator.init(PBEParametersGenerator.PKCS12PasswordToBytes(password), salt, 2048);
        HMac hmac = new HMac(new SHA256Digest());
        hmac.init(generator.generateDerivedMacParameters(256));
        hmac.update(content, 0, content.length);
        byte[] mac = new byte[32];
        hmac.doFinal(mac, 0);
        MacData macData = new MacData(new DigestInfo(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), mac), salt, 2048);
        return new Pfx(new ContentInfo(PKCSObjectIdentifiers.data, new DEROctetString(content)), macData).getEncoded(ASN1Encoding.DER);
    }

}
