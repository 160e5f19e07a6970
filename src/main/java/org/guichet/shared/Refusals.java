package org.guichet.shared;

import java.util.ArrayList;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one way a page shows a refusal: next to its field on a form shown again, or as a message after a redirect.
 * Both end in the {@code fragments/refusal} fragment, under the model name {@value #ATTRIBUTE}.
 */
public final class Refusals {

    public static final String ATTRIBUTE = "refusal";

    private Refusals() {
    }

    /** For the page a redirect leads to (the reasons are kept in the session until then). */
    public static void flash(RedirectAttributes redirect, Refusal refusal) {
        redirect.addFlashAttribute(ATTRIBUTE, new ArrayList<>(refusal.reasons()));
    }

    /** For the page rendered now. */
    public static void show(Model model, Refusal refusal) {
        model.addAttribute(ATTRIBUTE, new ArrayList<>(refusal.reasons()));
    }

    /** On a form shown again: each reason beside its field, those of no field above the form. */
    public static void bind(BindingResult result, Refusal refusal) {
        for (Refusal.Reason reason : refusal.reasons()) {
            if (reason.field() == null) {
                result.reject(reason.messageKey(), reason.arguments(), null);
            } else {
                result.rejectValue(reason.field(), reason.messageKey(), reason.arguments(), null);
            }
        }
    }
}
