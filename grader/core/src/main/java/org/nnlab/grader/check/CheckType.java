package org.nnlab.grader.check;

import org.nnlab.grader.lab.Fields;

/**
 * A kind of check a lab file may use, by name. Creating a check validates its parameters: a lab whose check
 * parameters are wrong fails to load with the file and field named. This is the extension point for checks no
 * type covers: implement it and register it in a {@link CheckCatalog}; it runs on the trusted side only.
 */
public interface CheckType {

    /** @return the name lab files use in a check's {@code type} */
    String name();

    /** @return one line on what it checks and its parameters, for the catalogue's documentation */
    String description();

    /**
     * @param params the check's {@code params} from the lab file
     * @return the configured check
     * @throws org.nnlab.grader.lab.LabException when a parameter is missing or invalid
     */
    Check create(Fields params);
}
