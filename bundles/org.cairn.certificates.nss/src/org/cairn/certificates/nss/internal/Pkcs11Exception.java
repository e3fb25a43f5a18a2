package org.cairn.certificates.nss.internal;

import java.util.Map;

/** A PKCS #11 call failed; {@link #rv()} is its return value (or -1 for a malformed answer). */
final class Pkcs11Exception extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private static final Map<Long, String> NAMES = Map.ofEntries(
            Map.entry(0x0L, "CKR_OK"), Map.entry(0x3L, "CKR_SLOT_ID_INVALID"), Map.entry(0x5L, "CKR_GENERAL_ERROR"),
            Map.entry(0x6L, "CKR_FUNCTION_FAILED"), Map.entry(0x7L, "CKR_ARGUMENTS_BAD"),
            Map.entry(0x11L, "CKR_ATTRIBUTE_SENSITIVE"), Map.entry(0x12L, "CKR_ATTRIBUTE_TYPE_INVALID"),
            Map.entry(0x30L, "CKR_DEVICE_ERROR"), Map.entry(0x54L, "CKR_FUNCTION_NOT_SUPPORTED"),
            Map.entry(0x60L, "CKR_KEY_HANDLE_INVALID"), Map.entry(0x6AL, "CKR_KEY_UNEXTRACTABLE"),
            Map.entry(0x70L, "CKR_MECHANISM_INVALID"), Map.entry(0x82L, "CKR_OBJECT_HANDLE_INVALID"),
            Map.entry(0xA0L, "CKR_PIN_INCORRECT"), Map.entry(0xA2L, "CKR_PIN_LEN_RANGE"),
            Map.entry(0x10L, "CKR_ATTRIBUTE_READ_ONLY"), Map.entry(0x13L, "CKR_ATTRIBUTE_VALUE_INVALID"),
            Map.entry(0xD0L, "CKR_TEMPLATE_INCOMPLETE"), Map.entry(0xD1L, "CKR_TEMPLATE_INCONSISTENT"), Map.entry(0xA4L, "CKR_PIN_LOCKED"),
            Map.entry(0xB3L, "CKR_SESSION_HANDLE_INVALID"), Map.entry(0xB5L, "CKR_SESSION_READ_ONLY"),
            Map.entry(0xE0L, "CKR_TOKEN_NOT_PRESENT"), Map.entry(0xE2L, "CKR_TOKEN_WRITE_PROTECTED"),
            Map.entry(0x150L, "CKR_BUFFER_TOO_SMALL"), Map.entry(0x100L, "CKR_USER_ALREADY_LOGGED_IN"), Map.entry(0x101L, "CKR_USER_NOT_LOGGED_IN"),
            Map.entry(0x190L, "CKR_CRYPTOKI_NOT_INITIALIZED"), Map.entry(0x191L, "CKR_CRYPTOKI_ALREADY_INITIALIZED"));

    private final long rv;

    Pkcs11Exception(String message, long rv) {
        super(message);
        this.rv = rv;
    }

    long rv() {
        return rv;
    }

    static String name(long rv) {
        return NAMES.getOrDefault(rv, "0x" + Long.toHexString(rv));
    }
}
