import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.element.TypeElement;
import javax.tools.StandardLocation;

/** Hostile: an annotation processor; run by javac, it would write a marker into the class output and fail. */
@SupportedAnnotationTypes("*")
public class MarkerProcessor extends AbstractProcessor {
    @Override
    public synchronized void init(ProcessingEnvironment environment) {
        super.init(environment);
        try {
            environment.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", "nnlab-processor-ran").openWriter()
                    .close();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        return false;
    }
}
