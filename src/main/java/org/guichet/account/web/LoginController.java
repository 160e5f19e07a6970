package org.guichet.account.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles the POST to /login (fields {@code email} and {@code password}). */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "account/login";
    }
}
