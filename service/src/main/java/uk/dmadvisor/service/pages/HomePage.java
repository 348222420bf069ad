package uk.dmadvisor.service.pages;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: the self-assessments, the record check and the model catalogue. */
@Controller
class HomePage {

    private final Assessments assessments;

    HomePage(Assessments assessments) {
        this.assessments = assessments;
    }

    @GetMapping("/")
    String home(Model page) {
        page.addAttribute("kinds", assessments.all());
        page.addAttribute("current", "home");
        return "home";
    }
}
