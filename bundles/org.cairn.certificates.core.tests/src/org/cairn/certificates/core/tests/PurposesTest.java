package org.cairn.certificates.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateRequest;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Purpose;
import org.cairn.certificates.core.PurposeGroup;
import org.cairn.certificates.core.Scope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PurposesTest {

    @ParameterizedTest
    @CsvSource({
            "1.3.6.1.5.5.7.3.1, Server Authentication",
            "1.3.6.1.5.5.7.3.2, Client Authentication",
            "1.3.6.1.5.5.7.3.3, Code Signing",
            "1.3.6.1.5.5.7.3.4, Secure Email",
            "1.3.6.1.5.5.7.3.8, Time Stamping",
            "1.3.6.1.5.5.7.3.9, OCSP Signing",
            "1.3.6.1.5.5.7.3.5, IP security end system",
            "1.3.6.1.4.1.311.10.3.4, Encrypting File System",
            "1.2.3.4.5, 1.2.3.4.5" })
    void ekuOidsHaveTheirFamiliarNames(String oid, String name) {
        assertEquals(name, Purpose.ofOid(oid).displayName());
    }

    @Test
    void noEkuMeansAllPurposes() {
        assertEquals(List.of(Purpose.ALL), Purpose.of(null));
        assertEquals("<All>", Purpose.ALL.displayName());
        assertEquals(List.of(), Purpose.of(List.of()));
    }

    @Test
    void purposeViewGroupsEntriesByEachPurpose(@TempDir Path tmp) throws Exception {
        CertificateStore store = Fixtures.service(tmp, Fixtures.owner()).open(Scope.currentUser());
        CertificateEntry web = create(store, "web", List.of(Purpose.SERVER_AUTHENTICATION, Purpose.CLIENT_AUTHENTICATION));
        CertificateEntry mail = create(store, "mail", List.of(Purpose.SECURE_EMAIL));
        CertificateEntry signer = create(store, "signer", List.of(Purpose.CODE_SIGNING, Purpose.TIME_STAMPING));
        CertificateEntry any = create(store, "any", List.of());
        // the same certificate in a second logical store appears once per purpose
        store.add(LogicalStore.TRUSTED_PEOPLE, web.certificate(), Optional.empty(), web.attributes());

        List<PurposeGroup> groups = store.byPurpose();
        assertEquals(List.of("<All>", "Client Authentication", "Code Signing", "Secure Email", "Server Authentication",
                "Time Stamping"), groups.stream().map(g -> g.purpose().displayName()).toList());
        assertEquals(List.of(any), groups.get(0).entries());
        assertEquals(List.of(web), groups.get(1).entries());
        assertEquals(List.of(signer), groups.get(2).entries());
        assertEquals(List.of(mail), groups.get(3).entries());
        assertEquals(List.of(Purpose.SERVER_AUTHENTICATION, Purpose.CLIENT_AUTHENTICATION),
                store.list(LogicalStore.TRUSTED_PEOPLE).entries().get(0).purposes(), "purposes survive the index");
    }

    private static CertificateEntry create(CertificateStore store, String cn, List<Purpose> purposes) throws Exception {
        return Fixtures.factory().createSelfSignedIn(store, LogicalStore.PERSONAL,
                CertificateRequest.of("CN=" + cn).withPurposes(purposes));
    }
}
