package org.guichet.event.web;

import org.guichet.event.CategoryAdmin;
import org.guichet.shared.Refusal;
import org.guichet.shared.Refusals;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** /admin/categories: administrators add, rename and delete categories; one in use stays. */
@Controller
class CategoryAdminController {

    private final CategoryAdmin categories;

    CategoryAdminController(CategoryAdmin categories) {
        this.categories = categories;
    }

    @GetMapping("/admin/categories")
    String list(Model model) {
        model.addAttribute("categories", categories.all());
        return "event/categories";
    }

    @PostMapping("/admin/categories")
    String add(@RequestParam(defaultValue = "") String slug, @RequestParam(defaultValue = "") String nameEn,
            @RequestParam(defaultValue = "") String nameFr, RedirectAttributes redirect) {
        try {
            categories.add(slug, nameEn, nameFr);
            redirect.addFlashAttribute("saved", "category.added");
        } catch (Refusal problem) {
            Refusals.flash(redirect, problem);
            String proposed = CategoryAdmin.identifierFor(slug);
            redirect.addFlashAttribute("typedSlug", proposed.isEmpty() ? slug : proposed);
            redirect.addFlashAttribute("typedNameEn", nameEn);
            redirect.addFlashAttribute("typedNameFr", nameFr);
        }
        return "redirect:/admin/categories";
    }

    @PostMapping("/admin/categories/{id}")
    String rename(@PathVariable long id, @RequestParam(defaultValue = "") String nameEn,
            @RequestParam(defaultValue = "") String nameFr, RedirectAttributes redirect) {
        try {
            categories.rename(id, nameEn, nameFr);
            redirect.addFlashAttribute("saved", "category.renamed");
        } catch (Refusal problem) {
            Refusals.flash(redirect, problem);
        }
        return "redirect:/admin/categories";
    }

    /** Deleting asks first: this page names the category and holds the button that deletes it. */
    @GetMapping("/admin/categories/{id}/delete")
    String confirmDelete(@PathVariable long id, Model model, RedirectAttributes redirect) {
        try {
            model.addAttribute("category", categories.one(id));
        } catch (Refusal problem) {
            Refusals.flash(redirect, problem);
            return "redirect:/admin/categories";
        }
        model.addAttribute("inUse", categories.inUse(id));
        return "event/category-delete";
    }

    @PostMapping("/admin/categories/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        try {
            categories.delete(id);
            redirect.addFlashAttribute("saved", "category.deleted");
        } catch (Refusal problem) {
            Refusals.flash(redirect, problem);
        }
        return "redirect:/admin/categories";
    }
}
