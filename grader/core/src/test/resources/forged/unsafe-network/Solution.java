import java.lang.reflect.Field;
import sun.misc.Unsafe;

/**
 * Forged: with sun.misc.Unsafe, overwrites the final field in which the harness keeps run A's network, so that the
 * harness saves run B's network as A's.
 */
public class Solution extends Forgery {
    @Override
    protected void after() throws Exception {
        Field theUnsafe = Unsafe.class.getDeclaredField("theUnsafe");
        theUnsafe.setAccessible(true);
        Unsafe unsafe = (Unsafe) theUnsafe.get(null);
        Object recorder = runs.get("A");
        long offset = unsafe.objectFieldOffset(recorder.getClass().getDeclaredField("network"));
        unsafe.putObject(recorder, offset, networks.get("B"));
    }
}
