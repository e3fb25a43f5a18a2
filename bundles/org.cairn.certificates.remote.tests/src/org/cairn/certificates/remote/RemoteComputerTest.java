package org.cairn.certificates.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.cairn.certificates.remote.internal.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RemoteComputerTest {

    @Test
    void parsesUserHostAndPort() {
        assertEquals(new RemoteComputer(Optional.of("admin"), "web1.example.org", OptionalInt.of(2222)),
                RemoteComputer.parse("admin@web1.example.org:2222"));
        assertEquals(new RemoteComputer(Optional.empty(), "web1", OptionalInt.empty()), RemoteComputer.parse("web1"));
        assertEquals(new RemoteComputer(Optional.empty(), "::1", OptionalInt.of(22)), RemoteComputer.parse("[::1]:22"));
        assertEquals("root@[::1]:22", RemoteComputer.parse("root@[::1]:22").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "@host", "user@", "host:0", "host:70000", "-oProxyCommand=x", "-oProxy", "a b", "host;rm", "$(id)"})
    void refusesWhatIsNotAComputerName(String spec) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RemoteComputer.parse(spec));
        assertTrue(e.getMessage().contains("not a computer name") || e.getMessage().contains("port"), e.getMessage());
    }

    @Test
    void quotesEveryArgumentForTheRemoteShell() {
        assertEquals("cairn cert 'list' '--store' 'My'", Shell.command("cairn cert", List.of("list", "--store", "My")));
        assertEquals("'it'\\''s $(id) `x` \"y\"'", Shell.quote("it's $(id) `x` \"y\""));
        assertThrows(IllegalArgumentException.class, () -> Shell.quote("a\nb"));
    }

    @Test
    void acceptsOnlyPlainTemporaryFolderNames() {
        assertTrue(Shell.isSafePath("/tmp/cairn-remote.AbC123xyz_"));
        for (String bad : List.of("tmp/x", "/tmp/a b", "/tmp/$(id)", "/tmp/../etc", "/tmp/x\n", "/tmp/*")) {
            assertTrue(!Shell.isSafePath(bad), bad);
        }
    }
}
