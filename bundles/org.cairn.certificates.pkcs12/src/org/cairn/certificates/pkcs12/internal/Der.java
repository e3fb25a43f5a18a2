package org.cairn.certificates.pkcs12.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;

/**
 * Bounded decoding of DER/BER structures from a file. Bouncy Castle's ASN1InputStream recurses once per nesting
 * level and has no depth limit, so a few kilobytes of nested headers overflow the stack; and it builds every element
 * up front. {@link #check} walks the encoding once, without recursion and without building anything, and refuses
 * too deep a nesting or too many elements before Bouncy Castle sees the bytes. This walk is hand-written because no
 * library offers it; the decoding itself is Bouncy Castle's.
 */
public final class Der {

    private Der() {
    }

    /**
     * Parses one complete DER/BER object; trailing bytes or truncation are damage.
     *
     * @param bytes the encoding
     * @param what  what it is, for the message ("the authenticated safe")
     * @return the object, fully decoded (not lazily: a damaged inner element fails here, not later)
     * @throws Pkcs12Exception CORRUPT, or LIMIT when too deep or too large
     */
    public static ASN1Primitive parse(byte[] bytes, String what) throws Pkcs12Exception {
        check(bytes, what);
        try (ASN1InputStream in = new ASN1InputStream(bytes, false)) {
            ASN1Primitive object = in.readObject();
            if (object == null || in.available() > 0) {
                throw damaged(what, null);
            }
            return object;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw damaged(what, e);
        }
    }

    /**
     * Checks an encoding's nesting depth and element count without decoding it.
     *
     * @param bytes the encoding
     * @param what  what it is, for the message
     * @throws Pkcs12Exception CORRUPT when the headers are broken, LIMIT when too deep or too many elements
     */
    public static void check(byte[] bytes, String what) throws Pkcs12Exception {
        // ends[d] is where the constructed element at depth d ends (-1: indefinite length, ended by 00 00)
        long[] ends = new long[Limits.MAX_DEPTH + 1];
        int depth = 0;
        int elements = 0;
        int pos = 0;
        ends[0] = bytes.length;
        while (true) {
            // close the definite-length elements that end here
            while (depth > 0 && ends[depth] >= 0 && pos == ends[depth]) {
                depth--;
            }
            if (depth == 0 && pos == bytes.length) {
                return;
            }
            if (depth > 0 && ends[depth] >= 0 && pos > ends[depth]) {
                throw damaged(what, null);
            }
            if (pos + 2 > bytes.length) {
                throw damaged(what, null);
            }
            int tag = bytes[pos] & 0xff;
            if (tag == 0 && bytes[pos + 1] == 0 && depth > 0 && ends[depth] < 0) {
                pos += 2; // end of contents of an indefinite-length element
                depth--;
                continue;
            }
            if (++elements > Limits.MAX_ELEMENTS) {
                throw Limits.refused("more than " + Limits.MAX_ELEMENTS + " ASN.1 elements in " + what,
                        "far fewer");
            }
            pos++;
            if ((tag & 0x1f) == 0x1f) { // high tag number: base-128 digits
                int digits = 0;
                while (pos < bytes.length && (bytes[pos] & 0x80) != 0) {
                    pos++;
                    if (++digits > 4) {
                        throw damaged(what, null);
                    }
                }
                pos++;
            }
            if (pos >= bytes.length) {
                throw damaged(what, null);
            }
            int first = bytes[pos++] & 0xff;
            long length;
            if (first < 0x80) {
                length = first;
            } else if (first == 0x80) {
                length = -1;
            } else {
                int count = first & 0x7f;
                if (count > 4 || pos + count > bytes.length) {
                    throw damaged(what, null);
                }
                length = 0;
                for (int i = 0; i < count; i++) {
                    length = (length << 8) | (bytes[pos++] & 0xff);
                }
            }
            boolean constructed = (tag & 0x20) != 0;
            if (length < 0 && !constructed) {
                throw damaged(what, null);
            }
            long end = length < 0 ? -1 : pos + length;
            if (end > bytes.length || (depth > 0 && ends[depth] >= 0 && end > ends[depth])) {
                throw damaged(what, null);
            }
            if (constructed) {
                if (depth == Limits.MAX_DEPTH) {
                    throw Limits.refused("ASN.1 structures nested more than " + Limits.MAX_DEPTH + " deep in " + what,
                            "far less");
                }
                ends[++depth] = end;
            } else {
                pos = (int) end;
            }
            if (depth == 0 && pos == bytes.length) {
                return;
            }
        }
    }

    /**
     * @param der a certificate's encoding
     * @return the certificate, decoded by the Java runtime (as the certificate store reads it back)
     * @throws Pkcs12Exception CORRUPT when it does not decode
     */
    public static X509Certificate certificate(byte[] der) throws Pkcs12Exception {
        check(der, "a certificate");
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw new Pkcs12Exception(Pkcs12Exception.Reason.CORRUPT, "A certificate in the file is damaged: it cannot "
                    + "be decoded as an X.509 certificate. Get a new copy of the file.", e);
        }
    }

    private static Pkcs12Exception damaged(String what, Throwable cause) {
        return new Pkcs12Exception(Pkcs12Exception.Reason.CORRUPT, "The file is damaged or truncated: " + what
                + " cannot be decoded. Get a new copy of the file or export it again.", cause == null ? new IOException(what) : cause);
    }
}
