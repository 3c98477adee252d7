package org.nnlab.platform.account;

import java.util.Optional;

/** What came of a request to change a password: changed, or refused for one reason, which the user reads. */
public enum PasswordChange {
    /** The password was changed. */
    CHANGED(null),
    /** The current password given was wrong: a guess, as far as the {@link LoginThrottle} is concerned. */
    WRONG_CURRENT_PASSWORD("The current password is wrong."),
    /** The new password is too short or too long. */
    BAD_LENGTH("The new password must have " + Accounts.MIN_LENGTH + " to " + Accounts.MAX_LENGTH + " characters."),
    /** The new password and its repetition differ. */
    NOT_REPEATED("The new password and its repetition differ."),
    /** The new password is the current one. */
    UNCHANGED("The new password is the current one.");

    private final String refusal;

    PasswordChange(String refusal) {
        this.refusal = refusal;
    }

    /** @return why the change was refused, as the user reads it; empty when it was made */
    public Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }
}
