import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;

/**
 * Forged: crafted network files for the evaluation sandbox, written over the harness's once it saved them. Run A's
 * zip keeps its network and gains entries whose names climb out of any folder it would be unpacked to; run B's
 * coefficients declare an array of 2^40 values.
 */
public class Solution extends Forgery {
    static final String ESCAPE = "nnlab-forged-escape";

    @Override
    protected void after() throws Exception {
        Path output = output();
        afterTheHarness(() -> {
            rewriteZip(output.resolve("network-A.zip"), Map.of("../../../../../../../../tmp/" + ESCAPE,
                    new byte[] {1}, "/tmp/" + ESCAPE, new byte[] {1}));
            Path b = output.resolve("network-B.zip");
            rewriteZip(b, Map.of("coefficients.bin", withHugeLength(zipEntry(b, "coefficients.bin"))));
        });
    }

    /** @return ND4J's serialized array with the length of its data buffer (the second header) set to 2^40 */
    private static byte[] withHugeLength(byte[] coefficients) throws Exception {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(coefficients));
        in.readUTF();
        long shapeLength = in.readLong();
        String shapeType = in.readUTF();
        in.skipNBytes(shapeLength * (shapeType.equals("INT") ? 4 : 8));
        in.readUTF();
        int lengthAt = coefficients.length - in.available();
        ByteBuffer.wrap(coefficients).putLong(lengthAt, 1L << 40);
        return coefficients;
    }
}
