package org.guichet.account.web;

import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.guichet.account.AccountPrincipal;
import org.guichet.shared.Refusal;
import org.guichet.shared.Refusals;
import org.guichet.account.AccountService;
import org.guichet.account.SignedInSession;
import org.guichet.account.Role;
import org.guichet.account.User;
import org.guichet.notification.MailKind;
import org.guichet.notification.MailPreferences;
import org.guichet.limits.RateLimit;
import org.guichet.limits.RateLimited;
import org.guichet.media.ImageProcessor;
import org.guichet.media.ImageRejected;
import org.guichet.media.StoredImages;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** /account: names, language, photo, password and email, each form posting on its own. */
@Controller
class AccountController {

    static final String VIEW = "account/settings";
    private static final String SAVED = "saved";

    private final AccountService accounts;
    private final SignedInSession session;
    private final ImageProcessor images;
    private final StoredImages stored;
    private final MailPreferences mailPreferences;

    AccountController(AccountService accounts, SignedInSession session, ImageProcessor images,
            StoredImages stored, MailPreferences mailPreferences) {
        this.accounts = accounts;
        this.mailPreferences = mailPreferences;
        this.session = session;
        this.images = images;
        this.stored = stored;
    }

    @GetMapping("/account")
    String settings(@AuthenticationPrincipal AccountPrincipal principal, Model model) {
        User user = accounts.find(principal.id());
        fill(model, user);
        return VIEW;
    }

    /** The kinds of mail this person can switch off: the ticked ones are kept, the others switched off. */
    @PostMapping("/account/mail-choices")
    String chooseMails(@AuthenticationPrincipal AccountPrincipal principal,
            @RequestParam(name = "wanted", required = false) List<String> wanted, RedirectAttributes redirect) {
        User user = accounts.find(principal.id());
        Set<String> ticked = wanted == null ? Set.of() : Set.copyOf(wanted);
        mailChoices(user).keySet().forEach(kind ->
                mailPreferences.choose(user.getEmail(), kind, ticked.contains(kind.name())));
        redirect.addFlashAttribute(SAVED, "account.mailChoices.saved");
        return "redirect:/account";
    }

    @PostMapping("/account/profile")
    String updateProfile(@AuthenticationPrincipal AccountPrincipal principal,
            @Valid @ModelAttribute("profileForm") ProfileForm form, BindingResult result, Model model,
            RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
        if (result.hasErrors()) {
            fill(model, accounts.find(principal.id()));
            return VIEW;
        }
        User user = accounts.updateProfile(principal.id(), form.getFirstName(), form.getLastName(),
                Locale.forLanguageTag(form.getPreferredLanguage()));
        session.refresh(user, request, response);
        redirect.addFlashAttribute(SAVED, "account.profile.saved");
        return "redirect:/account";
    }

    /**
     * The signed-in person's own photo, the only one any page shows (in the header and here): nobody else's is
     * served, and it is cached by this browser only. {@code v} only changes the address with the photo.
     */
    @GetMapping("/account/photo")
    ResponseEntity<Resource> photo(@AuthenticationPrincipal AccountPrincipal principal) {
        return stored.forThisViewer(accounts.find(principal.id()).getPhotoKey());
    }

    @PostMapping("/account/photo")
    String changePhoto(@AuthenticationPrincipal AccountPrincipal principal,
            @RequestParam(name = "photo", required = false) MultipartFile photo, Model model,
            RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        User user;
        try {
            if (photo == null || photo.isEmpty()) {
                throw new ImageRejected("media.image.empty");
            }
            byte[] upload = images.readLimited(photo.getInputStream());
            user = accounts.changePhoto(principal.id(), upload);
        } catch (ImageRejected rejected) {
            fill(model, accounts.find(principal.id()));
            model.addAttribute("photoError", rejected.messageKey());
            model.addAttribute("photoErrorArguments", rejected.arguments());
            return VIEW;
        }
        session.refresh(user, request, response);
        redirect.addFlashAttribute(SAVED, "account.photo.saved");
        return "redirect:/account";
    }

    @PostMapping("/account/photo/delete")
    String removePhoto(@AuthenticationPrincipal AccountPrincipal principal, RedirectAttributes redirect,
            HttpServletRequest request, HttpServletResponse response) {
        session.refresh(accounts.removePhoto(principal.id()), request, response);
        redirect.addFlashAttribute(SAVED, "account.photo.removed");
        return "redirect:/account";
    }

    @PostMapping("/account/password")
    String changePassword(@AuthenticationPrincipal AccountPrincipal principal,
            @Valid @ModelAttribute("passwordForm") PasswordForm form, BindingResult result, Model model,
            RedirectAttributes redirect, HttpSession httpSession) {
        if (!result.hasErrors()) {
            try {
                accounts.changePassword(principal.id(), form.getCurrentPassword(), form.getNewPassword(),
                        httpSession.getId());
                redirect.addFlashAttribute(SAVED, "account.password.saved");
                return "redirect:/account";
            } catch (Refusal problem) {
                Refusals.bind(result, problem);
            }
        }
        fill(model, accounts.find(principal.id()));
        return VIEW;
    }

    @PostMapping("/account/email")
    @RateLimited(RateLimit.EMAIL_CHANGE)
    String requestEmailChange(@AuthenticationPrincipal AccountPrincipal principal,
            @Valid @ModelAttribute("emailForm") EmailForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                accounts.requestEmailChange(principal.id(), form.getNewEmail(), form.getCurrentPassword());
                redirect.addFlashAttribute(SAVED, "account.email.linkSent");
                redirect.addFlashAttribute("pendingEmail", form.getNewEmail().strip());
                return "redirect:/account";
            } catch (Refusal problem) {
                Refusals.bind(result, problem);
            }
        }
        fill(model, accounts.find(principal.id()));
        return VIEW;
    }

    @GetMapping("/account/email/confirm")
    String confirmEmailChange(@RequestParam(required = false) String token,
            @AuthenticationPrincipal AccountPrincipal principal, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        try {
            User user = accounts.confirmEmailChange(token, request.getRequestedSessionId());
            if (principal != null && principal.id() == user.getId()) {
                session.refresh(user, request, response);
            }
            model.addAttribute("newEmail", user.getEmail());
            return "account/email-confirmed";
        } catch (Refusal problem) {
            Refusals.show(model, problem);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "account/email-confirmed";
        }
    }

    /** What this person may receive: the daily summary only concerns organizers. */
    private Map<MailKind, Boolean> mailChoices(User user) {
        Map<MailKind, Boolean> choices = new EnumMap<>(mailPreferences.of(user.getEmail()));
        if (!user.hasRole(Role.ORGANIZER)) {
            choices.remove(MailKind.DAILY_SUMMARY);
        }
        return choices;
    }

    private void fill(Model model, User user) {
        model.addAttribute("user", user);
        model.addAttribute("mailChoices", mailChoices(user));
        if (!model.containsAttribute("profileForm")) {
            ProfileForm profile = new ProfileForm();
            profile.setFirstName(user.getFirstName());
            profile.setLastName(user.getLastName());
            profile.setPreferredLanguage(user.getLanguage().getLanguage());
            model.addAttribute("profileForm", profile);
        }
        if (!model.containsAttribute("passwordForm")) {
            model.addAttribute("passwordForm", new PasswordForm());
        }
        if (!model.containsAttribute("emailForm")) {
            model.addAttribute("emailForm", new EmailForm());
        }
    }
}
