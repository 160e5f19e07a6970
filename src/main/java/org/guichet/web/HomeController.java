package org.guichet.web;

import org.guichet.event.EventService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private static final int SHOWN = 6;

    private final EventService events;

    HomeController(EventService events) {
        this.events = events;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("upcoming", events.upcoming(SHOWN));
        return "home/index";
    }
}
