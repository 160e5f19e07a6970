package org.guichet.account.web;

import org.guichet.account.AccountProblem;
import org.springframework.validation.BindingResult;

/** Shows a refused account change beside the field it concerns. */
final class FormErrors {

    private FormErrors() {
    }

    static void show(AccountProblem problem, BindingResult result) {
        for (String key : problem.messageKeys()) {
            if (problem.field() == null) {
                result.reject(key);
            } else {
                result.rejectValue(problem.field(), key);
            }
        }
    }
}
