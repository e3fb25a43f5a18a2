package org.cairn.certificates.nss.internal;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A thin binding of the PKCS #11 functions Cairn needs, over one module's {@code CK_FUNCTION_LIST}, through the
 * JDK's foreign function API (no native code of our own). Linux x86_64/aarch64 layout: {@code CK_ULONG} is 64 bits,
 * structures are pointer-aligned. Not thread-safe: the owner ({@link Softoken}) serialises every call.
 */
final class Pkcs11 {

    // object classes, attributes, key types and mechanisms (PKCS #11 2.40 and NSS's vendor values)
    static final long CKO_CERTIFICATE = 1;
    static final long CKO_PUBLIC_KEY = 2;
    static final long CKO_PRIVATE_KEY = 3;
    static final long CKO_SECRET_KEY = 4;
    static final long CKO_NSS_TRUST = 0xCE534353L;
    static final long CKA_CLASS = 0;
    static final long CKA_TOKEN = 1;
    static final long CKA_PRIVATE = 2;
    static final long CKA_LABEL = 3;
    static final long CKA_VALUE = 0x11;
    static final long CKA_SUBJECT = 0x101;
    static final long CKA_DECRYPT = 0x105;
    static final long CKA_SIGN = 0x108;
    static final long CKA_MODULUS = 0x120;
    static final long CKA_PUBLIC_EXPONENT = 0x122;
    static final long CKA_PRIVATE_EXPONENT = 0x123;
    static final long CKA_PRIME_1 = 0x124;
    static final long CKA_PRIME_2 = 0x125;
    static final long CKA_EXPONENT_1 = 0x126;
    static final long CKA_EXPONENT_2 = 0x127;
    static final long CKA_COEFFICIENT = 0x128;
    static final long CKA_PUBLIC_KEY_INFO = 0x129;
    static final long CKA_EC_PARAMS = 0x180;
    static final long CKC_X_509 = 0;
    static final long CKA_CERTIFICATE_TYPE = 0x80;
    static final long CKA_ISSUER = 0x81;
    static final long CKA_SERIAL_NUMBER = 0x82;
    static final long CKA_KEY_TYPE = 0x100;
    static final long CKA_ID = 0x102;
    static final long CKA_SENSITIVE = 0x103;
    static final long CKA_WRAP = 0x106;
    static final long CKA_UNWRAP = 0x107;
    static final long CKA_VALUE_LEN = 0x161;
    static final long CKA_EXTRACTABLE = 0x162;
    static final long CKA_TRUST_SERVER_AUTH = 0xCE536358L;
    static final long CKA_TRUST_CLIENT_AUTH = 0xCE536359L;
    static final long CKA_TRUST_CODE_SIGNING = 0xCE53635AL;
    static final long CKA_TRUST_EMAIL_PROTECTION = 0xCE53635BL;
    static final long CKA_CERT_SHA1_HASH = 0xCE5363B4L;
    static final long CKK_RSA = 0;
    static final long CKK_DSA = 1;
    static final long CKK_EC = 3;
    static final long CKK_AES = 0x1F;
    static final long CKK_EC_EDWARDS = 0x40;
    static final long CKK_EC_MONTGOMERY = 0x41;
    static final long CKM_AES_KEY_WRAP_KWP = 0x210B;
    static final long CKU_USER = 1;

    static final long CKR_OK = 0;
    static final long CKR_ATTRIBUTE_TYPE_INVALID = 0x12;
    static final long CKR_ATTRIBUTE_SENSITIVE = 0x11;
    static final long CKR_PIN_INCORRECT = 0xA0;
    static final long CKR_PIN_LEN_RANGE = 0xA2;
    static final long CKR_PIN_LOCKED = 0xA4;
    static final long CKR_BUFFER_TOO_SMALL = 0x150;
    static final long CKR_USER_ALREADY_LOGGED_IN = 0x100;
    static final long CKR_USER_NOT_LOGGED_IN = 0x101;
    static final long CKR_TOKEN_NOT_PRESENT = 0xE0;
    static final long CKR_TOKEN_WRITE_PROTECTED = 0xE2;
    static final long CKR_SESSION_READ_ONLY = 0xB5;
    static final long CKR_CRYPTOKI_ALREADY_INITIALIZED = 0x191;
    static final long CK_UNAVAILABLE_INFORMATION = -1L;

