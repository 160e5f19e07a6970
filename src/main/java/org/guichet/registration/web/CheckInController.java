package org.guichet.registration.web;

import jakarta.servlet.http.HttpServletResponse;

import org.guichet.account.AccountPrincipal;
import org.guichet.event.EventService;
import org.guichet.shared.Refusal;
import org.guichet.shared.Refusals;
import org.guichet.registration.CheckInResult;
import org.guichet.registration.CheckIns;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * /dashboard/events/{id}/checkin: the door. Scans (camera) and typed codes post here; htmx swaps in the answer,
 * and a page without JavaScript gets the whole page back with it.
 */
@Controller
class CheckInController {

    private static final String VIEW = "registration/checkin";
    /** Tells the counter and the latest check-ins on the page to refresh. */
    private static final String CHANGED = "checkin-changed";
    private static final int LATEST = 8;

    private final CheckIns checkIns;
    private final EventService events;

    CheckInController(CheckIns checkIns, EventService events) {
        this.checkIns = checkIns;
        this.events = events;
    }

    @GetMapping("/dashboard/events/{id}/checkin")
    String page(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal organizer, Model model) {
        model.addAttribute("event", events.manageable(id, organizer));
        return reply(id, organizer, model, null);
    }

    @PostMapping("/dashboard/events/{id}/checkin")
    String scan(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal organizer,
            @RequestParam(defaultValue = "") String code, Model model,
            @RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletResponse response) {
        model.addAttribute("event", events.manageable(id, organizer));
        String typed = code.strip();
        if (typed.isEmpty()) {
            Refusals.show(model, new Refusal("checkin.error.empty"));
        } else if (typed.startsWith("G1.")) {
            answer(checkIns.scan(id, organizer, typed), model, response);
        } else {
            model.addAttribute("search", typed);
            model.addAttribute("matches", checkIns.find(id, organizer, typed));
        }
        return reply(id, organizer, model, htmx);
    }

    @PostMapping("/dashboard/events/{id}/checkin/{ticketId}")
    String chosen(@PathVariable long id, @PathVariable long ticketId,
            @AuthenticationPrincipal AccountPrincipal organizer, Model model,
            @RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletResponse response) {
        model.addAttribute("event", events.manageable(id, organizer));
        answer(checkIns.checkInChosen(id, organizer, ticketId), model, response);
        return reply(id, organizer, model, htmx);
    }

    @PostMapping("/dashboard/events/{id}/checkin/{ticketId}/undo")
    String undo(@PathVariable long id, @PathVariable long ticketId,
            @AuthenticationPrincipal AccountPrincipal organizer, Model model,
            @RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletResponse response) {
        model.addAttribute("event", events.manageable(id, organizer));
        answer(checkIns.undo(id, organizer, ticketId), model, response);
        return reply(id, organizer, model, htmx);
    }

    @GetMapping("/dashboard/events/{id}/checkin/progress")
    String progress(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal organizer, Model model) {
        model.addAttribute("event", events.manageable(id, organizer));
        addProgress(id, organizer, model);
        return VIEW + " :: progress";
    }

    private static void answer(CheckInResult result, Model model, HttpServletResponse response) {
        model.addAttribute("result", result);
        response.setHeader("HX-Trigger", CHANGED);
    }

    /** htmx swaps in the answer alone; a browser without JavaScript gets the whole page around it. */
    private String reply(long id, AccountPrincipal organizer, Model model, String htmx) {
        if (htmx != null) {
            return VIEW + " :: answer";
        }
        addProgress(id, organizer, model);
        return VIEW;
    }

    private void addProgress(long id, AccountPrincipal organizer, Model model) {
        model.addAttribute("counts", checkIns.counts(id, organizer));
        model.addAttribute("latest", checkIns.latest(id, organizer, LATEST));
    }
}
