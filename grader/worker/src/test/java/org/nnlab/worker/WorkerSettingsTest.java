package org.nnlab.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.nnlab.grader.run.Spares;

class WorkerSettingsTest {
    private static final Map<String, String> POSTGRES = Map.of("NNLAB_DB_URL", "jdbc:postgresql://db:5432/nnlab",
            "NNLAB_DB_USER", "nnlab", "NNLAB_DB_PASSWORD", "secret");

    @Test
    void theDatabaseComesFromThePlatformsEnvironmentVariablesAndSlotsDefaultToTheCores() {
        WorkerSettings settings = WorkerSettings.parse(new String[] {"--cores", "3", "--name", "gpu-box-1"}, POSTGRES,
                new Properties());

        assertEquals("jdbc:postgresql://db:5432/nnlab", settings.url());
        assertEquals("nnlab", settings.user());
        assertEquals("secret", settings.password());
        assertEquals(3, settings.cores());
        assertEquals(3, settings.slots());
        assertEquals(Duration.ofSeconds(60), settings.lease());
        assertEquals("gpu-box-1", settings.name());
    }

    @Test
    void systemPropertiesWinOverTheEnvironmentAndSlotsMayBeFewerThanCores() {
        Properties properties = new Properties();
        properties.setProperty("nnlab.db.url", "jdbc:postgresql://other:5432/nnlab");

        WorkerSettings settings = WorkerSettings.parse(new String[] {"--cores", "8", "--slots", "2",
            "--lease-seconds", "15"}, POSTGRES, properties);

        assertEquals("jdbc:postgresql://other:5432/nnlab", settings.url());
        assertEquals(2, settings.slots());
        assertEquals(Duration.ofSeconds(15), settings.lease());
    }

    @Test
    void sparesDefaultToAutoForTheSlotsAndANumberIsKeptBurstOrNot() {
        assertEquals(Spares.auto(2), WorkerSettings.parse(new String[] {"--slots", "2"}, POSTGRES,
                new Properties()).spares());
        assertEquals(Spares.auto(3), WorkerSettings.parse(new String[] {"--slots", "3", "--spares", "auto"},
                POSTGRES, new Properties()).spares());
        assertEquals(Spares.fixed(4), WorkerSettings.parse(new String[] {"--slots", "2", "--spares", "4"}, POSTGRES,
                new Properties()).spares());
        assertEquals(Spares.NONE, WorkerSettings.parse(new String[] {"--slots", "2", "--spares", "0"}, POSTGRES,
                new Properties()).spares());
        assertEquals("--spares needs a whole number from 0 to 1024, not -1", assertThrows(
                IllegalArgumentException.class, () -> WorkerSettings.parse(new String[] {"--spares", "-1"}, POSTGRES,
                        new Properties())).getMessage());
    }

    @Test
    void aGpuWorkerDeclaresItsGpusTheJobsSharingEachAndTheirDeviceMemory() {
        WorkerSettings settings = WorkerSettings.parse(new String[] {"--gpus", "2", "--gpu-slots", "4",
            "--gpu-memory-mb", "8192", "--cuda-home", "/srv/nnlab/cuda-home"}, POSTGRES, new Properties());

        assertEquals(2, settings.gpus());
        assertEquals(4, settings.gpuSlots());
        assertEquals(8192, settings.gpuMemoryMb());
        assertEquals(java.nio.file.Path.of("/srv/nnlab/cuda-home"), settings.cudaHome());
        assertEquals(0, WorkerSettings.parse(new String[0], POSTGRES, new Properties()).gpus(), "CPU by default");
    }

    @Test
    void gpuOptionsWithoutGpusAreRefused() {
        assertEquals("--gpu-slots and --gpu-memory-mb need --gpus", assertThrows(IllegalArgumentException.class,
                () -> WorkerSettings.parse(new String[] {"--gpu-slots", "4"}, POSTGRES, new Properties()))
                .getMessage());
    }

    @Test
    void withoutADatabaseTheWorkerSaysWhichVariablesToSet() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> WorkerSettings.parse(new String[0], Map.of(), new Properties()));

        assertTrue(error.getMessage().contains("NNLAB_DB_URL"), error.getMessage());
    }

    @Test
    void anEmbeddedH2DatabaseIsRefusedBecauseOnlyThePlatformCanOpenIt() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> WorkerSettings.parse(
                new String[0], Map.of("NNLAB_DB_URL", "jdbc:h2:file:.data/nnlab"), new Properties()));

        assertTrue(error.getMessage().contains("PostgreSQL"), error.getMessage());
    }

    @Test
    void badOptionsAreRefusedNamingTheOptionAndTheRange() {
        assertEquals("--slots needs a whole number from 1 to 1024, not 0", assertThrows(
                IllegalArgumentException.class, () -> WorkerSettings.parse(new String[] {"--slots", "0"}, POSTGRES,
                        new Properties())).getMessage());
        assertEquals("unknown option --gpu", assertThrows(IllegalArgumentException.class,
                () -> WorkerSettings.parse(new String[] {"--gpu", "1"}, POSTGRES, new Properties())).getMessage());
        assertEquals("--cores needs a value", assertThrows(IllegalArgumentException.class,
                () -> WorkerSettings.parse(new String[] {"--cores"}, POSTGRES, new Properties())).getMessage());
    }
}
