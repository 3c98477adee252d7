import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * Forged: with reflection, replaces every epoch the harness recorded for run A by one with a validation accuracy
 * of 100 %, and reports that as A's best.
 */
public class Solution extends Forgery {
    @Override
    @SuppressWarnings("unchecked")
    protected void after() throws Exception {
        Object recorder = runs.get("A");
        Field field = recorder.getClass().getDeclaredField("epochs");
        field.setAccessible(true);
        List<Object> epochs = (List<Object>) field.get(recorder);
        for (int i = 0; i < epochs.size(); i++) {
            epochs.set(i, withPerfectAccuracy(epochs.get(i)));
        }
        report("A.bestValidationAccuracy", 1.0);
    }

    private static Object withPerfectAccuracy(Object epoch) throws Exception {
        RecordComponent[] components = epoch.getClass().getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = components[i].getName().equals("validationAccuracy") ? 1.0
                    : components[i].getAccessor().invoke(epoch);
        }
        Constructor<?> constructor = epoch.getClass().getDeclaredConstructor(types);
        constructor.setAccessible(true);
        return constructor.newInstance(values);
    }
}
