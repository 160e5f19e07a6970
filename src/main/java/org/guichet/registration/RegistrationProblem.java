package org.guichet.registration;

import org.guichet.shared.Refusal;

/** A registration refused for a reason the participant can read. */
public class RegistrationProblem extends Refusal {

    public RegistrationProblem(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
