package org.nnlab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deployment guide's Kubernetes manifests ({@code platform/deploy/kubernetes/}), checked without a cluster:
 * each document is read into the Kubernetes API's own types (fabric8's model), which refuses wrong types, and must
 * have no field the API does not know (a misspelt field would otherwise be dropped without a word); then what the
 * documents say of each other must hold: selectors, secrets, the database's address, the platform's settings.
 */
class DeploymentManifestsTest {
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of("Namespace", Namespace.class,
            "Secret", Secret.class, "Service", Service.class, "Deployment", Deployment.class, "StatefulSet",
            StatefulSet.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final List<HasMetadata> RESOURCES = new ArrayList<>();

    @BeforeAll
    static void readTheManifests() throws IOException {
        Path folder = Path.of(System.getProperty("user.dir"), "deploy", "kubernetes");
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (JsonNode document : YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())
                        .readAll()) {
                    Class<? extends HasMetadata> type = KINDS.get(document.path("kind").asText());
                    assertNotNull(type, file.getFileName() + ": a kind this test knows, not " + document.path("kind"));
                    HasMetadata resource = YAML.treeToValue(document, type);
                    assertEquals(document.path("apiVersion").asText(), resource.getApiVersion(), file.toString());
                    List<String> unknown = new ArrayList<>();
                    unknownFields(resource, resource.getKind() + " " + resource.getMetadata().getName(), unknown,
                            new IdentityHashMap<>());
                    assertEquals(List.of(), unknown, file.getFileName() + ": fields the Kubernetes API does not know");
                    RESOURCES.add(resource);
                }
            }
        }
        assertFalse(RESOURCES.isEmpty(), "no manifest in " + folder);
    }

    @Test
    void everythingLivesInTheNamespaceTheManifestsCreate() {
        String namespace = only(Namespace.class).get(0).getMetadata().getName();
        for (HasMetadata resource : RESOURCES) {
            if (!(resource instanceof Namespace)) {
                assertEquals(namespace, resource.getMetadata().getNamespace(), resource.getMetadata().getName());
            }
        }
    }

    @Test
    void eachWorkloadSelectsItsOwnPodsAndEachServiceSelectsAWorkloadsPods() {
        List<Map<String, String>> podLabels = new ArrayList<>();
        for (Deployment deployment : only(Deployment.class)) {
            assertSelects(deployment.getSpec().getSelector().getMatchLabels(), deployment.getSpec().getTemplate());
            podLabels.add(deployment.getSpec().getTemplate().getMetadata().getLabels());
        }
        for (StatefulSet set : only(StatefulSet.class)) {
            assertSelects(set.getSpec().getSelector().getMatchLabels(), set.getSpec().getTemplate());
            podLabels.add(set.getSpec().getTemplate().getMetadata().getLabels());
        }
        for (Service service : only(Service.class)) {
            Map<String, String> selector = service.getSpec().getSelector();
            assertTrue(podLabels.stream().anyMatch(labels -> labels.entrySet().containsAll(selector.entrySet())),
                    "service " + service.getMetadata().getName() + " selects no pods: " + selector);
        }
    }

    @Test
    void everySecretAContainerReadsIsDefinedWithThatKey() {
        for (Container container : containers()) {
            for (EnvVar variable : container.getEnv()) {
                if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                    String name = variable.getValueFrom().getSecretKeyRef().getName();
                    String key = variable.getValueFrom().getSecretKeyRef().getKey();
                    assertTrue(only(Secret.class).stream().anyMatch(secret -> secret.getMetadata().getName()
                            .equals(name) && secret.getStringData().containsKey(key)),
                            container.getName() + " reads secret " + name + "/" + key + ", which is not defined");
                }
            }
        }
    }

    @Test
    void thePlatformAndTheWorkersPointAtTheDatabaseServiceAndTheWorkersRunOnTheirOwn() {
        String url = url();
        Container platform = container("nnlab-platform");
        Container worker = container("nnlab-worker");

        assertEquals(url, env(platform, "NNLAB_DB_URL"));
        assertEquals(url, env(worker, "NNLAB_DB_URL"));
        assertEquals("org.postgresql.ds.PGSimpleDataSource", env(platform, "NNLAB_DB_DRIVER"));
        assertTrue(platform.getCommand().contains("-Dnnlab.grading.workers=0"), "the workers grade, not the web tier");
        assertEquals(List.of("./nnlab", "worker"), worker.getCommand().subList(0, 2));
        assertTrue(worker.getSecurityContext().getPrivileged(), "the sandbox needs namespaces, cgroups and uids");
    }

    @Test
    void thePlatformInstancesFindEachOtherThroughTheHeadlessServiceOnTheirGridPort() {
        Service grid = only(Service.class).stream().filter(s -> "None".equals(s.getSpec().getClusterIP()))
                .findFirst().orElseThrow(() -> new AssertionError("no headless service for the data grid"));
        List<String> command = container("nnlab-platform").getCommand();
        String mode = command.get(command.indexOf("--clustermode") + 1);
        int port = grid.getSpec().getPorts().get(0).getPort();

        assertEquals("dns:" + grid.getMetadata().getName() + "." + grid.getMetadata().getNamespace()
                + ".svc.cluster.local:" + port, mode);
        assertEquals(String.valueOf(port), command.get(command.indexOf("--startport") + 1));
    }

    @Test
    void theGpuWorkerRunsOnGpuNodesAndDeclaresAsManyGpusAsItAsksTheDevicePluginFor() {
        Deployment deployment = only(Deployment.class).stream().filter(d -> d.getMetadata().getName().equals(
                "nnlab-gpu-worker")).findFirst().orElseThrow();
        Container worker = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        List<String> command = worker.getCommand();

        assertEquals("true", deployment.getSpec().getTemplate().getSpec().getNodeSelector().get(
                "nvidia.com/gpu.present"));
        assertEquals(worker.getResources().getLimits().get("nvidia.com/gpu").getAmount(),
                command.get(command.indexOf("--gpus") + 1));
        assertTrue(command.contains("--cuda-home"), command.toString());
        assertEquals(url(), env(worker, "NNLAB_DB_URL"));
        int jobs = Integer.parseInt(command.get(command.indexOf("--slots") + 1)) + Integer.parseInt(command.get(
                command.indexOf("--gpu-slots") + 1));
        assertEquals(String.valueOf(jobs), worker.getResources().getLimits().get("cpu").getAmount(),
                "a core for each job, CPU or GPU");
    }

    @Test
    void everyContainerNamesItsImageAndAsksForCpuAndMemory() {
        for (Container container : containers()) {
            assertNotNull(container.getImage(), container.getName());
            assertTrue(container.getResources().getRequests().keySet().containsAll(Set.of("cpu", "memory")),
                    container.getName() + " asks for " + container.getResources().getRequests());
            assertTrue(container.getResources().getLimits().containsKey("memory"), container.getName());
        }
    }

    /** @return the JDBC URL of the database's Service */
    private static String url() {
        Service database = only(Service.class).stream().filter(s -> s.getMetadata().getName().equals(
                "nnlab-database")).findFirst().orElseThrow();
        return "jdbc:postgresql://" + database.getMetadata().getName() + ":"
                + database.getSpec().getPorts().get(0).getPort() + "/nnlab";
    }

    private static void assertSelects(Map<String, String> selector, PodTemplateSpec template) {
        assertTrue(template.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()),
                "the selector " + selector + " does not match the pods' labels " + template.getMetadata().getLabels());
    }

    private static Container container(String workload) {
        return only(Deployment.class).stream().filter(d -> d.getMetadata().getName().equals(workload)).findFirst()
                .orElseThrow(() -> new AssertionError("no deployment " + workload)).getSpec().getTemplate().getSpec()
                .getContainers().get(0);
    }

    private static String env(Container container, String name) {
        return container.getEnv().stream().filter(v -> v.getName().equals(name)).map(EnvVar::getValue).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no " + name));
    }

    private static List<Container> containers() {
        List<Container> all = new ArrayList<>();
        only(Deployment.class).forEach(d -> all.addAll(d.getSpec().getTemplate().getSpec().getContainers()));
        only(StatefulSet.class).forEach(s -> all.addAll(s.getSpec().getTemplate().getSpec().getContainers()));
        return all;
    }

    private static <T> List<T> only(Class<T> type) {
        return RESOURCES.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Collects the fields fabric8 kept aside as unknown, anywhere in the object graph of a model object. */
    private static void unknownFields(Object value, String path, List<String> unknown, Map<Object, Object> seen) {
        if (value == null || seen.put(value, value) != null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> entries) {
            entries.forEach((key, item) -> unknownFields(item, path + "." + key, unknown, seen));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object field;
            try {
                field = getter.invoke(value);
            } catch (ReflectiveOperationException e) {
                fail(path + ": " + getter.getName() + " failed: " + e);
                return;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                ((Map<?, ?>) field).keySet().forEach(key -> unknown.add(path + "." + key));
            } else {
                unknownFields(field, path + "." + getter.getName().substring(3), unknown, seen);
            }
        }
    }
}
