package org.nnlab.grader.check;

import java.util.function.Function;
import org.nnlab.grader.lab.Fields;

/**
 * A check type made of its name, its description and the function that reads its parameters.
 *
 * @param name        the name lab files use
 * @param description one line for the catalogue
 * @param factory     reads the parameters and creates the check
 */
public record SimpleCheckType(String name, String description, Function<Fields, Check> factory) implements CheckType {

    @Override
    public Check create(Fields params) {
        return factory.apply(params);
    }
}