    static final long CKF_RW_SESSION = 2;
    static final long CKF_SERIAL_SESSION = 4;
    static final long CKF_LOGIN_REQUIRED = 4;
    static final long CKF_USER_PIN_INITIALIZED = 8;
    static final long CKF_WRITE_PROTECTED = 2;
    static final long CKF_TOKEN_INITIALIZED = 0x400;
    static final long CKF_USER_PIN_COUNT_LOW = 0x10000;
    static final long CKF_USER_PIN_FINAL_TRY = 0x20000;
    static final long CKF_USER_PIN_LOCKED = 0x40000;
    static final long CKS_RO_USER_FUNCTIONS = 1;
    static final long CKS_RW_USER_FUNCTIONS = 3;

    // indexes in CK_FUNCTION_LIST (after the 2-byte CK_VERSION, padded to a pointer)
    private static final int C_INITIALIZE = 0;
    private static final int C_FINALIZE = 1;
    private static final int C_GET_SLOT_LIST = 4;
    private static final int C_GET_TOKEN_INFO = 6;
    private static final int C_OPEN_SESSION = 12;
    private static final int C_CLOSE_SESSION = 13;
    private static final int C_GET_SESSION_INFO = 15;
    private static final int C_LOGIN = 18;
    private static final int C_LOGOUT = 19;
    private static final int C_CREATE_OBJECT = 20;
    private static final int C_DESTROY_OBJECT = 22;
    private static final int C_GET_ATTRIBUTE_VALUE = 24;
    private static final int C_SET_ATTRIBUTE_VALUE = 25;
    private static final int C_FIND_OBJECTS_INIT = 26;
    private static final int C_FIND_OBJECTS = 27;
    private static final int C_FIND_OBJECTS_FINAL = 28;
    private static final int C_WRAP_KEY = 60;
    private static final int FUNCTIONS = 68;

    /** The largest attribute value read (a certificate is a few kilobytes; this bounds what a broken module says). */
    static final int MAX_ATTRIBUTE = 1 << 20;

    private final Arena arena;
    private final MemorySegment functions;
    private final Linker linker = Linker.nativeLinker();

