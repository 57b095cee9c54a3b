package io.spacecomp.emulator.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The key as Docker Swarm hands it over: a file named in SPACECOMP_ISL_KEY_FILE. */
class IslKeyFileTest {

    @Test
    void readsTheKeyFromTheFileWhenTheVariableIsUnset(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("isl_key"), "abc123\n");
        assertEquals("abc123", IslKey.fromEnvironment(null, f.toString()).secret());
        assertEquals("direct", IslKey.fromEnvironment("direct", f.toString()).secret());
        assertTrue(IslKey.fromEnvironment(null, null).isOpen());
        assertTrue(IslKey.fromEnvironment(" ", "").isOpen());
    }

    @Test
    void aMissingOrEmptyFileIsAnError(@TempDir Path dir) throws Exception {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> IslKey.fromEnvironment(null, dir.resolve("nope").toString()));
        assertTrue(missing.getMessage().startsWith("SPACECOMP_ISL_KEY_FILE=" + dir.resolve("nope")), missing.getMessage());
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertEquals("SPACECOMP_ISL_KEY_FILE=" + empty + ": the file is empty",
                assertThrows(IllegalArgumentException.class, () -> IslKey.fromEnvironment(null, empty.toString())).getMessage());
    }
}
