package org.nnlab.datasets.obtain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheDirectoryTest {

    @Test
    void theSystemPropertyComesFirst() {
        Path dir = CacheDirectory.resolve(Map.of("nnlab.cache", "/p", "user.home", "/home/u")::get,
                Map.of("NNLAB_CACHE", "/e", "XDG_CACHE_HOME", "/x")::get);

        assertEquals(Path.of("/p"), dir);
    }

    @Test
    void thenTheEnvironmentVariable() {
        Path dir = CacheDirectory.resolve(Map.of("user.home", "/home/u")::get,
                Map.of("NNLAB_CACHE", "/e", "XDG_CACHE_HOME", "/x")::get);

        assertEquals(Path.of("/e"), dir);
    }

    @Test
    void thenTheXdgCacheAndFinallyTheHomeCache() {
        assertEquals(Path.of("/x/nnlab"),
                CacheDirectory.resolve(Map.of("user.home", "/home/u")::get, Map.of("XDG_CACHE_HOME", "/x")::get));
        assertEquals(Path.of("/home/u/.cache/nnlab"),
                CacheDirectory.resolve(Map.of("user.home", "/home/u")::get, key -> null));
    }
}