    /**
     * @param library the module's shared library
     * @param arena   owns the loaded library; closing it unloads the library
     */
    Pkcs11(Path library, Arena arena) {
        this.arena = arena;
        SymbolLookup lookup = SymbolLookup.libraryLookup(library, arena);
        MemorySegment getFunctionList = lookup.find("C_GetFunctionList")
                .orElseThrow(() -> new Pkcs11Exception(library + " is not a PKCS #11 module (no C_GetFunctionList)", -1));
        MethodHandle h = linker.downcallHandle(getFunctionList, FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        MemorySegment holder = arena.allocate(ADDRESS);
        check("C_GetFunctionList", invoke(h, holder));
        functions = holder.get(ADDRESS, 0).reinterpret(8L + 8L * FUNCTIONS);
    }

    private MethodHandle function(int index, FunctionDescriptor descriptor) {
        return linker.downcallHandle(functions.get(ADDRESS, 8L + 8L * index), descriptor);
    }

    private static long invoke(MethodHandle h, Object... args) {
        try {
            return (long) h.invokeWithArguments(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    static void check(String function, long rv) {
        if (rv != CKR_OK) {
            throw new Pkcs11Exception(function + " failed: " + Pkcs11Exception.name(rv), rv);
        }
    }

    /** C_Initialize with OS locking and NSS's library parameters (softokn reads them from the pReserved slot). */
    long initialize(String parameters) {
        try (Arena call = Arena.ofConfined()) {
            // CK_C_INITIALIZE_ARGS: 4 mutex function pointers, CK_FLAGS flags, LibraryParameters (NSS), pReserved
            MemorySegment args = call.allocate(56, 8);
            args.set(JAVA_LONG, 32, 2); // CKF_OS_LOCKING_OK
            args.set(ADDRESS, 40, call.allocateFrom(parameters, StandardCharsets.UTF_8));
            return invoke(function(C_INITIALIZE, FunctionDescriptor.of(JAVA_LONG, ADDRESS)), args);
        }
    }

    /** C_Initialize as a module other than NSS's expects it: OS locking, no parameters. */
    long initialize() {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment args = call.allocate(48, 8);
            args.set(JAVA_LONG, 32, 2); // CKF_OS_LOCKING_OK
            return invoke(function(C_INITIALIZE, FunctionDescriptor.of(JAVA_LONG, ADDRESS)), args);
        }
    }

    long finalizeModule() {
        return invoke(function(C_FINALIZE, FunctionDescriptor.of(JAVA_LONG, ADDRESS)), MemorySegment.NULL);
    }

    List<Long> slots() {
        MethodHandle h = function(C_GET_SLOT_LIST, FunctionDescriptor.of(JAVA_LONG, JAVA_BYTE, ADDRESS, ADDRESS));
        try (Arena call = Arena.ofConfined()) {
            MemorySegment count = call.allocate(JAVA_LONG);
            check("C_GetSlotList", invoke(h, (byte) 1, MemorySegment.NULL, count));
            long n = Math.min(count.get(JAVA_LONG, 0), 1024);
            MemorySegment ids = call.allocate(JAVA_LONG, Math.max(n, 1));
            count.set(JAVA_LONG, 0, n);
            check("C_GetSlotList", invoke(h, (byte) 1, ids, count));
            List<Long> slots = new ArrayList<>();
            for (int i = 0; i < Math.min(count.get(JAVA_LONG, 0), n); i++) {
                slots.add(ids.getAtIndex(JAVA_LONG, i));
            }
            return slots;
        }
    }

    /** @return the token's label (blank-padded, trimmed) and flags */
    TokenInfo tokenInfo(long slot) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment info = call.allocate(512, 8);
            check("C_GetTokenInfo", invoke(function(C_GET_TOKEN_INFO, FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, ADDRESS)),
                    slot, info));
            String label = new String(info.asSlice(0, 32).toArray(JAVA_BYTE), StandardCharsets.UTF_8).strip();
            String serial = new String(info.asSlice(80, 16).toArray(JAVA_BYTE), StandardCharsets.UTF_8).strip();
            return new TokenInfo(label, serial, info.get(JAVA_LONG, 96));
        }
    }

    /**
     * @param label  the token label
     * @param serial its serial number (blank-padded, trimmed)
     * @param flags  CK_TOKEN_INFO.flags
     */
    record TokenInfo(String label, String serial, long flags) {
        boolean needsLogin() {
            return (flags & CKF_LOGIN_REQUIRED) != 0 && (flags & CKF_USER_PIN_INITIALIZED) != 0;
        }
    }

