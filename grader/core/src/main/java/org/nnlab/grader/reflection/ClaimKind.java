package org.nnlab.grader.reflection;

import java.util.List;

/**
 * One kind of statement a reflection makes about the curves, e.g. "the validation loss is lowest at epoch 12". It
 * reads its phrasings from a clause and checks each against the curves.
 */
public interface ClaimKind {

    /** @return the kind's name, as feedback and the documentation list it */
    String name();

    /** @return one line on what it reads and how it checks it, for the documentation */
    String description();

    /** @return the claims of this kind the clause makes, each with its verdict; empty when it makes none */
    List<Claim> read(Clause clause, Curves curves);
}
