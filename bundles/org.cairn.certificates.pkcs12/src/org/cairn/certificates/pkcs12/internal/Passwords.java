package org.cairn.certificates.pkcs12.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bouncycastle.crypto.PBEParametersGenerator;

/**
 * The byte forms of one password. PKCS #12's own key derivation takes the password as a BMPString with a
 * terminating NUL; PBKDF2 and scrypt (PBES2, PBMAC1) take its UTF-8 bytes. "No password" is ambiguous in RFC 7292
 * (two NUL bytes, or nothing at all), so for an empty password both forms are tried, as Windows does.
 */
public final class Passwords {

    /**
     * One way of turning the password into bytes.
     *
     * @param label  how the report names it
     * @param pkcs12 the bytes for the PKCS #12 key derivation
     * @param utf8   the bytes for PBKDF2 and scrypt
     */
    public record Form(String label, byte[] pkcs12, byte[] utf8) {
        public void clear() {
            Arrays.fill(pkcs12, (byte) 0);
            Arrays.fill(utf8, (byte) 0);
        }
    }

    private Passwords() {
    }

    /**
     * @param password the password, empty for none
     * @return the forms to try, most likely first; the caller clears them
     */
    public static List<Form> forms(char[] password) {
        List<Form> forms = new ArrayList<>();
        if (password.length > 0) {
            forms.add(new Form("given", PBEParametersGenerator.PKCS12PasswordToBytes(password),
                    PBEParametersGenerator.PKCS5PasswordToUTF8Bytes(password)));
        } else {
            forms.add(new Form("empty (BMPString 00 00)", new byte[2], new byte[0]));
            forms.add(new Form("absent (NULL)", new byte[0], new byte[0]));
        }
        return forms;
    }

    public static void clear(List<Form> forms) {
        forms.forEach(Form::clear);
    }
}