    long openSession(long slot, boolean readWrite) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment session = call.allocate(JAVA_LONG);
            long flags = CKF_SERIAL_SESSION | (readWrite ? CKF_RW_SESSION : 0);
            check("C_OpenSession", invoke(function(C_OPEN_SESSION,
                    FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS)),
                    slot, flags, MemorySegment.NULL, MemorySegment.NULL, session));
            return session.get(JAVA_LONG, 0);
        }
    }

    /** @return the return value of C_OpenSession and, when it is CKR_OK, the session (a failed open is no error) */
    long[] tryOpenSession(long slot, boolean readWrite) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment session = call.allocate(JAVA_LONG);
            long flags = CKF_SERIAL_SESSION | (readWrite ? CKF_RW_SESSION : 0);
            long rv = invoke(function(C_OPEN_SESSION,
                    FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS)),
                    slot, flags, MemorySegment.NULL, MemorySegment.NULL, session);
            return new long[] {rv, session.get(JAVA_LONG, 0)};
        }
    }

    void closeSession(long session) {
        invoke(function(C_CLOSE_SESSION, FunctionDescriptor.of(JAVA_LONG, JAVA_LONG)), session);
    }

    /** @return the session's state (CKS_...), or empty when the session is gone (token removed, module restarted) */
    Optional<Long> sessionState(long session) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment info = call.allocate(32, 8); // slotID, state, flags, ulDeviceError
            long rv = invoke(function(C_GET_SESSION_INFO, FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, ADDRESS)), session, info);
            return rv == CKR_OK ? Optional.of(info.get(JAVA_LONG, 8)) : Optional.empty();
        }
    }

    long logout(long session) {
        return invoke(function(C_LOGOUT, FunctionDescriptor.of(JAVA_LONG, JAVA_LONG)), session);
    }

    /**
     * @param pin the password as UTF-8 bytes; the native copy is zeroed before this returns
     * @return the PKCS #11 return value ({@link #CKR_OK}, {@link #CKR_PIN_INCORRECT}, ...)
     */
    long login(long session, byte[] pin) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment native_ = call.allocate(Math.max(pin.length, 1));
            MemorySegment.copy(pin, 0, native_, JAVA_BYTE, 0, pin.length);
            try {
                return invoke(function(C_LOGIN, FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_LONG)),
                        session, CKU_USER, native_, (long) pin.length);
            } finally {
                native_.fill((byte) 0);
            }
        }
    }

    /** @return the handles of the objects matching the (class-only or longer) template of CK_ULONG attributes */
    List<Long> find(long session, long[] types, long[] values) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment template = ulongTemplate(call, types, values);
            check("C_FindObjectsInit", invoke(function(C_FIND_OBJECTS_INIT,
                    FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_LONG)), session, template, (long) types.length));
            List<Long> found = new ArrayList<>();
            try {
                MethodHandle next = function(C_FIND_OBJECTS, FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_LONG, ADDRESS));
                MemorySegment handles = call.allocate(JAVA_LONG, 64);
                MemorySegment count = call.allocate(JAVA_LONG);
                // a database holds at most a few thousand objects; the bound keeps a broken module from looping
                while (found.size() < 100_000) {
                    check("C_FindObjects", invoke(next, session, handles, 64L, count));
                    long n = Math.min(count.get(JAVA_LONG, 0), 64);
                    if (n <= 0) {
                        break;
                    }
                    for (int i = 0; i < n; i++) {
                        found.add(handles.getAtIndex(JAVA_LONG, i));
                    }
                }
            } finally {
                invoke(function(C_FIND_OBJECTS_FINAL, FunctionDescriptor.of(JAVA_LONG, JAVA_LONG)), session);
            }
            return found;
        }
    }

    private static MemorySegment ulongTemplate(Arena call, long[] types, long[] values) {
        MemorySegment template = call.allocate(24L * types.length, 8);
        for (int i = 0; i < types.length; i++) {
            MemorySegment value = call.allocate(JAVA_LONG);
            value.set(JAVA_LONG, 0, values[i]);
            template.set(JAVA_LONG, 24L * i, types[i]);
            template.set(ADDRESS, 24L * i + 8, value);
            template.set(JAVA_LONG, 24L * i + 16, 8);
        }
        return template;
    }

    /** @return the attribute's value, or empty when the object has no such attribute or it is sensitive */
    Optional<byte[]> attribute(long session, long object, long type) {
        MethodHandle h = function(C_GET_ATTRIBUTE_VALUE, FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_LONG));
        try (Arena call = Arena.ofConfined()) {
            MemorySegment template = call.allocate(24, 8);
            template.set(JAVA_LONG, 0, type);
            template.set(ADDRESS, 8, MemorySegment.NULL);
            long rv = invoke(h, session, object, template, 1L);
            long length = template.get(JAVA_LONG, 16);
            if (rv == CKR_ATTRIBUTE_TYPE_INVALID || rv == CKR_ATTRIBUTE_SENSITIVE || length == CK_UNAVAILABLE_INFORMATION) {
                return Optional.empty();
            }
            check("C_GetAttributeValue", rv);
            if (length < 0 || length > MAX_ATTRIBUTE) {
                throw new Pkcs11Exception("C_GetAttributeValue: attribute 0x" + Long.toHexString(type) + " claims "
                        + length + " bytes", -1);
            }
            MemorySegment value = call.allocate(Math.max(length, 1));
            template.set(ADDRESS, 8, value);
            check("C_GetAttributeValue", invoke(h, session, object, template, 1L));
            long got = Math.min(template.get(JAVA_LONG, 16), length);
            return Optional.of(value.asSlice(0, got).toArray(JAVA_BYTE));
        }
    }

    /** @return a CK_ULONG attribute, or empty */
    Optional<Long> ulongAttribute(long session, long object, long type) {
        return attribute(session, object, type).filter(b -> b.length == 8)
                .map(b -> MemorySegment.ofArray(b).get(JAVA_LONG.withByteAlignment(1), 0));
    }

    /** @return a CK_BBOOL attribute, or empty */
    Optional<Boolean> booleanAttribute(long session, long object, long type) {
        return attribute(session, object, type).filter(b -> b.length == 1).map(b -> b[0] != 0);
    }

    /**
     * Creates a session AES key from the given bytes, able only to wrap.
     *
     * @return its handle; destroy it after use
     */
    long createWrappingKey(long session, byte[] aesKey) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment template = call.allocate(24L * 5, 8);
            put(call, template, 0, CKA_CLASS, ulong(call, CKO_SECRET_KEY), 8);
            put(call, template, 1, CKA_KEY_TYPE, ulong(call, CKK_AES), 8);
            put(call, template, 2, CKA_TOKEN, bool(call, false), 1);
            put(call, template, 3, CKA_WRAP, bool(call, true), 1);
            MemorySegment value = call.allocate(aesKey.length);
            MemorySegment.copy(aesKey, 0, value, JAVA_BYTE, 0, aesKey.length);
            put(call, template, 4, CKA_VALUE, value, aesKey.length);
            MemorySegment handle = call.allocate(JAVA_LONG);
            try {
                check("C_CreateObject", invoke(function(C_CREATE_OBJECT,
                        FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_LONG, ADDRESS)), session, template, 5L, handle));
            } finally {
                value.fill((byte) 0);
            }
            return handle.get(JAVA_LONG, 0);
        }
    }

    private static MemorySegment ulong(Arena call, long v) {
        MemorySegment s = call.allocate(JAVA_LONG);
        s.set(JAVA_LONG, 0, v);
        return s;
    }

    private static MemorySegment bool(Arena call, boolean v) {
        MemorySegment s = call.allocate(1);
        s.set(JAVA_BYTE, 0, v ? (byte) 1 : 0);
        return s;
    }

    private static void put(Arena call, MemorySegment template, int index, long type, MemorySegment value, long length) {
        template.set(JAVA_LONG, 24L * index, type);
        template.set(ADDRESS, 24L * index + 8, value);
        template.set(JAVA_LONG, 24L * index + 16, length);
    }

    /** @return the key wrapped with AES key wrap with padding (RFC 5649) under the wrapping key */
    byte[] wrapKey(long session, long wrappingKey, long key) {
        MethodHandle h = function(C_WRAP_KEY, FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_LONG, JAVA_LONG, ADDRESS, ADDRESS));
        try (Arena call = Arena.ofConfined()) {
            MemorySegment mechanism = call.allocate(24, 8);
            mechanism.set(JAVA_LONG, 0, CKM_AES_KEY_WRAP_KWP);
            mechanism.set(ADDRESS, 8, MemorySegment.NULL);
            mechanism.set(JAVA_LONG, 16, 0);
            MemorySegment length = call.allocate(JAVA_LONG);
            check("C_WrapKey", invoke(h, session, mechanism, wrappingKey, key, MemorySegment.NULL, length));
            // softokn's size answer for a padded wrap can be short of what the wrap then needs: ask again with room
            long n = length.get(JAVA_LONG, 0) + 64;
            for (int attempt = 0; attempt < 3; attempt++) {
                if (n <= 0 || n > MAX_ATTRIBUTE) {
                    throw new Pkcs11Exception("C_WrapKey: claims " + n + " bytes", -1);
                }
                MemorySegment out = call.allocate(n);
                length.set(JAVA_LONG, 0, n);
                long rv = invoke(h, session, mechanism, wrappingKey, key, out, length);
                if (rv == CKR_BUFFER_TOO_SMALL) {
                    n = Math.max(length.get(JAVA_LONG, 0), 2 * n);
                    continue;
                }
                check("C_WrapKey", rv);
                return Arrays.copyOf(out.toArray(JAVA_BYTE), (int) Math.min(length.get(JAVA_LONG, 0), n));
            }
            throw new Pkcs11Exception("C_WrapKey: the wrapped key does not fit in " + n + " bytes", CKR_BUFFER_TOO_SMALL);
        }
    }

    void destroy(long session, long object) {
        invoke(function(C_DESTROY_OBJECT, FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG)), session, object);
    }

    /** @return the PKCS #11 return value of C_DestroyObject */
    long destroyObject(long session, long object) {
        return invoke(function(C_DESTROY_OBJECT, FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG)), session, object);
    }

    /** @return the PKCS #11 return value of C_SetAttributeValue with one attribute */
    long setAttribute(long session, long object, Attribute attribute) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment template = call.allocate(24, 8);
            MemorySegment value = call.allocate(Math.max(attribute.value().length, 1));
            MemorySegment.copy(attribute.value(), 0, value, JAVA_BYTE, 0, attribute.value().length);
            put(call, template, 0, attribute.type(), value, attribute.value().length);
            return invoke(function(C_SET_ATTRIBUTE_VALUE, FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS,
                    JAVA_LONG)), session, object, template, 1L);
        }
    }

    /** One attribute of an object to create: its type and its value as the module reads it. */
    record Attribute(long type, byte[] value) {
        static Attribute of(long type, long value) {
            byte[] b = new byte[8];
            MemorySegment.ofArray(b).set(JAVA_LONG.withByteAlignment(1), 0, value);
            return new Attribute(type, b);
        }

        static Attribute of(long type, boolean value) {
            return new Attribute(type, new byte[] {(byte) (value ? 1 : 0)});
        }
    }

    /**
     * C_CreateObject. The native copies of the values are zeroed before this returns (a private key's components
     * pass through them); the caller clears its arrays.
     *
     * @return the PKCS #11 return value and, when it is CKR_OK, the new object's handle
     */
    long[] createObject(long session, List<Attribute> attributes) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment template = call.allocate(24L * attributes.size(), 8);
            List<MemorySegment> values = new ArrayList<>();
            for (int i = 0; i < attributes.size(); i++) {
                byte[] v = attributes.get(i).value();
                MemorySegment value = call.allocate(Math.max(v.length, 1));
                MemorySegment.copy(v, 0, value, JAVA_BYTE, 0, v.length);
                values.add(value);
                put(call, template, i, attributes.get(i).type(), value, v.length);
            }
            MemorySegment handle = call.allocate(JAVA_LONG);
            try {
                long rv = invoke(function(C_CREATE_OBJECT, FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_LONG,
                        ADDRESS)), session, template, (long) attributes.size(), handle);
                return new long[] {rv, handle.get(JAVA_LONG, 0)};
            } finally {
                values.forEach(v -> v.fill((byte) 0));
            }
        }
    }

    /** @return the arena that owns the library */
    Arena arena() {
        return arena;
    }
}
