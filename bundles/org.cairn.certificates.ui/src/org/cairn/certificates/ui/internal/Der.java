package org.cairn.certificates.ui.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Just enough DER reading to show extension values that the JDK's {@code X509Certificate} does not decode (key
 * identifiers, template names) in the certificate dialog. Display only: nothing here checks or trusts anything.
 */
final class Der {

    /** One DER element: its tag byte and its content octets. */
    record Tlv(int tag, byte[] content) {
        boolean constructed() {
            return (tag & 0x20) != 0;
        }

        /** @return the elements inside a constructed element (or inside an OCTET STRING that wraps DER) */
        List<Tlv> children() {
            return readAll(content);
        }
    }

    private Der() {
    }

    /** @return the elements one after the other in {@code data}; empty when {@code data} is not DER */
    static List<Tlv> readAll(byte[] data) {
        List<Tlv> list = new ArrayList<>();
        int[] position = {0};
        while (position[0] < data.length) {
            Optional<Tlv> next = read(data, position);
            if (next.isEmpty()) {
                return List.of();
            }
            list.add(next.get());
        }
        return list;
    }

    /** @return the single element {@code data} holds */
    static Optional<Tlv> one(byte[] data) {
        List<Tlv> all = readAll(data);
        return all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty();
    }

    /**
     * @return the extension value inside the OCTET STRING that {@code X509Certificate.getExtensionValue} returns
     */
    static Optional<byte[]> extensionValue(byte[] wrapped) {
        return wrapped == null ? Optional.empty() : one(wrapped).filter(t -> t.tag() == 0x04).map(Tlv::content);
    }

    private static Optional<Tlv> read(byte[] data, int[] position) {
        int p = position[0];
        if (p + 2 > data.length) {
            return Optional.empty();
        }
        int tag = data[p++] & 0xff;
        int length = data[p++] & 0xff;
        if (length > 0x80) {
            int count = length & 0x7f;
            if (count > 3 || p + count > data.length) {
                return Optional.empty();
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | (data[p++] & 0xff);
            }
        } else if (length == 0x80) {
            return Optional.empty();
        }
        if (p + length > data.length) {
            return Optional.empty();
        }
        byte[] content = java.util.Arrays.copyOfRange(data, p, p + length);
        position[0] = p + length;
        return Optional.of(new Tlv(tag, content));
    }

    /** @return the dotted form of an OBJECT IDENTIFIER's content */
    static String oid(byte[] content) {
        StringBuilder text = new StringBuilder();
        BigInteger value = BigInteger.ZERO;
        boolean first = true;
        for (byte b : content) {
            value = value.shiftLeft(7).or(BigInteger.valueOf(b & 0x7f));
            if ((b & 0x80) == 0) {
                if (first) {
                    int v = value.min(BigInteger.valueOf(80)).intValue();
                    int arc = v < 40 ? 0 : v < 80 ? 1 : 2;
                    text.append(arc).append('.').append(value.subtract(BigInteger.valueOf(40L * arc)));
                    first = false;
                } else {
                    text.append('.').append(value);
                }
                value = BigInteger.ZERO;
            }
        }
        return text.toString();
    }

    /** @return the text of a string element (UTF8String, PrintableString, IA5String, BMPString) */
    static Optional<String> string(Tlv tlv) {
        return switch (tlv.tag()) {
            case 0x0C, 0x13, 0x16, 0x14 -> Optional.of(new String(tlv.content(), StandardCharsets.UTF_8));
            case 0x1E -> Optional.of(new String(tlv.content(), StandardCharsets.UTF_16BE));
            default -> Optional.empty();
        };
    }
}
