package uk.dmadvisor.service.designation;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import uk.dmadvisor.api.DesignationApi;
import uk.dmadvisor.api.model.AnswerView;
import uk.dmadvisor.api.model.DesignationAssessment;
import uk.dmadvisor.api.model.DesignationAssessmentRequest;

@RestController
class DesignationController implements DesignationApi {

    private final DesignationAdvisor advisor;

    DesignationController(DesignationAdvisor advisor) {
        this.advisor = advisor;
    }

    @Override
    public ResponseEntity<DesignationAssessment> assessDesignation(DesignationAssessmentRequest request, AnswerView view) {
        return ResponseEntity.ok(advisor.assess(request, view));
    }
}
